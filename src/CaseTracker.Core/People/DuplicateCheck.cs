using CaseTracker.Core.Accounts;
using CaseTracker.Core.Cases;
using CaseTracker.Core.Names;
using CaseTracker.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseTracker.Core.People;

public enum DuplicateLikelihood
{
    Possible,
    Likely,
}

public sealed record DuplicateCandidate(
    int PersonId, string LatinName, string NativeName, int? BirthYear, string? City, double Score,
    DuplicateLikelihood Likelihood, IReadOnlyList<string> Reasons, IReadOnlyList<string> CaseReferences);

/// <summary>Warns before the same person is entered twice: other persons whose names meet, with the reasons.</summary>
public sealed class DuplicateCheck(CaseTrackerDbContext db, PeopleSearch search)
{
    /// <summary>A name score from which, with the same year of birth or city, a match is likely.</summary>
    public const double LikelyScore = 0.97;

    /// <remarks>
    /// Matches are shown as the actor may see them: only the references of cases they may see, and not at all
    /// a person they know only through restricted cases.
    /// </remarks>
    public async Task<IReadOnlyList<DuplicateCandidate>> FindAsync(PersonInput input, Actor actor, CancellationToken ct)
    {
        var names = new[]
        {
            Join(input.FamilyName, input.GivenName),
            Join(input.NativeFamilyName, input.NativeGivenName),
        }.Where(n => n.Length > 0).ToList();
        if (names.Count == 0)
        {
            return [];
        }
        var matches = new Dictionary<int, PersonMatch>();
        foreach (var name in names)
        {
            foreach (var m in await search.MatchAsync(name, ct, 20))
            {
                if (m.PersonId != input.PersonId && (!matches.TryGetValue(m.PersonId, out var seen) || seen.Score < m.Score))
                {
                    matches[m.PersonId] = m;
                }
            }
        }
        if (matches.Count == 0)
        {
            return [];
        }
        var ids = matches.Keys.ToList();
        var visible = db.Cases.VisibleTo(actor);
        var persons = (await db.Persons.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new
            {
                Person = p,
                Cases = p.Cases.Where(c => visible.Any(v => v.Id == c.CaseId)).Select(c => c.Case.Reference).ToList(),
                AnyCase = p.Cases.Any(),
            })
            .ToListAsync(ct))
            .Where(x => x.Cases.Count > 0 || !x.AnyCase)
            .ToList();
        var year = input.BirthDate?.Year ?? input.BirthYear;
        var city = input.City?.Trim();
        return persons.Select(x =>
            {
                var p = x.Person;
                var m = matches[p.Id];
                var reasons = new List<string> { $"name similarity {m.Score:0.00} ({m.MatchedForm})" };
                var sameYear = year is not null && p.BirthYear == year;
                var sameCity = !string.IsNullOrEmpty(city) && string.Equals(p.City, city, StringComparison.OrdinalIgnoreCase);
                if (sameYear)
                {
                    reasons.Add($"same year of birth ({year})");
                }
                else if (year is not null && p.BirthYear is not null)
                {
                    reasons.Add($"born {p.BirthYear}, not {year}");
                }
                if (sameCity)
                {
                    reasons.Add($"same city ({p.City})");
                }
                var differentYear = year is not null && p.BirthYear is not null && Math.Abs(p.BirthYear.Value - year.Value) > 1;
                var likely = m.Score >= LikelyScore && (sameYear || sameCity) && !differentYear;
                return new DuplicateCandidate(p.Id, PersonNames.LatinFullName(p), PersonNames.NativeFullName(p), p.BirthYear, p.City,
                    m.Score, likely ? DuplicateLikelihood.Likely : DuplicateLikelihood.Possible, reasons, x.Cases);
            })
            .Where(c => c.Likelihood == DuplicateLikelihood.Likely || !(year is not null && c.BirthYear is not null && Math.Abs(c.BirthYear.Value - year.Value) > 5))
            .OrderByDescending(c => c.Likelihood).ThenByDescending(c => c.Score)
            .Take(5)
            .ToList();
    }

    private static string Join(string? a, string? b) => string.Join(' ', new[] { a, b }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()));
}
