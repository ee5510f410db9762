using System.Text.Json;
using CaseTracker.Core.Cases;
using CaseTracker.Core.CaseWork;
using CaseTracker.Core.Demo;
using CaseTracker.Core.Lists;

namespace CaseTracker.Tests.Demo;

/// <summary>The letter's representation lists in the demo data, consistent with the cases' histories; checked without a database.</summary>
public sealed class DemoListsTests
{
    private static readonly IReadOnlyList<DemoCase> Cases = DemoData.Cases;
    private static readonly IReadOnlyList<DemoList> Lists = DemoData.Lists;
    private static readonly Dictionary<string, DemoCase> ByReference = Cases.ToDictionary(c => c.Reference);

    private static readonly DateTimeOffset FirstRecorded = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LastRecorded = new(2026, 11, 20, 16, 0, 0, TimeSpan.Zero);

    private static readonly string[] Staff =
        [DemoData.CaseworkerEmail, DemoData.SecondCaseworkerEmail, DemoData.ThirdCaseworkerEmail, DemoData.SupervisorEmail];

    private static DemoList Named(string name) => Assert.Single(Lists, l => l.Name == name);

    private static IEnumerable<(DemoList List, DemoListEntry Entry, DemoAnswer Answer)> Answers() =>
        Lists.SelectMany(l => l.Entries.SelectMany(e => e.Answers.Select(a => (l, e, a))));

    private static List<DemoEvent> Chain(DemoCase c) => c.Events.Where(e => e.Kind == CaseEventKind.StatusChange).ToList();

    /// <summary>The case's status at the end of a day, from its history.</summary>
    private static CaseStatus StatusOn(DemoCase c, DateOnly day) =>
        Chain(c).Where(e => e.OccurredOn <= day).Select(e => e.ToStatus!.Value).DefaultIfEmpty(CaseStatus.New).Last();

    /// <summary>The case's status before anything that happened on the day.</summary>
    private static CaseStatus StatusBefore(DemoCase c, DateOnly day) =>
        Chain(c).Where(e => e.OccurredOn < day).Select(e => e.ToStatus!.Value).DefaultIfEmpty(CaseStatus.New).Last();

    [Fact]
    public void The_four_lists_of_the_letter_with_their_counts_and_states()
    {
        Assert.Equal(
            [DemoLists.GenevaName, DemoLists.SpousesName, DemoLists.DualNationalsName, DemoLists.DividedFamiliesName],
            Lists.Select(l => l.Name));

        var geneva = Named(DemoLists.GenevaName);
        Assert.Equal(DemoData.PromisedSpouseCount, geneva.Entries.Count);
        Assert.Equal(10, geneva.Entries.Count);
        Assert.Equal(10, geneva.TheirStatedCount);
        Assert.Equal(ListStatus.Delivered, geneva.Status);

        var xvii = Named(DemoLists.SpousesName);
        Assert.Equal(17, xvii.Entries.Count);
        Assert.Equal(10, xvii.TheirStatedCount);
        Assert.Equal(ListStatus.Delivered, xvii.Status);

        var dual = Named(DemoLists.DualNationalsName);
        Assert.Equal(23, dual.Entries.Count);
        Assert.Equal(ListStatus.Approved, dual.Status);
        Assert.Empty(dual.Deliveries);

        var families = Named(DemoLists.DividedFamiliesName);
        Assert.Equal(129, families.Entries.Count);
        Assert.Equal(ListStatus.Draft, families.Status);
        Assert.Empty(families.Deliveries);
        Assert.Null(families.ApprovedAt);
    }

    [Fact]
    public void Each_list_holds_the_cases_of_its_kind_once_in_positions_from_one()
    {
        Assert.All(Lists, l =>
        {
            Assert.Equal(Enumerable.Range(1, l.Entries.Count), l.Entries.Select(e => e.Position));
            Assert.Equal(l.Entries.Count, l.Entries.Select(e => e.CaseReference).Distinct().Count());
            Assert.All(l.Entries, e => Assert.Equal(l.Category, ByReference[e.CaseReference].Category));
        });
        static HashSet<string> References(IEnumerable<DemoCase> cases) => cases.Select(c => c.Reference).ToHashSet();

        Assert.Equal(
            References(Cases.Where(c => c.Category == CaseCategory.SeparatedSpouse
                && c.Status is CaseStatus.ReleasePromised or CaseStatus.PermissionGranted or CaseStatus.Departed or CaseStatus.Reunited)),
            Named(DemoLists.GenevaName).Entries.Select(e => e.CaseReference).ToHashSet());
        Assert.Equal(
            References(Cases.Where(c => c.Category == CaseCategory.SeparatedSpouse && c.Status is CaseStatus.Submitted or CaseStatus.UnderReview)),
            Named(DemoLists.SpousesName).Entries.Select(e => e.CaseReference).ToHashSet());
        Assert.Equal(References(Cases.Where(c => c.Category == CaseCategory.DualNational)),
            Named(DemoLists.DualNationalsName).Entries.Select(e => e.CaseReference).ToHashSet());
        Assert.Equal(References(Cases.Where(c => c.Category == CaseCategory.DividedFamily)),
            Named(DemoLists.DividedFamiliesName).Entries.Select(e => e.CaseReference).ToHashSet());
    }

    [Fact]
    public void List_XVII_went_with_Secretary_Baldrige_for_Christmas_and_their_ten_were_announced_at_Geneva()
    {
        var xvii = Named(DemoLists.SpousesName);
        Assert.Equal(new DateOnly(1985, 12, 25), xvii.TargetDate);
        Assert.Equal("CONFIDENTIAL", xvii.Classification);
        Assert.Equal(CaseCategory.SeparatedSpouse, xvii.Category);
        Assert.Contains("It would be a joyous occasion if all of them could join their spouses for the Christmas and New Year's holidays.", xvii.Purpose,
            StringComparison.Ordinal);
        var delivery = Assert.Single(xvii.Deliveries);
        Assert.Equal(new DateOnly(1985, 12, 7), delivery.DeliveredOn);
        Assert.Equal("Secretary Baldrige's visit to Moscow", delivery.Occasion);
        Assert.Equal("Secretary of Commerce", delivery.DeliveredBy);
        Assert.Equal("Soviet Foreign Ministry", delivery.DeliveredTo);

        var geneva = Named(DemoLists.GenevaName);
        var announced = Assert.Single(geneva.Deliveries);
        Assert.Equal(new DateOnly(1985, 11, 20), announced.DeliveredOn);
        Assert.Equal("Geneva summit: their list of spouses to be released", announced.Occasion);
        Assert.All(geneva.Entries, e =>
        {
            var answer = Assert.Single(e.Answers);
            Assert.Equal(AnswerOutcome.ReleasePromised, answer.Outcome);
            Assert.Equal(new DateOnly(1985, 11, 20), answer.ReceivedOn);
            Assert.Equal("Soviet delegation, Geneva", answer.Channel);
        });
        // Some have yet to hear it officially.
        Assert.Contains(geneva.Entries, e => ByReference[e.CaseReference].Status == CaseStatus.ReleasePromised);

        // A few answers to list XVII are in, from December 1985 to early 1986.
        var answers = xvii.Entries.SelectMany(e => e.Answers).ToList();
        Assert.InRange(answers.Count, 2, xvii.Entries.Count / 2);
        Assert.Contains(answers, a => a.Outcome == AnswerOutcome.UnderReview);
        Assert.Contains(answers, a => a.Outcome == AnswerOutcome.NoRecord);
        Assert.All(answers, a => Assert.InRange(a.ReceivedOn, new DateOnly(1985, 12, 8), new DateOnly(1986, 6, 30)));
    }

    [Fact]
    public void Delivered_entries_belong_to_a_delivery_and_only_delivered_entries_are_answered()
    {
        Assert.All(Lists, l =>
        {
            Assert.Equal(Enumerable.Range(1, l.Deliveries.Count), l.Deliveries.Select(d => d.Instalment));
            Assert.Equal(l.Deliveries.Count > 0, l.Status == ListStatus.Delivered);
            Assert.All(l.Entries, e =>
            {
                Assert.True(e.Instalment is null || l.Deliveries.Any(d => d.Instalment == e.Instalment), e.CaseReference);
                Assert.False(e.HoldUntilFamilyTold && e.Instalment is not null, $"{e.CaseReference} is held yet delivered");
                if (e.Instalment is null)
                {
                    Assert.Empty(e.Answers);
                }
            });
            Assert.All(l.Deliveries, d => Assert.Contains(l.Entries, e => e.Instalment == d.Instalment));
            if (l.Status == ListStatus.Delivered)
            {
                Assert.All(l.Entries, e => Assert.NotNull(e.Instalment));
            }
        });
    }

    [Fact]
    public void Delivering_would_not_have_moved_any_case()
    {
        // The app submits documented (or refused) cases when a list goes out; the delivered demo cases had all been raised already.
        Assert.All(Lists.Where(l => l.Deliveries.Count > 0), l => Assert.All(l.Entries, e =>
        {
            var c = ByReference[e.CaseReference];
            var on = l.Deliveries.Single(d => d.Instalment == e.Instalment).DeliveredOn;
            Assert.False(CaseWorkflow.IsAllowed(StatusBefore(c, on), CaseStatus.Submitted), $"{c.Reference} would have been submitted on {on}");
        }));
    }

    [Fact]
    public void Answers_agree_with_the_cases_histories_and_statuses()
    {
        var answers = Answers().ToList();
        Assert.NotEmpty(answers);
        Assert.All(answers, x =>
        {
            var c = ByReference[x.Entry.CaseReference];
            var delivered = x.List.Deliveries.Single(d => d.Instalment == x.Entry.Instalment).DeliveredOn;
            Assert.True(x.Answer.ReceivedOn >= delivered, $"{c.Reference}: answered on {x.Answer.ReceivedOn}, before the list went out on {delivered}");
            if (AnswerOutcomes.TargetStatus(x.Answer.Outcome) is { } target)
            {
                // A moving answer is matched by the status change on that day, or finds the case where it would move it.
                var changed = Chain(c).Any(e => e.OccurredOn == x.Answer.ReceivedOn && e.ToStatus == target);
                var already = StatusBefore(c, x.Answer.ReceivedOn) == target;
                Assert.True(changed || already,
                    $"{c.Reference}: answer {x.Answer.Outcome} on {x.Answer.ReceivedOn}, but the case was {StatusBefore(c, x.Answer.ReceivedOn)} and its history shows no change to {target}");
                Assert.Equal(target, StatusOn(c, x.Answer.ReceivedOn));
                // Nothing in the history contradicts it since: the case went on from there, or stayed.
                Assert.True(c.Status == target || Chain(c).Any(e => e.OccurredOn >= x.Answer.ReceivedOn && e.FromStatus == target), c.Reference);
            }
            else
            {
                // An answer that moves nothing comes to a case that is still open and unresolved.
                Assert.False(ListService.IsResolved(StatusOn(c, x.Answer.ReceivedOn)), c.Reference);
                Assert.NotEqual(CaseStatus.Closed, c.Status);
            }
        });
        // No refusal is recorded on a case whose history does not show it.
        Assert.DoesNotContain(answers, x => x.Answer.Outcome == AnswerOutcome.Refused && ByReference[x.Entry.CaseReference].Status != CaseStatus.Refused);
    }

    [Fact]
    public void Timestamps_are_2025_or_2026_in_order_and_after_the_cases_were_entered()
    {
        Assert.All(Lists, l =>
        {
            var times = new List<DateTimeOffset> { l.CreatedAt, l.UpdatedAt };
            times.AddRange(l.Entries.Select(e => e.AddedAt));
            times.AddRange(l.Deliveries.Select(d => d.RecordedAt));
            times.AddRange(l.Entries.SelectMany(e => e.Answers).Select(a => a.RecordedAt));
            if (l.ApprovedAt is { } approved)
            {
                times.Add(approved);
            }
            Assert.All(times, t =>
            {
                Assert.InRange(t, FirstRecorded, LastRecorded);
                Assert.Equal(TimeSpan.Zero, t.Offset);
            });

            Assert.True(l.CreatedAt < l.Entries[0].AddedAt, l.Name);
            for (var i = 1; i < l.Entries.Count; i++)
            {
                Assert.True(l.Entries[i - 1].AddedAt < l.Entries[i].AddedAt, $"{l.Name}: entry {i + 1} added out of order");
            }
            Assert.All(l.Entries, e => Assert.True(e.AddedAt > DemoLists.HistoryEntered(ByReference[e.CaseReference]), $"{e.CaseReference} added before it was entered"));
            Assert.Equal(l.Status != ListStatus.Draft, l.ApprovedAt is not null);
            Assert.True(l.ApprovedAt is null || l.ApprovedAt > l.Entries[^1].AddedAt, l.Name);
            Assert.All(l.Deliveries, d => Assert.True(d.RecordedAt > l.ApprovedAt, l.Name));
            Assert.All(l.Entries.Where(e => e.Instalment is not null), e => Assert.All(e.Answers, a =>
                Assert.True(a.RecordedAt > l.Deliveries.Single(d => d.Instalment == e.Instalment).RecordedAt, e.CaseReference)));
            Assert.Equal(new[] { l.CreatedAt, l.ApprovedAt ?? l.CreatedAt }.Concat(l.Entries.Select(e => e.AddedAt)).Concat(l.Deliveries.Select(d => d.RecordedAt)).Max(),
                l.UpdatedAt);

            Assert.Contains(l.CreatedByEmail, Staff);
            Assert.All(l.Entries, e => Assert.Contains(e.AddedByEmail, Staff));
            Assert.All(l.Entries.SelectMany(e => e.Answers), a => Assert.Contains(a.RecordedByEmail, Staff));
        });
    }

    [Fact]
    public void Answers_go_on_the_timelines_as_the_app_writes_them_with_ids_of_their_own()
    {
        var answers = Answers().ToList();
        var historyIds = Cases.SelectMany(c => c.Events).Select(e => e.Id).ToHashSet();

        Assert.Equal(answers.Count, answers.Select(x => x.Answer.EventId).Distinct().Count());
        Assert.All(answers, x =>
        {
            Assert.NotEqual(Guid.Empty, x.Answer.EventId);
            Assert.DoesNotContain(x.Answer.EventId, historyIds);
            var text = DemoLists.TimelineText(x.List.Name, x.Answer);
            Assert.StartsWith($"Answer on list {x.List.Name}: {AnswerOutcomes.DisplayName(x.Answer.Outcome)}.", text, StringComparison.Ordinal);
            Assert.Contains($"Their words: “{x.Answer.TheirWords}”.", text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void The_draft_of_divided_families_holds_back_the_promised_and_its_check_has_something_to_find()
    {
        var families = Named(DemoLists.DividedFamiliesName);
        var held = families.Entries.Where(e => e.HoldUntilFamilyTold).Select(e => ByReference[e.CaseReference]).ToList();

        Assert.InRange(held.Count, 1, 10);
        Assert.All(held, c => Assert.Equal(CaseStatus.ReleasePromised, c.Status));
        // Resolved and closed families are still on the draft: the pre-delivery check will point at them.
        Assert.Contains(families.Entries, e => ListService.IsResolved(ByReference[e.CaseReference].Status));
        Assert.Contains(families.Entries, e => ByReference[e.CaseReference].Status == CaseStatus.Closed);
        Assert.Contains(families.Entries, e => ByReference[e.CaseReference].FirstExitApplicationOn is null);
    }

    [Fact]
    public void Lists_deliveries_and_answers_pass_the_apps_own_validation()
    {
        var clock = TimeProvider.System;
        var create = new CreateListCommandValidator(clock);
        var deliver = new DeliverListCommandValidator(clock);
        var answer = new RecordAnswerCommandValidator(clock);
        Assert.All(Lists, l =>
        {
            var result = create.Validate(new CreateListCommand
            {
                Name = l.Name, Purpose = l.Purpose, Category = l.Category, Classification = l.Classification, TargetDate = l.TargetDate,
            });
            Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => e.ErrorMessage)));
            Assert.All(l.Deliveries, d =>
            {
                var r = deliver.Validate(new DeliverListCommand { DeliveredOn = d.DeliveredOn, Occasion = d.Occasion, DeliveredBy = d.DeliveredBy, DeliveredTo = d.DeliveredTo });
                Assert.True(r.IsValid, string.Join("; ", r.Errors.Select(e => e.ErrorMessage)));
            });
        });
        Assert.All(Answers(), x =>
        {
            var r = answer.Validate(new RecordAnswerCommand
            {
                ReceivedOn = x.Answer.ReceivedOn, Channel = x.Answer.Channel, Outcome = x.Answer.Outcome, TheirWords = x.Answer.TheirWords,
                Verification = x.Answer.Verification,
            });
            Assert.True(r.IsValid, string.Join("; ", r.Errors.Select(e => e.ErrorMessage)));
        });
    }

    [Fact]
    public void Building_twice_gives_the_same_lists()
    {
        var first = JsonSerializer.Serialize(DemoLists.Build(DemoData.Generate()));
        var second = JsonSerializer.Serialize(DemoLists.Build(DemoData.Generate()));

        Assert.Equal(first, second);
        Assert.Equal(first, JsonSerializer.Serialize(Lists));
    }
}
