using System.Globalization;
using CaseTracker.Core.Cases;
using CaseTracker.Core.People;

namespace CaseTracker.Core.CaseWork;

/// <summary>
/// The weights of humanitarian urgency, in one place (documented in docs/urgency.md). A case's score is
/// the sum of its factors' points; each factor is also given in words.
/// </summary>
public static class UrgencyWeights
{
    /// <summary>People in the USSR aged this or more count as very old.</summary>
    public const int OldAge = 70;

    /// <summary>Points per year of age from <see cref="OldAge"/> on (77 → 8 × 3 = 24).</summary>
    public const int PerYearOverOldAge = 3;

    /// <summary>The applicant is a minor with no parent in the USSR.</summary>
    public const int MinorWithoutParent = 40;

    /// <summary>The applicant is a minor (with a parent).</summary>
    public const int Minor = 10;

    /// <summary>A person in the case has a serious illness or disability.</summary>
    public const int IllnessOrDisability = 20;

    /// <summary>Per hunger strike.</summary>
    public const int PerHungerStrike = 15;

    /// <summary>Per full year separated, from <see cref="SeparatedFromYears"/> years on.</summary>
    public const int PerYearSeparated = 1;

    public const int SeparatedFromYears = 5;

    /// <summary>Per refusal, from the second on.</summary>
    public const int PerRefusal = 4;
}

public sealed record UrgencyFactor(string Words, int Points);

public sealed record UrgencyAssessment(int Score, IReadOnlyList<UrgencyFactor> Factors)
{
    public IReadOnlyList<string> Words => Factors.Select(f => f.Words).ToList();
}

/// <summary>One person as urgency sees them.</summary>
public sealed record UrgencyPerson(PersonRole Role, DateOnly? BirthDate, int? BirthYear, IReadOnlyCollection<string> Citizenships, string? IllnessOrDisability, int HungerStrikes);

/// <summary>Computes a case's urgency from its people and its history. Pure code.</summary>
public static class Urgency
{
    private static readonly string[] Numbers = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

    public static UrgencyAssessment Assess(DateOnly? separatedSince, int refusals, IReadOnlyList<UrgencyPerson> people, DateOnly today)
    {
        var factors = new List<UrgencyFactor>();
        var inUssr = people.Where(IsInUssr).ToList();

        var oldest = inUssr.Select(p => Age(p, today)).Where(a => a is not null).Select(a => a!.Value).DefaultIfEmpty(0).Max();
        if (oldest >= UrgencyWeights.OldAge)
        {
            factors.Add(new($"aged {oldest}", (oldest - UrgencyWeights.OldAge + 1) * UrgencyWeights.PerYearOverOldAge));
        }

        var applicant = people.FirstOrDefault(p => p.Role == PersonRole.ApplicantInUssr);
        if (applicant is not null && Age(applicant, today) is < 18)
        {
            var parentInUssr = inUssr.Any(p => p.Role == PersonRole.Parent);
            factors.Add(parentInUssr
                ? new UrgencyFactor("a minor", UrgencyWeights.Minor)
                : new UrgencyFactor("minor without a parent", UrgencyWeights.MinorWithoutParent));
        }

        foreach (var illness in inUssr.Select(p => p.IllnessOrDisability).Where(i => !string.IsNullOrWhiteSpace(i)).Distinct())
        {
            factors.Add(new(illness!.Trim().ToLowerInvariant(), UrgencyWeights.IllnessOrDisability));
        }

        var strikes = people.Sum(p => p.HungerStrikes);
        if (strikes > 0)
        {
            factors.Add(new(strikes == 1 ? "one hunger strike" : $"{Count(strikes)} hunger strikes", strikes * UrgencyWeights.PerHungerStrike));
        }

        if (separatedSince is { } since)
        {
            var years = Common.Dates.WholeYears(since, today);
            if (years >= UrgencyWeights.SeparatedFromYears)
            {
                factors.Add(new($"separated {years} years", years * UrgencyWeights.PerYearSeparated));
            }
        }

        if (refusals >= 2)
        {
            factors.Add(new($"refused {refusals} times", (refusals - 1) * UrgencyWeights.PerRefusal));
        }

        return new UrgencyAssessment(factors.Sum(f => f.Points), factors.OrderByDescending(f => f.Points).ToList());
    }

    /// <summary>People in the USSR: the applicant, and anyone else but relatives and sponsors abroad who holds Soviet citizenship.</summary>
    public static bool IsInUssr(UrgencyPerson p) => IsInUssr(p.Role, p.Citizenships);

    public static bool IsInUssr(PersonRole role, IReadOnlyCollection<string> citizenships) =>
        role == PersonRole.ApplicantInUssr
        || (role is not PersonRole.RelativeAbroad and not PersonRole.SponsorAbroad && citizenships.Contains("SU") && !citizenships.Any(c => c != "SU"));

    public static int? Age(UrgencyPerson p, DateOnly today) =>
        p.BirthDate is { } born ? Common.Dates.WholeYears(born, today)
        : p.BirthYear is { } year ? today.Year - year - 1 + (today.DayOfYear >= 183 ? 1 : 0)
        : null;

    private static string Count(int n) => n < Numbers.Length ? Numbers[n] : n.ToString(CultureInfo.InvariantCulture);
}

public static class CaseUrgency
{
    /// <summary>Recomputes the stored score and factors of a case whose people are loaded.</summary>
    public static void Refresh(Case entity, DateOnly today)
    {
        var assessment = Urgency.Assess(entity.SeparatedSince, entity.RefusalCount,
            entity.People.Select(cp => new UrgencyPerson(cp.Role, cp.Person.BirthDate, cp.Person.BirthYear, cp.Person.Citizenships,
                cp.Person.IllnessOrDisability, cp.Person.HungerStrikes)).ToList(), today);
        entity.UrgencyScore = assessment.Score;
        var words = assessment.Words.ToList();
        if (!words.SequenceEqual(entity.UrgencyFactors))
        {
            entity.UrgencyFactors = words;
        }
    }
}
