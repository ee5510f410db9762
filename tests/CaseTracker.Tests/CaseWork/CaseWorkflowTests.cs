using CaseTracker.Core.Cases;
using CaseTracker.Core.CaseWork;

namespace CaseTracker.Tests.CaseWork;

public sealed class CaseWorkflowTests
{
    /// <summary>The workflow as the office describes it, written out independently of the code's table.</summary>
    private static readonly (CaseStatus From, CaseStatus To)[] Allowed =
    [
        (CaseStatus.New, CaseStatus.Documented), (CaseStatus.New, CaseStatus.Closed),
        (CaseStatus.Documented, CaseStatus.Submitted), (CaseStatus.Documented, CaseStatus.Closed),
        (CaseStatus.Submitted, CaseStatus.UnderReview), (CaseStatus.Submitted, CaseStatus.ReleasePromised),
        (CaseStatus.Submitted, CaseStatus.PermissionGranted), (CaseStatus.Submitted, CaseStatus.Refused), (CaseStatus.Submitted, CaseStatus.Closed),
        (CaseStatus.UnderReview, CaseStatus.ReleasePromised), (CaseStatus.UnderReview, CaseStatus.PermissionGranted),
        (CaseStatus.UnderReview, CaseStatus.Refused), (CaseStatus.UnderReview, CaseStatus.Closed),
        (CaseStatus.ReleasePromised, CaseStatus.PermissionGranted), (CaseStatus.ReleasePromised, CaseStatus.UnderReview),
        (CaseStatus.ReleasePromised, CaseStatus.Refused), (CaseStatus.ReleasePromised, CaseStatus.Closed),
        (CaseStatus.PermissionGranted, CaseStatus.Departed), (CaseStatus.PermissionGranted, CaseStatus.Refused), (CaseStatus.PermissionGranted, CaseStatus.Closed),
        (CaseStatus.Departed, CaseStatus.Reunited), (CaseStatus.Departed, CaseStatus.Closed),
        (CaseStatus.Refused, CaseStatus.Submitted), (CaseStatus.Refused, CaseStatus.Documented), (CaseStatus.Refused, CaseStatus.Closed),
        (CaseStatus.Closed, CaseStatus.Documented),
    ];

    public static TheoryData<CaseStatus, CaseStatus> EveryPair()
    {
        var data = new TheoryData<CaseStatus, CaseStatus>();
        foreach (var from in Enum.GetValues<CaseStatus>())
        {
            foreach (var to in Enum.GetValues<CaseStatus>())
            {
                data.Add(from, to);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Each_transition_is_allowed_or_refused_as_the_office_describes(CaseStatus from, CaseStatus to)
    {
        var expected = Allowed.Contains((from, to));

        Assert.Equal(expected, CaseWorkflow.IsAllowed(from, to));
        if (!expected)
        {
            var message = CaseWorkflow.Explain(from, to);
            Assert.Contains($"cannot become {CaseStatuses.DisplayName(to).ToLowerInvariant()}", message);
            foreach (var (f, t) in Allowed.Where(a => a.From == from))
            {
                Assert.Contains(CaseStatuses.DisplayName(t).ToLowerInvariant(), message);
            }
        }
    }

    [Fact]
    public void Reunited_is_final_and_says_so() =>
        Assert.Contains("finished", CaseWorkflow.Explain(CaseStatus.Reunited, CaseStatus.Submitted));

    [Fact]
    public void Refusing_a_granted_permission_is_a_rescission_and_nothing_else_is()
    {
        Assert.True(CaseWorkflow.IsRescission(CaseStatus.PermissionGranted, CaseStatus.Refused));
        Assert.False(CaseWorkflow.IsRescission(CaseStatus.UnderReview, CaseStatus.Refused));
    }
}
