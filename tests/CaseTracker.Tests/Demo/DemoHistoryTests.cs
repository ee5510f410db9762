using System.Text.Json;
using CaseTracker.Core.Cases;
using CaseTracker.Core.CaseWork;
using CaseTracker.Core.Demo;
using CaseTracker.Core.People;

namespace CaseTracker.Tests.Demo;

/// <summary>The demo caseload is a living one: timelines along the workflow, notes, corrections, tasks. Checked without a database.</summary>
public sealed class DemoHistoryTests
{
    private static readonly IReadOnlyList<DemoCase> Cases = DemoData.Generate();
    private static readonly DateOnly Letter = new(1985, 12, 7);
    private static readonly DateOnly GenevaSummit = new(1985, 11, 19);

    /// <summary>A day the demo is run: late in 2026, when the demo data was last updated.</summary>
    private static readonly DateOnly RunDay = new(2026, 11, 27);

    private static readonly DateTimeOffset LastRecorded = new(2026, 11, 20, 16, 0, 0, TimeSpan.Zero);

    private static readonly string[] Staff =
        [DemoData.CaseworkerEmail, DemoData.SecondCaseworkerEmail, DemoData.ThirdCaseworkerEmail, DemoData.SupervisorEmail];

    private static bool IsOpen(DemoCase c) => c.Status is not (CaseStatus.Reunited or CaseStatus.Closed);

    private static List<DemoEvent> Chain(DemoCase c) => c.Events.Where(e => e.Kind == CaseEventKind.StatusChange).ToList();

    private static DemoCase Spouse(Func<DemoPerson, bool> applicant) =>
        Assert.Single(Cases, c => c.Category == CaseCategory.SeparatedSpouse && applicant(c.People[0].Person));

    [Fact]
    public void Every_status_chain_starts_at_New_uses_only_allowed_transitions_and_ends_at_the_cases_status()
    {
        Assert.All(Cases, c =>
        {
            var from = CaseStatus.New;
            foreach (var e in Chain(c))
            {
                Assert.Equal(from, e.FromStatus);
                Assert.NotNull(e.ToStatus);
                Assert.True(CaseWorkflow.IsAllowed(from, e.ToStatus!.Value), $"{c.Reference}: {from} → {e.ToStatus}");
                from = e.ToStatus.Value;
            }
            Assert.Equal(c.Status, from);
            Assert.Equal(c.Status == CaseStatus.New, Chain(c).Count == 0);
        });
    }

    [Fact]
    public void Status_changes_are_dated_in_order_and_the_status_since_is_the_last_one()
    {
        Assert.All(Cases, c =>
        {
            var chain = Chain(c);
            for (var i = 1; i < chain.Count; i++)
            {
                Assert.True(chain[i - 1].OccurredOn < chain[i].OccurredOn, $"{c.Reference}: step {i} is dated {chain[i].OccurredOn}");
                Assert.True(chain[i - 1].RecordedAt < chain[i].RecordedAt, $"{c.Reference}: step {i} is recorded out of order");
            }
            Assert.NotNull(c.StatusSince);
            if (chain.Count > 0)
            {
                Assert.Equal(chain[^1].OccurredOn, c.StatusSince);
            }
            Assert.True(c.StatusSince <= Letter, c.Reference);
        });
    }

    [Fact]
    public void Every_status_appears_among_the_cases_and_in_the_timelines()
    {
        var reached = Cases.SelectMany(Chain).Select(e => e.ToStatus!.Value).ToHashSet();

        Assert.All(Enum.GetValues<CaseStatus>(), s => Assert.Contains(s, Cases.Select(c => c.Status)));
        Assert.All(Enum.GetValues<CaseStatus>().Where(s => s != CaseStatus.New), s => Assert.Contains(s, reached));
        Assert.Contains(Cases, c => Chain(c).Count(e => e.ToStatus == CaseStatus.Refused) >= 2);
        Assert.Contains(Cases, c => Chain(c).Any(e => e.FromStatus == CaseStatus.Closed && e.ToStatus == CaseStatus.Documented));
    }

    [Fact]
    public void Refusals_state_their_reason_and_are_no_more_than_the_cases_count()
    {
        Assert.All(Cases, c =>
        {
            var refusals = Chain(c).Where(e => e.ToStatus == CaseStatus.Refused).ToList();
            Assert.InRange(refusals.Count, 0, Math.Min(3, c.RefusalCount));
            Assert.All(refusals, e => Assert.Equal($"Refused. Stated reason: {c.RefusalReason}", e.Text));
            Assert.All(refusals, e => Assert.True(c.FirstExitApplicationOn is null || e.OccurredOn >= c.FirstExitApplicationOn,
                $"{c.Reference}: refused on {e.OccurredOn}, before applying on {c.FirstExitApplicationOn}"));
            if (c.Status == CaseStatus.Refused)
            {
                Assert.NotEmpty(refusals);
            }
        });
    }

    [Fact]
    public void Status_changes_say_where_the_news_came_from_and_closures_say_why()
    {
        Assert.All(Cases.SelectMany(Chain), e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Source));
            Assert.False(string.IsNullOrWhiteSpace(e.Text));
            Assert.Equal(e.ToStatus == CaseStatus.Closed, e.ClosureReason is not null);
        });
        var closures = Cases.Where(c => c.Status == CaseStatus.Closed).Select(c => Chain(c)[^1].ClosureReason).ToList();
        Assert.True(closures.Distinct().Count() >= 2, "closed for different reasons");
        var sources = Cases.SelectMany(Chain).Select(e => e.Source).ToHashSet();
        Assert.Contains("embassy note", sources);
        Assert.Contains("letter from the family", sources);
        Assert.Contains("Soviet Foreign Ministry reply", sources);
        Assert.Contains("meeting at the Geneva summit", sources);
    }

    [Fact]
    public void The_promised_releases_date_from_well_over_a_month_ago_and_the_ten_spouses_from_Geneva()
    {
        var promised = Cases.Where(c => c.Status == CaseStatus.ReleasePromised).ToList();

        Assert.Equal(8, promised.Count);
        Assert.All(promised, c => Assert.True(c.StatusSince < RunDay.AddDays(-CaseWorkService.PromisedAlertDays)));
        var spouses = promised.Where(c => c.Category == CaseCategory.SeparatedSpouse).ToList();
        Assert.Equal(5, spouses.Count);
        Assert.All(spouses, c =>
        {
            var promise = Chain(c)[^1];
            Assert.Equal(new DateOnly(1985, 11, 20), promise.OccurredOn);
            Assert.Equal("meeting at the Geneva summit", promise.Source);
            Assert.Contains("not yet heard officially", promise.Text, StringComparison.Ordinal);
        });
        // The 17 further spouses were named at the summit.
        Assert.All(Cases.Where(c => c.Category == CaseCategory.SeparatedSpouse && c.Status is CaseStatus.Submitted or CaseStatus.UnderReview),
            c => Assert.Equal(GenevaSummit, Chain(c).Last(e => e.ToStatus == CaseStatus.Submitted).OccurredOn));
    }

    [Fact]
    public void Every_case_has_one_to_four_notes_and_contacts_with_texts_and_kinds()
    {
        Assert.All(Cases, c =>
        {
            var entries = c.Events.Where(e => e.Kind is CaseEventKind.Note or CaseEventKind.Contact).ToList();
            Assert.InRange(entries.Count, 1, 4);
            Assert.All(entries, e =>
            {
                Assert.False(string.IsNullOrWhiteSpace(e.Text));
                Assert.Equal(e.Kind == CaseEventKind.Contact, e.ContactKind is not null);
                Assert.Null(e.ToStatus);
            });
        });
        var kinds = Cases.SelectMany(c => c.Events).Where(e => e.ContactKind is not null).Select(e => e.ContactKind!.Value).ToHashSet();
        Assert.All(new[] { ContactKind.EmbassyVisit, ContactKind.Letter, ContactKind.Call, ContactKind.MeetingWithOtherSide, ContactKind.CongressionalLetter },
            k => Assert.Contains(k, kinds));
    }

    [Fact]
    public void Corrections_point_to_an_earlier_note_of_the_same_case()
    {
        var corrections = Cases.SelectMany(c => c.Events.Where(e => e.CorrectsId is not null).Select(e => (Case: c, Entry: e))).ToList();

        Assert.True(corrections.Count >= 3, $"{corrections.Count} corrections");
        Assert.All(corrections, x =>
        {
            var corrected = Assert.Single(x.Case.Events, e => e.Id == x.Entry.CorrectsId);
            Assert.Equal(CaseEventKind.Note, corrected.Kind);
            Assert.Equal(CaseEventKind.Note, x.Entry.Kind);
            Assert.True(corrected.RecordedAt < x.Entry.RecordedAt, x.Case.Reference);
            Assert.StartsWith("Correction: ", x.Entry.Text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Timeline_entries_are_historical_recorded_in_2025_or_2026_by_the_case_staff_and_have_unique_ids()
    {
        var all = Cases.SelectMany(c => c.Events.Select(e => (Case: c, Entry: e))).ToList();

        Assert.Equal(all.Count, all.Select(x => x.Entry.Id).Distinct().Count());
        Assert.All(all, x =>
        {
            Assert.NotEqual(Guid.Empty, x.Entry.Id);
            Assert.InRange(x.Entry.OccurredOn, CaseCommandValidator.EarliestDate, Letter.AddDays(-1));
            Assert.True(x.Entry.RecordedAt >= x.Case.CreatedAt && x.Entry.RecordedAt <= x.Case.UpdatedAt, x.Case.Reference);
            Assert.True(x.Entry.RecordedAt <= LastRecorded, x.Case.Reference);
            Assert.Equal(TimeSpan.Zero, x.Entry.RecordedAt.Offset);
            Assert.Contains(x.Entry.AuthorEmail, Staff);
        });
        Assert.All(Cases, c => Assert.Equal(c.Events.OrderBy(e => e.RecordedAt).Select(e => e.Id), c.Events.Select(e => e.Id)));
    }

    [Fact]
    public void Every_entry_passes_the_apps_own_validation()
    {
        var clock = TimeProvider.System;
        var statusValidator = new ChangeStatusCommandValidator(clock);
        var entryValidator = new AddEntryCommandValidator(clock);
        Assert.All(Cases.SelectMany(c => c.Events), e =>
        {
            var result = e.Kind == CaseEventKind.StatusChange
                ? statusValidator.Validate(new ChangeStatusCommand
                {
                    EventId = e.Id, ToStatus = e.ToStatus!.Value, OccurredOn = e.OccurredOn, ClosureReason = e.ClosureReason, Source = e.Source,
                    Reason = e.ToStatus == CaseStatus.Refused ? e.Text!["Refused. Stated reason: ".Length..] : e.Text,
                })
                : entryValidator.Validate(new AddEntryCommand
                {
                    EventId = e.Id, Kind = e.Kind, ContactKind = e.ContactKind, OccurredOn = e.OccurredOn, Text = e.Text!, Source = e.Source,
                    CorrectsId = e.CorrectsId,
                });
            Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(x => x.ErrorMessage)));
        });
    }

    [Fact]
    public void Some_open_cases_have_been_quiet_for_90_days_and_others_have_recent_entries()
    {
        var quietSince = new DateTimeOffset(RunDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(-CaseWorkService.QuietDays);
        var open = Cases.Where(IsOpen).ToList();
        var quiet = open.Where(c => c.UpdatedAt < quietSince && !c.Events.Any(e => e.RecordedAt >= quietSince)).ToList();
        var recent = open.Where(c => c.Events.Any(e => e.RecordedAt >= quietSince)).ToList();

        Assert.InRange(quiet.Count, open.Count / 5, open.Count / 2);
        Assert.Equal(open.Count - quiet.Count, recent.Count);
        Assert.Contains(quiet, c => c.AssignedTo == DemoData.CaseworkerEmail);
        Assert.Contains(recent, c => c.AssignedTo == DemoData.CaseworkerEmail);
    }

    [Fact]
    public void Tasks_are_overdue_due_soon_later_or_done_for_the_day_the_demo_is_run()
    {
        var today = RunDay;
        var tasks = DemoData.Tasks(today);
        var byReference = Cases.ToDictionary(c => c.Reference);
        var open = tasks.Where(t => t.CompletedAt is null).ToList();
        var overdue = open.Where(t => t.DueOn < today).ToList();
        var soon = open.Where(t => t.DueOn >= today && t.DueOn <= today.AddDays(CaseWorkService.DueSoonDays)).ToList();
        var later = open.Where(t => t.DueOn > today.AddDays(CaseWorkService.DueSoonDays)).ToList();
        var done = tasks.Where(t => t.CompletedAt is not null).ToList();

        Assert.NotEmpty(overdue);
        Assert.NotEmpty(soon);
        Assert.NotEmpty(later);
        Assert.NotEmpty(done);
        var mine = tasks.Where(t => t.AssigneeEmail == DemoData.CaseworkerEmail).ToList();
        Assert.Contains(mine, overdue.Contains);
        Assert.Contains(mine, soon.Contains);

        var openCases = Cases.Count(IsOpen);
        var withTasks = tasks.Select(t => t.CaseReference).Distinct().Count();
        Assert.InRange(withTasks, openCases / 4, openCases * 2 / 5);
        Assert.Equal(tasks.Count, tasks.Select(t => t.Id).Distinct().Count());
        var midnight = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var validator = new AddTaskCommandValidator(new FixedClock(midnight.AddHours(9)));
        Assert.All(tasks, t =>
        {
            var c = byReference[t.CaseReference];
            Assert.True(IsOpen(c), t.CaseReference);
            Assert.Equal(c.AssignedTo, t.AssigneeEmail);
            Assert.Contains(t.CreatedByEmail, Staff);
            Assert.True(t.CreatedAt < midnight, t.Title);
            Assert.True(t.CompletedAt is null || (t.CompletedAt > t.CreatedAt && t.CompletedAt < midnight), t.Title);
            Assert.True(validator.Validate(new AddTaskCommand { TaskId = t.Id, CaseId = 1, Title = t.Title, DueOn = t.DueOn }).IsValid, t.Title);
        });
    }

    [Fact]
    public void Tasks_are_the_same_for_the_same_day_and_move_with_the_day()
    {
        var first = DemoData.Tasks(RunDay);
        var again = DemoData.Tasks(RunDay);
        var later = DemoData.Tasks(RunDay.AddDays(100));

        Assert.Equal(JsonSerializer.Serialize(first), JsonSerializer.Serialize(again));
        Assert.Equal(first.Select(t => t.Id), later.Select(t => t.Id));
        Assert.All(first.Zip(later), p => Assert.Equal(p.First.DueOn.AddDays(100), p.Second.DueOn));
    }

    private static List<DemoCase> SpousesByUrgency(DateOnly today) =>
        Cases.Where(c => c.Category == CaseCategory.SeparatedSpouse).OrderByDescending(c => Assess(c, today).Score).ToList();

    [Fact]
    public void At_the_letters_date_the_blind_woman_and_the_hunger_striker_are_the_two_most_urgent_separated_spouses()
    {
        var blind = Spouse(p => p.IllnessOrDisability == "blind");
        var striker = Spouse(p => p.HungerStrikes == 2);

        Assert.Equal([blind, striker], SpousesByUrgency(Letter).Take(2));
        Assert.Contains("blind", Assess(blind, Letter).Words);
        Assert.Contains("two hunger strikes", Assess(striker, Letter).Words);
    }

    [Fact]
    public void When_the_demo_is_run_the_blind_woman_is_the_most_urgent_and_the_hunger_striker_in_the_top_third()
    {
        // The seeder scores urgency on the day of loading: everyone in the USSR is then some forty years older, and
        // old age weighs on most spouses, so the hunger striker drops from second place but stays among the most urgent.
        var ranking = SpousesByUrgency(RunDay);
        var blind = Spouse(p => p.IllnessOrDisability == "blind");
        var striker = Spouse(p => p.HungerStrikes == 2);

        Assert.Equal(blind, ranking[0]);
        Assert.InRange(ranking.IndexOf(striker), 0, ranking.Count / 3 - 1);
        Assert.Contains("two hunger strikes", Assess(striker, RunDay).Words);
    }

    private static UrgencyAssessment Assess(DemoCase c, DateOnly today) =>
        Urgency.Assess(c.SeparatedSince, c.RefusalCount,
            c.People.Select(p => new UrgencyPerson(p.Role, p.Person.BirthDate, p.Person.BirthYear, p.Person.Citizenships,
                p.Person.IllnessOrDisability, p.Person.HungerStrikes)).ToList(), today);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
