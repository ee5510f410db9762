using CaseTracker.Core.Names;
using CaseTracker.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseTracker.Core.People;

/// <summary>
/// Keeps <see cref="PersonNameKey"/> rows in step with persons and their aliases. Called by the DbContext
/// before every save, so no code path that changes a name can forget it.
/// </summary>
internal static class PersonNameIndex
{
    private static readonly string[] NameProperties =
        [nameof(Person.FamilyName), nameof(Person.GivenName), nameof(Person.Patronymic),
         nameof(Person.NativeFamilyName), nameof(Person.NativeGivenName), nameof(Person.NativePatronymic)];

    /// <summary>Every name form of the person: Latin, native, and each alias.</summary>
    public static IEnumerable<string> Forms(Person p)
    {
        yield return PersonNames.LatinFullName(p);
        var native = PersonNames.NativeFullName(p);
        if (native.Length > 0)
        {
            yield return native;
        }
        foreach (var a in p.Aliases)
        {
            yield return string.Join(' ', new[] { a.FamilyName, a.GivenName, a.Patronymic }.Where(s => !string.IsNullOrWhiteSpace(s)));
        }
    }

    /// <summary>The keys of every word of every form (each word with the keys of its other readings).</summary>
    public static IEnumerable<(string Key, string Form)> Keys(Person p) =>
        Forms(p)
            .SelectMany(form => NameKey.Words(form).SelectMany(NameKey.Alternatives).Where(k => k.Length > 0).Select(k => (Key: Truncate(k, 100), Form: Truncate(form, 320))))
            .Distinct();

    public static async Task RefreshAsync(CaseTrackerDbContext db, CancellationToken ct)
    {
        var persons = Changed(db);
        if (persons.Count == 0)
        {
            return;
        }
        var existingIds = persons.Where(p => p.Id > 0).Select(p => p.Id).ToList();
        foreach (var p in persons.Where(p => p.Id > 0))
        {
            var aliases = db.Entry(p).Collection(x => x.Aliases);
            if (!aliases.IsLoaded)
            {
                await aliases.LoadAsync(ct);
            }
        }
        var old = existingIds.Count == 0 ? [] : await db.PersonNameKeys.Where(k => existingIds.Contains(k.PersonId)).ToListAsync(ct);
        Replace(db, persons, old);
    }

    /// <summary>
    /// The synchronous save path (Data Protection's key store saves synchronously). ASP.NET Core has no
    /// synchronization context, so waiting on the asynchronous version here cannot deadlock.
    /// </summary>
    public static void Refresh(CaseTrackerDbContext db) => RefreshAsync(db, CancellationToken.None).GetAwaiter().GetResult();

    private static List<Person> Changed(CaseTrackerDbContext db)
    {
        var changed = new HashSet<Person>();
        foreach (var entry in db.ChangeTracker.Entries<Person>())
        {
            if (entry.State == EntityState.Added
                || (entry.State == EntityState.Modified && NameProperties.Any(n => entry.Property(n).IsModified)))
            {
                changed.Add(entry.Entity);
            }
        }
        foreach (var entry in db.ChangeTracker.Entries<PersonAlias>())
        {
            if (entry.State is EntityState.Added or EntityState.Deleted or EntityState.Modified && entry.Entity.Person is { } person
                && db.Entry(person).State != EntityState.Deleted)
            {
                changed.Add(person);
            }
        }
        return changed.ToList();
    }

    private static void Replace(CaseTrackerDbContext db, List<Person> persons, List<PersonNameKey> old)
    {
        db.PersonNameKeys.RemoveRange(old);
        foreach (var person in persons)
        {
            foreach (var (key, form) in Keys(person))
            {
                db.PersonNameKeys.Add(new PersonNameKey { Person = person, Key = key, Form = form });
            }
        }
    }

    private static string Truncate(string s, int length) => s.Length <= length ? s : s[..length];
}

/// <summary>Builds the name keys of persons that have none (after an upgrade, or rows loaded by bulk copy).</summary>
public sealed class PersonNameBackfill(CaseTrackerDbContext db)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            var batch = await db.Persons.Include(p => p.Aliases)
                .Where(p => !db.PersonNameKeys.Any(k => k.PersonId == p.Id))
                .OrderBy(p => p.Id).Take(1000).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return total;
            }
            foreach (var person in batch)
            {
                foreach (var (key, form) in PersonNameIndex.Keys(person))
                {
                    db.PersonNameKeys.Add(new PersonNameKey { PersonId = person.Id, Key = key, Form = form });
                }
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            total += batch.Count;
        }
    }
}
