using CaseTracker.Core.Cases;
using CaseTracker.Core.CaseWork;

namespace CaseTracker.Tests.CaseWork;

public sealed class UrgencyTests
{
    private static readonly DateOnly Today = new(1985, 12, 7);

    private static UrgencyPerson InUssr(PersonRole role = PersonRole.ApplicantInUssr, int? born = null, string? illness = null, int strikes = 0) =>
        new(role, null, born, ["SU"], illness, strikes);

    private static UrgencyPerson Abroad(PersonRole role = PersonRole.Spouse, int? born = null) => new(role, null, born, ["US"], null, 0);

    [Fact]
    public void The_blind_woman_separated_almost_thirty_years_is_explained_in_words()
    {
        var result = Urgency.Assess(new DateOnly(1956, 6, 1), 3, [InUssr(born: 1921, illness: "Blind"), Abroad()], Today);

        Assert.Equal(["separated 29 years", "blind", "refused 3 times"], result.Words);
        Assert.Equal(29 * UrgencyWeights.PerYearSeparated + UrgencyWeights.IllnessOrDisability + 2 * UrgencyWeights.PerRefusal, result.Score);
    }

    [Fact]
    public void Two_hunger_strikes_and_old_age_are_counted()
    {
        var result = Urgency.Assess(null, 0, [InUssr(born: 1908, strikes: 2)], Today);

        Assert.Contains("aged 77", result.Words);
        Assert.Contains("two hunger strikes", result.Words);
        Assert.Equal((77 - UrgencyWeights.OldAge + 1) * UrgencyWeights.PerYearOverOldAge + 2 * UrgencyWeights.PerHungerStrike, result.Score);
    }

    [Fact]
    public void A_minor_without_a_parent_in_the_ussr_weighs_more_than_one_with_a_parent()
    {
        var alone = Urgency.Assess(null, 0, [InUssr(born: 1969), Abroad(PersonRole.Parent, 1945)], Today);
        var withParent = Urgency.Assess(null, 0, [InUssr(born: 1969), InUssr(PersonRole.Parent, 1945)], Today);

        Assert.Equal(["minor without a parent"], alone.Words);
        Assert.Equal(["a minor"], withParent.Words);
        Assert.True(alone.Score > withParent.Score);
    }

    [Fact]
    public void Relatives_abroad_do_not_make_a_case_urgent_by_their_age_or_illness()
    {
        var result = Urgency.Assess(null, 1, [InUssr(born: 1950), new UrgencyPerson(PersonRole.RelativeAbroad, null, 1900, ["US"], "blind", 0)], Today);

        Assert.Empty(result.Factors);
        Assert.Equal(0, result.Score);
    }

    [Fact]
    public void A_short_separation_and_a_single_refusal_are_not_factors() =>
        Assert.Empty(Urgency.Assess(Today.AddYears(-2), 1, [InUssr(born: 1950)], Today).Factors);
}
