using System.Globalization;
using CaseTracker.Core.Cases;
using CaseTracker.Core.CaseWork;
using CaseTracker.Core.People;

namespace CaseTracker.Core.Demo;

/// <summary>An entry on a demo case's timeline, as plain values; the author is one of <see cref="DemoData.Users"/>.</summary>
public sealed record DemoEvent
{
    public required Guid Id { get; init; }
    public required CaseEventKind Kind { get; init; }

    /// <summary>When it happened: a historical date, no later than the day before the letter of 7 December 1985.</summary>
    public required DateOnly OccurredOn { get; init; }

    /// <summary>When it was entered into the system: between the case's creation and its last update.</summary>
    public required DateTimeOffset RecordedAt { get; init; }

    /// <summary>The e-mail of the caseworker or supervisor who entered it.</summary>
    public required string AuthorEmail { get; init; }

    public string? Text { get; init; }
    public ContactKind? ContactKind { get; init; }
    public CaseStatus? FromStatus { get; init; }
    public CaseStatus? ToStatus { get; init; }
    public ClosureReason? ClosureReason { get; init; }
    public string? Source { get; init; }
    public Guid? CorrectsId { get; init; }
}

/// <summary>A follow-up task of a demo case, due relative to the day the demo is loaded.</summary>
public sealed record DemoTask
{
    public required Guid Id { get; init; }
    public required string CaseReference { get; init; }
    public required string Title { get; init; }
    public required DateOnly DueOn { get; init; }

    /// <summary>The case's caseworker.</summary>
    public required string AssigneeEmail { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
    public required string CreatedByEmail { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
}

/// <summary>
/// Gives the demo cases a history: the status changes that brought each case from New to its status, along the
/// workflow's allowed transitions, then notes, contacts and a few corrections; and plans follow-up tasks. Historical
/// dates end the day before the letter; the times of recording are 2025–2026. Fixed seeds, no clock, no I/O.
/// </summary>
internal static class DemoHistory
{
    /// <summary>The last historical date: the day before the letter of 7 December 1985.</summary>
    public static readonly DateOnly HistoryEnd = new(1985, 12, 6);

    /// <summary>The first day of the Geneva summit, where the 17 further spouses were named.</summary>
    public static readonly DateOnly GenevaSummit = new(1985, 11, 19);

    /// <summary>The day the Soviet side said the ten spouses would be released.</summary>
    public static readonly DateOnly GenevaPromise = new(1985, 11, 20);

    /// <summary>Family reunification cases are taken up from the Helsinki Final Act on.</summary>
    private static readonly DateOnly HelsinkiFinalAct = new(1975, 8, 1);

    /// <summary>Cases worked on "recently" were last touched from this moment on (within 90 days of late November 2026).</summary>
    private static readonly DateTimeOffset RecentFrom = new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Nothing is recorded after this moment (the demo data's last update).</summary>
    private static readonly DateTimeOffset LastRecorded = new(2026, 11, 20, 16, 0, 0, TimeSpan.Zero);

    private static readonly (DateOnly On, string Source)[] Meetings1985 =
    [
        (new DateOnly(1985, 9, 27), "representation list handed over at the ministerial meeting in New York"),
        (new DateOnly(1985, 11, 5), "representation list handed over at the ministerial meeting in Moscow"),
        (GenevaSummit, "meeting at the Geneva summit"),
    ];

    public static IReadOnlyList<DemoCase> Add(IReadOnlyList<DemoCase> cases)
    {
        var generator = new HistoryGenerator();
        return cases.Select(generator.Live).ToList();
    }

    public static IReadOnlyList<DemoTask> Tasks(IReadOnlyList<DemoCase> cases, DateOnly today) =>
        new TaskPlanner().Plan(cases).Select(p => p.On(today)).ToList();

    private static bool IsOpen(CaseStatus status) => !CaseStatuses.IsFinished(status);

    internal static Guid NewId(Random rng)
    {
        Span<byte> bytes = stackalloc byte[16];
        rng.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private static string Day(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Month(DateOnly d) => d.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>Who is waiting abroad, in words ("the wife in Boston"), and where.</summary>
    private static (string Phrase, string? City) Abroad(DemoCase c)
    {
        var member = c.People.FirstOrDefault(p => !p.Person.IsInUssr && p.Role != PersonRole.SponsorAbroad)
            ?? c.People.FirstOrDefault(p => !p.Person.IsInUssr);
        if (member is null)
        {
            return ("the family", null);
        }
        var female = member.Person.Sex == Sex.Female;
        var word = member.Role switch
        {
            PersonRole.Spouse => female ? "wife" : "husband",
            PersonRole.Parent => female ? "mother" : "father",
            PersonRole.Child => female ? "daughter" : "son",
            PersonRole.Sibling => female ? "sister" : "brother",
            PersonRole.SponsorAbroad => "sponsor",
            _ => "relatives",
        };
        return member.Person.City is { } city ? ($"the {word} in {city}", city) : ($"the {word}", null);
    }

    private sealed class Step(CaseStatus to)
    {
        public CaseStatus To { get; } = to;
        public DateOnly On { get; set; }
        public string Source { get; set; } = "";
        public string? Text { get; set; }
        public ClosureReason? Closure { get; set; }
        public bool BySupervisor { get; set; }
    }

    private sealed class HistoryGenerator
    {
        private const int Seed = 19851120;
        private readonly Random rng = new(Seed);
        private int reopened;

        public DemoCase Live(DemoCase c)
        {
            var author = c.AssignedTo ?? DemoData.SupervisorEmail;
            var steps = StatusSteps(c);
            var events = new List<DemoEvent>();
            var from = CaseStatus.New;
            var minute = 0;
            // The paper file's history was typed in when the case was created, a couple of minutes per change.
            foreach (var step in steps.Skip(1))
            {
                minute += 2;
                events.Add(new DemoEvent
                {
                    Id = NewId(rng), Kind = CaseEventKind.StatusChange, OccurredOn = step.On, RecordedAt = c.CreatedAt.AddMinutes(minute),
                    AuthorEmail = step.BySupervisor ? DemoData.SupervisorEmail : author,
                    FromStatus = from, ToStatus = step.To, ClosureReason = step.Closure, Source = step.Source, Text = step.Text,
                });
                from = step.To;
            }
            var opened = steps[0].On;
            var statusSince = steps[^1].On;

            // Open cases are either worked on recently (a recent entry) or quiet: untouched for more than 90 days.
            var updated = c.UpdatedAt;
            if (updated < RecentFrom && IsOpen(c.Status) && Chance(c.IsRestricted || c.IsInternationallyKnown ? 75 : 60))
            {
                updated = RecentFrom.AddMinutes(rng.Next((int)(LastRecorded - RecentFrom).TotalMinutes + 1));
            }
            var historyEntered = c.CreatedAt.AddMinutes(minute);
            if (updated <= historyEntered.AddMinutes(10))
            {
                updated = historyEntered.AddMinutes(10 + rng.Next(120));
            }
            events.AddRange(Entries(c, author, opened, steps, historyEntered, updated));

            return c with { StatusSince = statusSince, UpdatedAt = updated, Events = events };
        }

        // ------------------------------------------------------------ status changes

        /// <summary>The status path from New (the first step, the day the case was opened) to the case's status, dated.</summary>
        private List<Step> StatusSteps(DemoCase c)
        {
            var shown = c.Status switch
            {
                CaseStatus.New or CaseStatus.Documented => 0,
                CaseStatus.Refused => Math.Clamp(c.RefusalCount, 1, 3),
                CaseStatus.Closed => Math.Min(c.RefusalCount, 2),
                _ => Math.Min(c.RefusalCount, 1 + rng.Next(3)),
            };
            var least = c.Status == CaseStatus.Refused ? 1 : 0;
            while (true)
            {
                var steps = Plan(c, shown);
                // A refusal cannot come before the first exit application; show fewer refusals if the dates do not allow.
                var tooEarly = c.FirstExitApplicationOn is { } applied && steps.Any(s => s.To == CaseStatus.Refused && s.On < applied);
                if (!tooEarly || shown <= least)
                {
                    return steps;
                }
                shown--;
            }
        }

        private List<Step> Plan(DemoCase c, int shown)
        {
            var spouse = c.Category == CaseCategory.SeparatedSpouse;
            var promisedSpouse = spouse && c.Status is CaseStatus.ReleasePromised or CaseStatus.PermissionGranted or CaseStatus.Departed or CaseStatus.Reunited;
            var steps = new List<Step> { new(CaseStatus.New) };
            Step Go(CaseStatus to)
            {
                var step = new Step(to);
                steps.Add(step);
                return step;
            }

            if (c.Status == CaseStatus.New)
            {
                steps[0].On = DateBetween(new DateOnly(1985, 5, 1), new DateOnly(1985, 11, 29));
                return steps;
            }
            if (c.Status == CaseStatus.Documented)
            {
                if (reopened < 2 && c.Category == CaseCategory.DividedFamily && Chance(30))
                {
                    reopened++;
                    Go(CaseStatus.Closed).Closure = ClosureReason.Duplicate;
                }
                Go(CaseStatus.Documented);
                DateBackward(c, steps, steps.Count - 1, DateBetween(new DateOnly(1984, 9, 1), new DateOnly(1985, 11, 29)));
                Describe(c, steps);
                return steps;
            }

            Go(CaseStatus.Documented);
            Go(CaseStatus.Submitted);
            var cycles = c.Status == CaseStatus.Refused ? shown - 1 : shown;
            for (var i = 0; i < cycles; i++)
            {
                if (Chance(35))
                {
                    Go(CaseStatus.UnderReview);
                }
                Go(CaseStatus.Refused);
                if (Chance(15))
                {
                    Go(CaseStatus.Documented);
                }
                Go(CaseStatus.Submitted);
            }
            var anchor = steps.Count - 1;
            switch (c.Status)
            {
                case CaseStatus.UnderReview:
                    Go(CaseStatus.UnderReview);
                    break;
                case CaseStatus.Refused:
                    if (Chance(40))
                    {
                        Go(CaseStatus.UnderReview);
                    }
                    Go(CaseStatus.Refused);
                    break;
                case CaseStatus.ReleasePromised:
                    if (!spouse && Chance(40))
                    {
                        Go(CaseStatus.UnderReview);
                    }
                    Go(CaseStatus.ReleasePromised);
                    break;
                case CaseStatus.PermissionGranted or CaseStatus.Departed or CaseStatus.Reunited:
                    if (promisedSpouse)
                    {
                        Go(CaseStatus.ReleasePromised);
                    }
                    else
                    {
                        if (Chance(50))
                        {
                            Go(CaseStatus.UnderReview);
                        }
                        if (Chance(30))
                        {
                            Go(CaseStatus.ReleasePromised);
                        }
                    }
                    Go(CaseStatus.PermissionGranted);
                    if (c.Status is CaseStatus.Departed or CaseStatus.Reunited)
                    {
                        Go(CaseStatus.Departed);
                    }
                    if (c.Status == CaseStatus.Reunited)
                    {
                        Go(CaseStatus.Reunited);
                    }
                    break;
                case CaseStatus.Closed:
                    if (Chance(50))
                    {
                        Go(CaseStatus.UnderReview);
                    }
                    Go(CaseStatus.Closed);
                    break;
            }

            if (promisedSpouse)
            {
                // The ten spouses: promised at the Geneva summit; the first of them were let go within days.
                anchor = steps.FindIndex(s => s.To == CaseStatus.ReleasePromised);
                steps[anchor].On = GenevaPromise;
                steps[anchor].Source = "meeting at the Geneva summit";
            }
            else if (spouse)
            {
                // The 17 further spouses: named at the summit; the written list (XVII) went with Secretary Baldrige on 7 December.
                steps[anchor].On = GenevaSummit;
                steps[anchor].Source = "meeting at the Geneva summit";
            }
            else if (c.Status is CaseStatus.Departed or CaseStatus.Reunited or CaseStatus.Closed)
            {
                // Settled some years ago; raised after the first exit application.
                var from = new DateOnly(1979, 1, 1);
                if (c.FirstExitApplicationOn is { } applied && applied.AddDays(30) > from)
                {
                    from = applied.AddDays(30);
                }
                var last = new DateOnly(1985, 6, 30);
                steps[anchor].On = from <= last ? DateBetween(from, last) : Min(from, new DateOnly(1985, 10, 15));
            }
            else
            {
                var meetings = Meetings1985.Where(m => c.FirstExitApplicationOn is not { } applied || m.On > applied).ToArray();
                var (on, source) = meetings.Length > 0 ? meetings[rng.Next(meetings.Length)] : Meetings1985[^1];
                steps[anchor].On = on;
                steps[anchor].Source = source;
            }
            DateBackward(c, steps, anchor, steps[anchor].On);
            DateForward(steps, anchor);
            Describe(c, steps);
            return steps;
        }

        /// <summary>Dates the steps before <paramref name="anchor"/> with plausible gaps, squeezed after the earliest possible day.</summary>
        private void DateBackward(DemoCase c, List<Step> steps, int anchor, DateOnly on)
        {
            steps[anchor].On = on;
            for (var i = anchor - 1; i >= 0; i--)
            {
                steps[i].On = steps[i + 1].On.AddDays(-Gap(steps[i].To, steps[i + 1].To));
            }
            var earliest = HelsinkiFinalAct;
            if (c.SeparatedSince is { } separated && separated.AddDays(30) > earliest)
            {
                earliest = separated.AddDays(30);
            }
            if (c.FirstExitApplicationOn is { } applied && applied > earliest)
            {
                earliest = applied;
            }
            var span = on.DayNumber - earliest.DayNumber;
            if (steps[0].On < earliest && span > anchor * 2)
            {
                var offsets = new SortedSet<int>();
                while (offsets.Count < anchor)
                {
                    offsets.Add(rng.Next(span));
                }
                var i = 0;
                foreach (var offset in offsets)
                {
                    steps[i++].On = earliest.AddDays(offset);
                }
            }
        }

        /// <summary>Dates the steps after <paramref name="anchor"/>: plausible gaps, compressed to end by <see cref="HistoryEnd"/>.</summary>
        private void DateForward(List<Step> steps, int anchor)
        {
            var count = steps.Count - 1 - anchor;
            if (count == 0)
            {
                return;
            }
            var gaps = Enumerable.Range(anchor + 1, count).Select(i => Gap(steps[i - 1].To, steps[i].To)).ToArray();
            var room = HistoryEnd.DayNumber - steps[anchor].On.DayNumber;
            var total = gaps.Sum();
            if (total > room)
            {
                for (var i = 0; i < gaps.Length; i++)
                {
                    gaps[i] = Math.Max(1, gaps[i] * room / total);
                }
            }
            for (var i = 0; i < count; i++)
            {
                steps[anchor + 1 + i].On = steps[anchor + i].On.AddDays(gaps[i]);
            }
        }

        /// <summary>The days between a step into <paramref name="from"/> and the next step into <paramref name="to"/>.</summary>
        private int Gap(CaseStatus from, CaseStatus to) => (from, to) switch
        {
            (CaseStatus.New, CaseStatus.Closed) => rng.Next(5, 60),
            (CaseStatus.Closed, CaseStatus.Documented) => rng.Next(10, 90),
            (_, CaseStatus.Documented) => rng.Next(30, 240),
            (CaseStatus.Refused, CaseStatus.Submitted) => rng.Next(90, 400),
            (_, CaseStatus.Submitted) => rng.Next(30, 300),
            (_, CaseStatus.UnderReview) => rng.Next(20, 150),
            (_, CaseStatus.Refused) => rng.Next(30, 300),
            (CaseStatus.ReleasePromised, CaseStatus.PermissionGranted) => rng.Next(3, 8),
            (_, CaseStatus.ReleasePromised) => rng.Next(20, 200),
            (_, CaseStatus.PermissionGranted) => rng.Next(10, 120),
            (_, CaseStatus.Departed) => rng.Next(3, 60),
            (_, CaseStatus.Reunited) => rng.Next(1, 3),
            _ => rng.Next(30, 300),
        };

        /// <summary>The sources and texts of the status changes.</summary>
        private void Describe(DemoCase c, List<Step> steps)
        {
            var spouse = c.Category == CaseCategory.SeparatedSpouse;
            var (abroad, abroadCity) = Abroad(c);
            for (var i = 1; i < steps.Count; i++)
            {
                var step = steps[i];
                var before = steps[i - 1].To;
                var given = step.Source.Length > 0 ? step.Source : null;
                (step.Source, step.Text) = step.To switch
                {
                    CaseStatus.Documented when before == CaseStatus.Closed =>
                        ("check of the card index", "Reopened: not a duplicate after all, but a different family with a similar name."),
                    CaseStatus.Documented when before == CaseStatus.Refused =>
                        ("letter from the family", "New invitation and updated documents received before the case is raised again."),
                    CaseStatus.Documented =>
                        (Pick("letter from the family", "documents sent by the relatives abroad"),
                            "File complete: exit application, invitation and proof of kinship on file."),
                    CaseStatus.Submitted => (given ?? Pick("embassy note", "representation list handed over by the embassy"),
                        spouse && given is not null && i == steps.FindLastIndex(s => s.To == CaseStatus.Submitted) && c.Status is CaseStatus.Submitted or CaseStatus.UnderReview
                            ? "Named at the Geneva summit among 17 further spouses, in addition to the ten; on list XVII, handed over on 7 December 1985."
                            : before == CaseStatus.Documented && !steps.Take(i).Any(s => s.To == CaseStatus.Refused)
                                ? "Put on the representation list."
                                : "Raised again on the next representation list."),
                    CaseStatus.UnderReview => ("Soviet Foreign Ministry reply", "The Soviet side says the case is under review."),
                    CaseStatus.Refused => (Pick("Soviet Foreign Ministry reply", "OVIR notice sent by the family", "letter from the family"),
                        $"Refused. Stated reason: {c.RefusalReason}"),
                    CaseStatus.ReleasePromised when given is not null =>
                        (given, "Named among the ten spouses the Soviet side said would be released; not yet heard officially."),
                    CaseStatus.ReleasePromised =>
                        ("Soviet Foreign Ministry reply", "The Soviet side promised release; the family has not yet heard officially."),
                    CaseStatus.PermissionGranted => (Pick("letter from the family", "embassy note"), "Exit permission issued by OVIR."),
                    CaseStatus.Departed => (Pick("embassy note", "call from the family"),
                        abroadCity is null ? "Left the Soviet Union." : $"Left the Soviet Union for {abroadCity}."),
                    CaseStatus.Reunited => ("call from the family", $"Arrived and reunited with {abroad}."),
                    _ => Closing(c, step, before),
                };
                if (step.Source.Contains("meeting", StringComparison.Ordinal))
                {
                    step.BySupervisor = true;
                }
            }
        }

        private static (string Source, string Text) Closing(DemoCase c, Step step, CaseStatus before)
        {
            var summary = c.Summary ?? "";
            if (before == CaseStatus.New)
            {
                step.Closure = ClosureReason.Duplicate;
                return ("check of the card index", "Closed as a duplicate of an older file under another spelling of the name.");
            }
            if (summary.Contains("does not wish to leave", StringComparison.Ordinal))
            {
                step.Closure = ClosureReason.Withdrawn;
                return ("Soviet Foreign Ministry reply", "The Soviet side answered that the applicant does not wish to leave; the family confirmed it.");
            }
            if (summary.Contains("has died", StringComparison.Ordinal))
            {
                step.Closure = ClosureReason.Deceased;
                return ("letter from the family", "The relative abroad has died; the family withdrew the request.");
            }
            if (summary.Contains("withdrew", StringComparison.Ordinal))
            {
                step.Closure = ClosureReason.Withdrawn;
                return ("letter from the family", "The family withdrew the request.");
            }
            step.Closure = ClosureReason.Other;
            return ("embassy note", "The family left for a third country.");
        }

        // ------------------------------------------------------------ notes and contacts

        private enum Correctable
        {
            RefusalDate,
            Address,
            InvitationMonth,
            ReapplyAdvice,
        }

        /// <summary>From when an entry makes sense: the case opened, first raised, first refused, or took its current status.</summary>
        private enum Since
        {
            Opened,
            Raised,
            Refused,
            Current,
        }

        private sealed record Entry(string Text, string? Source, Since Since);

        /// <summary>One to four notes and contacts, recorded after the history was entered; possibly a correction.</summary>
        private List<DemoEvent> Entries(DemoCase c, string author, DateOnly opened, List<Step> steps, DateTimeOffset after,
            DateTimeOffset updated)
        {
            var special = Special(c);
            var count = 1 + rng.Next(4);
            var correction = special is null && count >= 2 && Chance(15);
            var (abroad, _) = Abroad(c);
            var city = c.People[0].Person.City ?? "the applicant's town";
            var his = c.People[0].Person.Sex == Sex.Female ? "her" : "his";
            var open = IsOpen(c.Status);
            var statusSince = steps[^1].On;
            var raised = steps.FirstOrDefault(s => s.To == CaseStatus.Submitted)?.On;
            var firstRefusal = steps.FirstOrDefault(s => s.To == CaseStatus.Refused)?.On;
            var lastRefusal = steps.LastOrDefault(s => s.To == CaseStatus.Refused)?.On;

            // What happened on a case that is finished happened before it was finished, but for the last word on it.
            DateOnly When(Since since)
            {
                var from = since switch
                {
                    Since.Raised => raised ?? opened,
                    Since.Refused => firstRefusal ?? opened,
                    Since.Current => statusSince,
                    _ => opened,
                };
                var to = since == Since.Current || open ? HistoryEnd : statusSince;
                if (since == Since.Current && !open)
                {
                    to = Min(HistoryEnd, statusSince.AddDays(90));
                }
                return DateBetween(from, to);
            }

            // The times of recording: in order, the last one the case's last update.
            var span = (int)Math.Max(1, (updated - after).TotalMinutes);
            var times = new SortedSet<DateTimeOffset>();
            while (times.Count < count - 1)
            {
                times.Add(after.AddMinutes(1 + rng.Next(span - 1)));
                if (span < count + 2)
                {
                    break;
                }
            }
            var recorded = times.Where(t => t < updated).ToList();
            recorded.Add(updated);
            count = recorded.Count;
            if (count < 2)
            {
                correction = false;
            }

            var notes = new List<Entry>
            {
                new("Checked against earlier representation lists: the name was listed before under another transliteration.", null, Since.Opened),
                new($"The applicant is reported to have lost {his} job after applying to leave; to be mentioned when the case is raised.", null, Since.Opened),
                new("A new invitation from the relatives abroad is needed; the old one has expired.", null, Since.Opened),
                c.RefusalCount > 0
                    ? new($"Copies of the exit application and the latest refusal received from {abroad}.", null, Since.Refused)
                    : new($"A copy of the exit application received from {abroad}.", null, Since.Opened),
                new(c.Status switch
                {
                    CaseStatus.New => "Opened on a letter from the relatives abroad; birth and marriage certificates requested.",
                    CaseStatus.Documented => "Documents checked; ready for the next representation list.",
                    CaseStatus.ReleasePromised => "The family has not been called to OVIR yet; they are not to be told of the promise until it is official.",
                    CaseStatus.PermissionGranted => $"Exit visas to be collected at OVIR in {city}; the family is buying tickets.",
                    CaseStatus.Refused => "The family means to reapply as soon as OVIR allows.",
                    CaseStatus.Departed => "Travel via Vienna; arrival to be confirmed.",
                    CaseStatus.Reunited => $"Thank-you letter from {abroad}.",
                    CaseStatus.Closed => "File kept for reference.",
                    _ => "No news from the family since the case was last raised.",
                }, null, Since.Current),
            };
            if (open && raised is not null)
            {
                notes.Add(new($"{Cap(abroad)} asks that the case be raised again at the next meeting.", null, Since.Raised));
            }

            var entries = new List<DemoEvent>();
            for (var i = 0; i < count; i++)
            {
                if (i == 0 && correction)
                {
                    var kind = lastRefusal is not null && Chance(50) ? Correctable.RefusalDate : (Correctable)(1 + rng.Next(3));
                    var (noteText, fix, on) = Correction(kind, lastRefusal, When(kind == Correctable.ReapplyAdvice ? Since.Refused : Since.Opened), city, abroad);
                    var note = new DemoEvent
                    {
                        Id = NewId(rng), Kind = CaseEventKind.Note, OccurredOn = on, RecordedAt = recorded[0], AuthorEmail = author, Text = noteText,
                    };
                    entries.Add(note);
                    // The correction comes last, on the case's last update.
                    entries.Add(new DemoEvent
                    {
                        Id = NewId(rng), Kind = CaseEventKind.Note, OccurredOn = on, RecordedAt = recorded[^1], AuthorEmail = author, Text = fix,
                        CorrectsId = note.Id,
                    });
                    continue;
                }
                if (correction && i == count - 1)
                {
                    break;
                }
                if (special is { } x && i == 0)
                {
                    entries.Add(new DemoEvent
                    {
                        Id = NewId(rng), Kind = x.Kind, ContactKind = x.Contact, OccurredOn = x.On, RecordedAt = recorded[i],
                        AuthorEmail = x.Contact == ContactKind.MeetingWithOtherSide ? DemoData.SupervisorEmail : author, Text = x.Text, Source = x.Source,
                    });
                    continue;
                }
                var entryAuthor = Chance(10) ? Colleague(author) : author;
                if (Chance(55))
                {
                    var contact = Weighted(
                        (ContactKind.Letter, 30), (ContactKind.Call, raised is null ? 0 : 25), (ContactKind.EmbassyVisit, 20),
                        (ContactKind.MeetingWithOtherSide, raised is null ? 0 : 15), (ContactKind.CongressionalLetter, 10));
                    var entry = contact switch
                    {
                        ContactKind.Letter => raised is null || Chance(60)
                            ? new Entry($"Letter from {abroad} asking for news of the case.", "letter from the family", Since.Opened)
                            : new Entry($"Letter to the applicant in {city} confirming that the case is on the list.", "copy in the file", Since.Raised),
                        ContactKind.Call => new Entry($"Call from {abroad}: no news from OVIR since the last answer.", "call from the family", Since.Raised),
                        ContactKind.EmbassyVisit => Chance(50)
                            ? new Entry("The applicant came to the embassy in Moscow to confirm the details of the application.", "embassy report", Since.Opened)
                            : new Entry($"A consular officer visited the family in {city}; documents seen, the family is well.", "embassy report", Since.Opened),
                        ContactKind.MeetingWithOtherSide => new Entry(
                            "Raised by name with the Soviet side at the working-level meeting; they took note.", "record of the meeting", Since.Raised),
                        _ => new Entry("A congressional office wrote on the family's behalf; replied with the status of the case.", "congressional letter", Since.Opened),
                    };
                    entries.Add(new DemoEvent
                    {
                        Id = NewId(rng), Kind = CaseEventKind.Contact, ContactKind = contact, OccurredOn = When(entry.Since), RecordedAt = recorded[i],
                        AuthorEmail = contact == ContactKind.MeetingWithOtherSide ? DemoData.SupervisorEmail : entryAuthor, Text = entry.Text, Source = entry.Source,
                    });
                }
                else
                {
                    var pick = rng.Next(notes.Count);
                    entries.Add(new DemoEvent
                    {
                        Id = NewId(rng), Kind = CaseEventKind.Note, OccurredOn = When(notes[pick].Since), RecordedAt = recorded[i], AuthorEmail = entryAuthor,
                        Text = notes[pick].Text,
                    });
                    notes.RemoveAt(pick);
                }
            }
            return entries.OrderBy(e => e.RecordedAt).ToList();
        }

        private (string Note, string Fix, DateOnly On) Correction(Correctable kind, DateOnly? refused, DateOnly occurred, string city, string abroad)
        {
            switch (kind)
            {
                case Correctable.RefusalDate:
                {
                    var actual = refused!.Value;
                    var wrong = actual.AddDays(-(3 + rng.Next(12)));
                    var on = actual.AddDays(rng.Next(5, 40));
                    on = on > HistoryEnd ? HistoryEnd : on;
                    return ($"The family's letter gives the date of the last refusal as {Day(wrong)}.",
                        $"Correction: the last refusal was on {Day(actual)}, not {Day(wrong)}; the OVIR notice the family has since sent shows the later date.",
                        on);
                }
                case Correctable.Address:
                    return ($"The applicant's address in {city} confirmed by {abroad}.",
                        $"Correction: that was the applicant's old address; {abroad} has since sent the new one, also in {city}.", occurred);
                case Correctable.InvitationMonth:
                {
                    var sent = new DateOnly(occurred.Year, occurred.Month, 1);
                    var wrong = sent.AddMonths(-1);
                    return ($"Invitation from the relatives abroad sent by registered mail in {Month(wrong)}.",
                        $"Correction: the invitation was sent in {Month(sent)}, not {Month(wrong)}; the post office receipt gives the later month.",
                        occurred);
                }
                default:
                    return ($"Call from {abroad}: OVIR in {city} told the applicant to reapply in six months.",
                        $"Correction: OVIR said a year, not six months; {abroad} had misheard on a poor line.", occurred);
            }
        }

        /// <summary>Entries particular to the letter's best-known cases.</summary>
        private static (CaseEventKind Kind, ContactKind? Contact, DateOnly On, string Text, string Source)? Special(DemoCase c)
        {
            var applicant = c.People[0].Person;
            if (applicant.IllnessOrDisability == "blind")
            {
                return (CaseEventKind.Note, null, new DateOnly(1985, 10, 14),
                    "Her husband writes that she has lost what sight she had left and depends on her neighbours; he asks that her case be raised first.",
                    "letter from the family");
            }
            if (applicant.HungerStrikes >= 2)
            {
                return (CaseEventKind.Contact, ContactKind.Call, new DateOnly(1985, 11, 8),
                    "Call from his wife in Boston: he has ended his second hunger strike and is very weak; she fears a third.",
                    "call from the family");
            }
            if (c.IsInternationallyKnown)
            {
                return (CaseEventKind.Contact, ContactKind.MeetingWithOtherSide, GenevaSummit,
                    "Raised by name at the Geneva summit; the Soviet side would not discuss it.", "meeting at the Geneva summit");
            }
            return null;
        }

        private string Colleague(string author)
        {
            string[] colleagues = [DemoData.CaseworkerEmail, DemoData.SecondCaseworkerEmail, DemoData.ThirdCaseworkerEmail];
            var others = colleagues.Where(c => c != author).ToArray();
            return others[rng.Next(others.Length)];
        }

        private static string Cap(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

        private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

        private DateOnly DateBetween(DateOnly from, DateOnly to) =>
            to <= from ? from : from.AddDays(rng.Next(to.DayNumber - from.DayNumber + 1));

        private bool Chance(int percent) => rng.Next(100) < percent;

        private string Pick(params string[] items) => items[rng.Next(items.Length)];

        private T Weighted<T>(params (T Item, int Weight)[] items)
        {
            var r = rng.Next(items.Sum(i => i.Weight));
            foreach (var (item, weight) in items)
            {
                if (r < weight)
                {
                    return item;
                }
                r -= weight;
            }
            return items[^1].Item;
        }
    }

    // ---------------------------------------------------------------- tasks

    private enum TaskState
    {
        Overdue,
        DueSoon,
        Later,
        Done,
    }

    /// <summary>A task with its dates as days relative to the day the demo is loaded.</summary>
    private sealed record TaskPlan(
        Guid Id, string CaseReference, DateTimeOffset CaseCreatedAt, string Title, string Assignee, TaskState State,
        int DueIn, int CreatedDaysAgo, int? DoneDaysAgo, int Minute)
    {
        public DemoTask On(DateOnly today)
        {
            var midnight = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var created = midnight.AddDays(-CreatedDaysAgo).AddMinutes(Minute);
            if (created < CaseCreatedAt && CaseCreatedAt < midnight.AddDays(-2))
            {
                created = CaseCreatedAt.AddHours(1);
            }
            DateTimeOffset? done = null;
            if (DoneDaysAgo is { } ago)
            {
                var at = midnight.AddDays(-ago).AddMinutes(Minute + 95);
                done = at > created ? at : created.AddMinutes(95);
            }
            return new DemoTask
            {
                Id = Id, CaseReference = CaseReference, Title = Title, DueOn = today.AddDays(DueIn), AssigneeEmail = Assignee,
                CreatedAt = created, CreatedByEmail = Assignee, CompletedAt = done,
            };
        }
    }

    private sealed class TaskPlanner
    {
        private const int Seed = 19851121;
        private readonly Random rng = new(Seed);

        public List<TaskPlan> Plan(IReadOnlyList<DemoCase> cases)
        {
            var plans = new List<TaskPlan>();
            foreach (var c in cases.Where(c => IsOpen(c.Status) && c.AssignedTo is not null))
            {
                if (rng.Next(100) >= 34)
                {
                    continue;
                }
                var titles = Titles(c);
                var count = titles.Count > 1 && rng.Next(100) < 25 ? 2 : 1;
                for (var i = 0; i < count; i++)
                {
                    var pick = rng.Next(titles.Count);
                    plans.Add(Make(c, titles[pick], State()));
                    titles.RemoveAt(pick);
                }
            }
            // The demo caseworker's home page shows every kind of task.
            foreach (var state in Enum.GetValues<TaskState>())
            {
                while (plans.Count(p => p.Assignee == DemoData.CaseworkerEmail && p.State == state) < 2)
                {
                    var donor = plans.FindIndex(p => p.Assignee == DemoData.CaseworkerEmail && p.State != state
                        && plans.Count(q => q.Assignee == DemoData.CaseworkerEmail && q.State == p.State) > 2);
                    if (donor < 0)
                    {
                        break;
                    }
                    plans[donor] = Reschedule(plans[donor], state);
                }
            }
            return plans;
        }

        private TaskState State()
        {
            var r = rng.Next(100);
            return r < 30 ? TaskState.Overdue : r < 55 ? TaskState.DueSoon : r < 80 ? TaskState.Later : TaskState.Done;
        }

        private TaskPlan Make(DemoCase c, string title, TaskState state) =>
            Reschedule(new TaskPlan(NewId(rng), c.Reference, c.CreatedAt, title, c.AssignedTo!, state, 0, 1, null, 8 * 60 + rng.Next(9 * 60)), state);

        private TaskPlan Reschedule(TaskPlan p, TaskState state)
        {
            switch (state)
            {
                case TaskState.Overdue:
                {
                    var due = -(1 + rng.Next(21));
                    return p with { State = state, DueIn = due, CreatedDaysAgo = -due + 3 + rng.Next(28), DoneDaysAgo = null };
                }
                case TaskState.DueSoon:
                    return p with { State = state, DueIn = rng.Next(8), CreatedDaysAgo = 1 + rng.Next(20), DoneDaysAgo = null };
                case TaskState.Later:
                    return p with { State = state, DueIn = 8 + rng.Next(53), CreatedDaysAgo = 1 + rng.Next(20), DoneDaysAgo = null };
                default:
                {
                    var created = 6 + rng.Next(40);
                    return p with { State = state, DueIn = -rng.Next(created) + 5, CreatedDaysAgo = created, DoneDaysAgo = 1 + rng.Next(created - 1) };
                }
            }
        }

        private static List<string> Titles(DemoCase c)
        {
            var city = c.People[0].Person.City ?? "the applicant's town";
            var titles = c.Status switch
            {
                CaseStatus.New => new List<string>
                {
                    "Ask the family for birth and marriage certificates",
                    "Find out the date of the first exit application",
                },
                CaseStatus.Documented => ["Put the case on the next representation list", "Check that the invitation is still valid"],
                CaseStatus.Submitted => ["Chase the Soviet Foreign Ministry for an answer", $"Ask the embassy to check on the family in {city}"],
                CaseStatus.UnderReview => ["Ask the embassy when the review will end", "Send the family an update on the review"],
                CaseStatus.Refused => ["Raise the case again on the next list", "Ask the family for the written refusal notice"],
                CaseStatus.ReleasePromised => ["Ask the Soviet side when the family will be told officially", "Check with the family whether OVIR has called them"],
                CaseStatus.PermissionGranted => ["Confirm exit visas for every member of the family", "Help the family with the travel arrangements"],
                _ => ["Confirm arrival with the family abroad"],
            };
            if (c.Events.Any(e => e.ContactKind == ContactKind.CongressionalLetter))
            {
                titles.Add("Send the congressional office the latest news of the case");
            }
            return titles;
        }
    }
}
