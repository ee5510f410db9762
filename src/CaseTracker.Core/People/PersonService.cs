using System.Globalization;
using System.Text.Json;
using CaseTracker.Core.Accounts;
using CaseTracker.Core.Auditing;
using CaseTracker.Core.Cases;
using CaseTracker.Core.Common;
using CaseTracker.Core.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CaseTracker.Core.People;

public sealed record PersonDetails(
    int Id, string LatinName, string NativeName, int? BirthYear, DateOnly? BirthDate, string? City, Sex Sex,
    IReadOnlyList<AliasItem> Aliases, IReadOnlyList<PersonCaseLink> Cases);

public sealed record AliasItem(int Id, AliasKind Kind, string Name, string? Source);

public sealed class AddAliasCommand
{
    public int PersonId { get; set; }
    public AliasKind Kind { get; set; }
    public string FamilyName { get; set; } = "";
    public string? GivenName { get; set; }
    public string? Patronymic { get; set; }
    public string? Source { get; set; }
}

public sealed class AddAliasCommandValidator : AbstractValidator<AddAliasCommand>
{
    public AddAliasCommandValidator()
    {
        RuleFor(a => a.Kind).IsInEnum().WithMessage("Choose what kind of name this is.");
        RuleFor(a => a.FamilyName).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter the family name as it was written.")
            .MaximumLength(PersonConfiguration.NameLength).WithMessage("Keep the name to 100 characters or fewer.")
            .Must(n => Names.NameKey.Words(n).Count > 0 && CaseCommandValidator.NoControlCharacters(n)).WithMessage("Write the name in letters.");
        RuleFor(a => a.GivenName).MaximumLength(PersonConfiguration.NameLength).WithMessage("Keep the name to 100 characters or fewer.")
            .Must(n => n is null || CaseCommandValidator.NoControlCharacters(n)).WithMessage("Write the name in letters.");
        RuleFor(a => a.Patronymic).MaximumLength(PersonConfiguration.NameLength).WithMessage("Keep the name to 100 characters or fewer.")
            .Must(n => n is null || CaseCommandValidator.NoControlCharacters(n)).WithMessage("Write the name in letters.");
        RuleFor(a => a.Source).MaximumLength(300).WithMessage("Keep the source to 300 characters or fewer.")
            .Must(n => n is null || CaseCommandValidator.NoControlCharacters(n)).WithMessage("The source contains characters that cannot be stored.");
    }
}

/// <summary>A person's record across cases: aliases, and merging two records of the same person.</summary>
public sealed class PersonService(
    CaseTrackerDbContext db,
    IValidator<AddAliasCommand> aliasValidator,
    AuditTrail audit,
    TimeProvider clock,
    ILogger<PersonService> logger)
{
    public const string MergeAction = "person.merged";
    public const string UnmergeAction = "person.unmerged";

    /// <summary>A person, if the actor may see them: through a visible case, or in no case at all.</summary>
    public async Task<PersonDetails?> GetAsync(int id, Actor actor, CancellationToken ct)
    {
        var visible = db.Cases.VisibleTo(actor);
        var p = await db.Persons.AsNoTracking().Include(x => x.Aliases).VisibleTo(db.Cases, actor)
            .FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null)
        {
            return null;
        }
        var cases = await db.CasePeople.Where(cp => cp.PersonId == id && visible.Any(c => c.Id == cp.CaseId))
            .Select(cp => new PersonCaseLink(cp.CaseId, cp.Case.Reference, cp.Role)).ToListAsync(ct);
        await audit.RecordAsync(actor, "person.viewed", "Person", Id(id), ct: ct);
        return new PersonDetails(p.Id, PersonNames.LatinFullName(p), PersonNames.NativeFullName(p), p.BirthYear, p.BirthDate, p.City, p.Sex,
            p.Aliases.OrderBy(a => a.Id).Select(a => new AliasItem(a.Id, a.Kind, Join(a.FamilyName, a.GivenName, a.Patronymic), a.Source)).ToList(),
            cases);
    }

    public async Task<Result<int>> AddAliasAsync(AddAliasCommand command, Actor actor, CancellationToken ct)
    {
        if (await GetAsync(command.PersonId, actor, ct) is null)
        {
            return new Result<int>.NotFound();
        }
        var validation = await aliasValidator.ValidateAsync(command, ct);
        if (!validation.IsValid)
        {
            return new Result<int>.Invalid(validation.ToFieldErrors());
        }
        var person = await db.Persons.Include(p => p.Aliases).SingleAsync(p => p.Id == command.PersonId, ct);
        var alias = new PersonAlias
        {
            Person = person, Kind = command.Kind, FamilyName = command.FamilyName.Trim(), GivenName = Clean(command.GivenName),
            Patronymic = Clean(command.Patronymic), Source = Clean(command.Source), CreatedAt = clock.GetUtcNow(),
        };
        person.Aliases.Add(alias);
        audit.Add(actor, "person.alias_added", "Person", Id(person.Id), details: new { kind = command.Kind.ToString(), name = Join(alias.FamilyName, alias.GivenName, alias.Patronymic), source = alias.Source });
        await db.SaveChangesAsync(ct);
        return new Result<int>.Ok(alias.Id);
    }

    /// <summary>
    /// Merges <paramref name="mergeId"/> into <paramref name="keepId"/>: every case link and alias moves to the
    /// kept person, the merged person's names become aliases, and the merged record is removed. The audit
    /// record holds everything needed to undo it (<see cref="UnmergeAsync"/>).
    /// </summary>
    public Task<Result<long>> MergeAsync(int keepId, int mergeId, Actor actor, CancellationToken ct) =>
        db.RetryingAsync(token => MergeOnceAsync(keepId, mergeId, actor, token), ct);

    private async Task<Result<long>> MergeOnceAsync(int keepId, int mergeId, Actor actor, CancellationToken ct)
    {
        if (!actor.IsSupervisor)
        {
            return new Result<long>.NotFound();
        }
        if (keepId == mergeId)
        {
            return new Result<long>.Invalid([new FieldError("", "Choose two different persons.")]);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var keep = await db.Persons.Include(p => p.Aliases).Include(p => p.Cases).FirstOrDefaultAsync(p => p.Id == keepId, ct);
        var merge = await db.Persons.Include(p => p.Aliases).Include(p => p.Cases).FirstOrDefaultAsync(p => p.Id == mergeId, ct);
        if (keep is null || merge is null)
        {
            return new Result<long>.NotFound();
        }
        var snapshot = new MergeSnapshot(
            keep.Id,
            new PersonSnapshot(merge.Id, merge.FamilyName, merge.GivenName, merge.Patronymic, merge.NativeFamilyName, merge.NativeGivenName,
                merge.NativePatronymic, merge.BirthDate, merge.BirthYear, merge.Sex, merge.City, merge.Citizenships, merge.IllnessOrDisability,
                merge.HungerStrikes, merge.CreatedAt),
            merge.Cases.Select(c => new LinkSnapshot(c.CaseId, c.Role, c.Position, keep.Cases.Any(k => k.CaseId == c.CaseId))).ToList(),
            merge.Aliases.Select(a => new AliasSnapshot(a.Kind, a.FamilyName, a.GivenName, a.Patronymic, a.Source)).ToList(),
            []);
        var now = clock.GetUtcNow();
        foreach (var link in merge.Cases.ToList())
        {
            if (keep.Cases.All(k => k.CaseId != link.CaseId))
            {
                db.CasePeople.Add(new CasePerson { CaseId = link.CaseId, PersonId = keep.Id, Role = link.Role, Position = link.Position });
            }
            db.CasePeople.Remove(link);
        }
        // Every alias the kept person gains, so that an undo can take exactly these away again.
        var gained = new List<PersonAlias>();
        foreach (var a in merge.Aliases)
        {
            gained.Add(new PersonAlias { Kind = a.Kind, FamilyName = a.FamilyName, GivenName = a.GivenName, Patronymic = a.Patronymic, Source = a.Source, CreatedAt = a.CreatedAt });
        }
        foreach (var (family, given, patronymic) in new[] { (merge.FamilyName, merge.GivenName, merge.Patronymic), (merge.NativeFamilyName, merge.NativeGivenName, merge.NativePatronymic) })
        {
            if (!string.IsNullOrWhiteSpace(family))
            {
                gained.Add(new PersonAlias
                {
                    Kind = AliasKind.Spelling, FamilyName = family, GivenName = given, Patronymic = patronymic,
                    Source = $"merged from person {merge.Id.ToString(CultureInfo.InvariantCulture)}", CreatedAt = now,
                });
            }
        }
        keep.Aliases.AddRange(gained);
        keep.UpdatedAt = now;
        db.Persons.Remove(merge);
        await db.SaveChangesAsync(ct);
        snapshot = snapshot with { AddedAliasIds = gained.Select(a => a.Id).ToList() };
        var entry = audit.Add(actor, MergeAction, "Person", Id(keep.Id), details: snapshot);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Person {MergedId} merged into {KeptId} by {UserId}", mergeId, keepId, actor.UserId);
        return new Result<long>.Ok(entry.Id);
    }

    /// <summary>Undoes a merge from its audit record: the merged person comes back with their own id, links and aliases.</summary>
    public Task<Result<int>> UnmergeAsync(long auditId, Actor actor, CancellationToken ct) =>
        db.RetryingAsync(token => UnmergeOnceAsync(auditId, actor, token), ct);

    private async Task<Result<int>> UnmergeOnceAsync(long auditId, Actor actor, CancellationToken ct)
    {
        if (!actor.IsSupervisor)
        {
            return new Result<int>.NotFound();
        }
        var record = await db.AuditEvents.AsNoTracking().FirstOrDefaultAsync(e => e.Id == auditId && e.Action == MergeAction, ct);
        if (record?.Details is null)
        {
            return new Result<int>.NotFound();
        }
        var snapshot = record.Details.Deserialize<MergeSnapshot>()!;
        if (await db.AuditEvents.AnyAsync(e => e.Action == UnmergeAction && e.EntityId == Id(snapshot.Merged.Id), ct)
            || await db.Persons.AnyAsync(p => p.Id == snapshot.Merged.Id, ct))
        {
            return new Result<int>.Invalid([new FieldError("", "This merge has been undone already.")]);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var m = snapshot.Merged;
        var person = new Person
        {
            Id = m.Id, FamilyName = m.FamilyName, GivenName = m.GivenName, Patronymic = m.Patronymic, NativeFamilyName = m.NativeFamilyName,
            NativeGivenName = m.NativeGivenName, NativePatronymic = m.NativePatronymic, BirthDate = m.BirthDate, BirthYear = m.BirthYear,
            Sex = m.Sex, City = m.City, Citizenships = m.Citizenships.ToList(), IllnessOrDisability = m.IllnessOrDisability,
            HungerStrikes = m.HungerStrikes, CreatedAt = m.CreatedAt, UpdatedAt = clock.GetUtcNow(),
        };
        foreach (var a in snapshot.Aliases)
        {
            person.Aliases.Add(new PersonAlias { Kind = a.Kind, FamilyName = a.FamilyName, GivenName = a.GivenName, Patronymic = a.Patronymic, Source = a.Source, CreatedAt = clock.GetUtcNow() });
        }
        db.Persons.Add(person);
        var keep = await db.Persons.Include(p => p.Aliases).Include(p => p.Cases).FirstOrDefaultAsync(p => p.Id == snapshot.KeptId, ct);
        if (keep is not null)
        {
            db.PersonAliases.RemoveRange(keep.Aliases.Where(a => snapshot.AddedAliasIds.Contains(a.Id)));
            foreach (var link in snapshot.Links)
            {
                var moved = keep.Cases.FirstOrDefault(c => c.CaseId == link.CaseId);
                if (moved is not null && !link.KeptWasInCase)
                {
                    db.CasePeople.Remove(moved);
                }
            }
        }
        foreach (var link in snapshot.Links)
        {
            if (await db.Cases.AnyAsync(c => c.Id == link.CaseId, ct))
            {
                db.CasePeople.Add(new CasePerson { CaseId = link.CaseId, Person = person, Role = link.Role, Position = link.Position });
            }
        }
        audit.Add(actor, UnmergeAction, "Person", Id(m.Id), details: new { mergeAuditId = auditId, keptId = snapshot.KeptId });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new Result<int>.Ok(m.Id);
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Join(params string?[] parts) => string.Join(' ', parts.Where(s => !string.IsNullOrWhiteSpace(s)));

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public sealed record MergeSnapshot(int KeptId, PersonSnapshot Merged, IReadOnlyList<LinkSnapshot> Links, IReadOnlyList<AliasSnapshot> Aliases, IReadOnlyList<int> AddedAliasIds);

    public sealed record PersonSnapshot(int Id, string FamilyName, string? GivenName, string? Patronymic, string? NativeFamilyName, string? NativeGivenName,
        string? NativePatronymic, DateOnly? BirthDate, int? BirthYear, Sex Sex, string? City, IReadOnlyList<string> Citizenships, string? IllnessOrDisability,
        int HungerStrikes, DateTimeOffset CreatedAt);

    public sealed record LinkSnapshot(int CaseId, PersonRole Role, int Position, bool KeptWasInCase);

    public sealed record AliasSnapshot(AliasKind Kind, string FamilyName, string? GivenName, string? Patronymic, string? Source);
}
