using System.Globalization;
using CaseTracker.Core.Cases;
using CaseTracker.Core.CaseWork;
using CaseTracker.Core.Lists;

namespace CaseTracker.Core.Demo;

/// <summary>A representation list of the demo data, as plain values; the people named are e-mails of <see cref="DemoData.Users"/>.</summary>
public sealed record DemoList
{
    public required string Name { get; init; }
    public string? Purpose { get; init; }
    public CaseCategory? Category { get; init; }
    public string? Classification { get; init; }
    public DateOnly? TargetDate { get; init; }
    public required ListStatus Status { get; init; }
    public int? TheirStatedCount { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required string CreatedByEmail { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When the list was approved, its pre-delivery check acknowledged at the same moment (as the app does); null for a draft.</summary>
    public DateTimeOffset? ApprovedAt { get; init; }
    public string? ApprovedByEmail { get; init; }

    /// <summary>The entries, in order of position (1, 2, …).</summary>
    public required IReadOnlyList<DemoListEntry> Entries { get; init; }

    public IReadOnlyList<DemoDelivery> Deliveries { get; init; } = [];
}

/// <summary>A case on a demo list.</summary>
public sealed record DemoListEntry
{
    public required string CaseReference { get; init; }
    public required int Position { get; init; }
    public required DateTimeOffset AddedAt { get; init; }
    public required string AddedByEmail { get; init; }
    public bool HoldUntilFamilyTold { get; init; }

    /// <summary>The instalment (of <see cref="DemoList.Deliveries"/>) that delivered the entry, or null.</summary>
    public int? Instalment { get; init; }

    public IReadOnlyList<DemoAnswer> Answers { get; init; } = [];
}

/// <summary>A handing-over of a demo list; the snapshot is built by the seeder from the entries, as the app does.</summary>
public sealed record DemoDelivery
{
    public required int Instalment { get; init; }
    public required DateOnly DeliveredOn { get; init; }
    public required string Occasion { get; init; }
    public string? DeliveredBy { get; init; }
    public string? DeliveredTo { get; init; }
    public required DateTimeOffset RecordedAt { get; init; }
    public required string RecordedByEmail { get; init; }
}

/// <summary>The other side's answer on a demo entry, with the id of the entry it puts on the case's timeline.</summary>
public sealed record DemoAnswer
{
    /// <summary>The id of the timeline entry (of kind <see cref="CaseEventKind.Answer"/>) that goes with the answer.</summary>
    public required Guid EventId { get; init; }
    public required DateOnly ReceivedOn { get; init; }
    public required string Channel { get; init; }
    public required AnswerOutcome Outcome { get; init; }
    public string? TheirWords { get; init; }
    public string? Verification { get; init; }
    public required DateTimeOffset RecordedAt { get; init; }
    public required string RecordedByEmail { get; init; }
}

/// <summary>
/// The letter's representation lists, built from the demo cases: the Soviet side's ten spouses promised at Geneva, list XVII
/// of 17 further spouses delivered with Secretary Baldrige's visit, the 23 dual nationals (approved, not yet delivered) and
/// the 129 divided families (a draft, not yet revised). Answers agree with the cases' histories: an answer that would move a
/// case is matched by the status change already on its timeline, and the others move nothing. Entries are added after their
/// case was entered; everything is recorded in 2025–2026. Fixed seed, no clock, no I/O.
/// </summary>
internal static class DemoLists
{
    public const string GenevaName = "Promised at Geneva (their 10)";
    public const string SpousesName = "XVII: 17 separated spouses";
    public const string DualNationalsName = "Dual nationals (23)";
    public const string DividedFamiliesName = "Divided families (129)";

    /// <summary>The day list XVII was handed over: the day of the letter, carried by Secretary Baldrige.</summary>
    public static readonly DateOnly LetterDay = new(1985, 12, 7);

    /// <summary>"Reunited for the Christmas and New Year's holidays."</summary>
    public static readonly DateOnly Christmas = new(1985, 12, 25);

    public const string GenevaChannel = "Soviet delegation, Geneva";

    private const int Seed = 19851225;

    /// <summary>Nothing is recorded after this moment (the demo data's last update).</summary>
    private static readonly DateTimeOffset LastRecorded = new(2026, 11, 20, 16, 0, 0, TimeSpan.Zero);

    private static readonly DateOnly[] UnderReviewDays = [new(1985, 12, 20), new(1986, 1, 14), new(1986, 2, 11), new(1986, 1, 30), new(1986, 2, 25)];
    private static readonly DateOnly[] NoRecordDays = [new(1986, 1, 28), new(1986, 3, 4)];

    /// <summary>The case statuses of the ten spouses the Soviet side said at Geneva would be released.</summary>
    public static bool IsPromisedSpouse(DemoCase c) =>
        c.Category == CaseCategory.SeparatedSpouse
        && c.Status is CaseStatus.ReleasePromised or CaseStatus.PermissionGranted or CaseStatus.Departed or CaseStatus.Reunited;

    /// <summary>The 17 further spouses: raised, no decision yet.</summary>
    public static bool IsFurtherSpouse(DemoCase c) =>
        c.Category == CaseCategory.SeparatedSpouse && c.Status is CaseStatus.Submitted or CaseStatus.UnderReview;

    /// <summary>The text the app puts on the case's timeline for an answer (as <see cref="ListService.RecordAnswerAsync"/> writes it).</summary>
    public static string TimelineText(string listName, DemoAnswer a) =>
        $"Answer on list {listName}: {AnswerOutcomes.DisplayName(a.Outcome)}." +
        (string.IsNullOrWhiteSpace(a.TheirWords) ? "" : $" Their words: “{a.TheirWords.Trim()}”.") +
        (string.IsNullOrWhiteSpace(a.Verification) ? "" : $" Our verification: {a.Verification.Trim()}");

    /// <summary>When a case's paper history had been typed in: its last status change's recording, or its creation.</summary>
    public static DateTimeOffset HistoryEntered(DemoCase c) =>
        c.Events.Where(e => e.Kind == CaseEventKind.StatusChange).Select(e => e.RecordedAt).DefaultIfEmpty(c.CreatedAt).Max();

    public static IReadOnlyList<DemoList> Build(IReadOnlyList<DemoCase> cases) => new Builder(cases).Run();

    private sealed class Builder(IReadOnlyList<DemoCase> cases)
    {
        private readonly Random rng = new(Seed);

        public List<DemoList> Run() =>
        [
            Geneva(),
            Spouses(),
            DualNationals(),
            DividedFamilies(),
        ];

        // ------------------------------------------------------------ their ten

        private DemoList Geneva()
        {
            var promised = In(CaseCategory.SeparatedSpouse).Where(IsPromisedSpouse).ToList();
            var entries = Entries(promised);
            var (approved, delivery) = ApproveAndDeliver(entries, new DateOnly(1985, 11, 20), "Geneva summit: their list of spouses to be released",
                "Soviet delegation", "US delegation");
            var recorded = delivery.RecordedAt;
            var answered = entries.Select(e =>
            {
                recorded = recorded.AddMinutes(3 + rng.Next(4));
                var c = Case(e.CaseReference);
                return e with
                {
                    Instalment = delivery.Instalment,
                    Answers =
                    [
                        new DemoAnswer
                        {
                            EventId = NewId(), ReceivedOn = DemoHistory.GenevaPromise, Channel = GenevaChannel, Outcome = AnswerOutcome.ReleasePromised,
                            TheirWords = "Held for a limited time because of security concerns; will be allowed to leave to join the spouse",
                            Verification = Verified(c), RecordedAt = recorded, RecordedByEmail = DemoData.SupervisorEmail,
                        },
                    ],
                };
            }).ToList();
            return List(GenevaName, ListStatus.Delivered, answered, approved, [delivery]) with
            {
                Purpose = "The Soviet side's own list, announced at the Geneva summit: ten separated spouses who would be allowed to leave "
                    + "to join their husbands or wives. Kept here to follow each name: some have yet to hear it officially.",
                Category = CaseCategory.SeparatedSpouse,
                Classification = "CONFIDENTIAL",
                TheirStatedCount = 10,
            };
        }

        /// <summary>What we know of the promise since: not yet official, or the permission, departure and arrival, with their dates.</summary>
        private static string Verified(DemoCase c)
        {
            string? On(CaseStatus status) =>
                c.Events.LastOrDefault(e => e.Kind == CaseEventKind.StatusChange && e.ToStatus == status)?.OccurredOn
                    .ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
            if (c.Status == CaseStatus.ReleasePromised)
            {
                return "Not yet heard officially: the family has not been called to OVIR.";
            }
            var text = $"Confirmed: exit permission issued on {On(CaseStatus.PermissionGranted)}.";
            if (On(CaseStatus.Departed) is { } departed)
            {
                text += $" Left the Soviet Union on {departed}.";
            }
            if (On(CaseStatus.Reunited) is { } reunited)
            {
                text += $" Reunited on {reunited}.";
            }
            return text;
        }

        // ------------------------------------------------------------ list XVII

        private DemoList Spouses()
        {
            var further = In(CaseCategory.SeparatedSpouse).Where(IsFurtherSpouse).ToList();
            var entries = Entries(further);
            var (approved, delivery) = ApproveAndDeliver(entries, LetterDay, "Secretary Baldrige's visit to Moscow",
                "Secretary of Commerce", "Soviet Foreign Ministry");
            var underReview = 0;
            var noRecord = 0;
            var answered = entries.Select(e =>
            {
                var c = Case(e.CaseReference);
                e = e with { Instalment = delivery.Instalment };
                // A few answers are in, recorded by the caseworker when next working on the case (so that no quiet case is woken).
                var room = (c.UpdatedAt - delivery.RecordedAt).TotalMinutes;
                if (room < 120)
                {
                    return e;
                }
                var recordedAt = delivery.RecordedAt.AddMinutes(60 + rng.Next((int)room - 60));
                var author = c.AssignedTo ?? DemoData.SupervisorEmail;
                // Only answers that leave the case where its history has it: still under review, or no record of the application.
                if (c.Status == CaseStatus.UnderReview && underReview < UnderReviewDays.Length)
                {
                    return e with
                    {
                        Answers =
                        [
                            new DemoAnswer
                            {
                                EventId = NewId(), ReceivedOn = UnderReviewDays[underReview++], Channel = "Soviet Foreign Ministry note",
                                Outcome = AnswerOutcome.UnderReview, TheirWords = "The case is being examined by the competent authorities",
                                Verification = "Nothing new from OVIR, the family says; to be raised again.", RecordedAt = recordedAt, RecordedByEmail = author,
                            },
                        ],
                    };
                }
                if (c.Status == CaseStatus.Submitted && noRecord < NoRecordDays.Length)
                {
                    return e with
                    {
                        Answers =
                        [
                            new DemoAnswer
                            {
                                EventId = NewId(), ReceivedOn = NoRecordDays[noRecord++], Channel = "Soviet Embassy in Washington, note",
                                Outcome = AnswerOutcome.NoRecord, TheirWords = "The competent authorities have no record of an application to leave from this person",
                                Verification = c.FirstExitApplicationOn is { } applied
                                    ? $"The family holds the OVIR receipt for the exit application of {applied.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}; a copy goes with the next list."
                                    : "The family has been asked for a copy of the exit application.",
                                RecordedAt = recordedAt, RecordedByEmail = author,
                            },
                        ],
                    };
                }
                return e;
            }).ToList();
            return List(SpousesName, ListStatus.Delivered, answered, approved, [delivery]) with
            {
                Purpose = "Seventeen further separated spouses, in addition to those the Soviet side has said will be released. "
                    + "“It would be a joyous occasion if all of them could join their spouses for the Christmas and New Year's holidays.”",
                Category = CaseCategory.SeparatedSpouse,
                Classification = "CONFIDENTIAL",
                TargetDate = Christmas,
                // "We have difficulty reconciling your number of ten spouses ... with the longer list."
                TheirStatedCount = 10,
            };
        }

        // ------------------------------------------------------------ dual nationals, divided families

        private DemoList DualNationals()
        {
            var entries = Entries(In(CaseCategory.DualNational));
            var approved = Later(entries[^1].AddedAt, 60, 600);
            return List(DualNationalsName, ListStatus.Approved, entries, approved, []) with
            {
                Purpose = "The 23 people with dual US-Soviet citizenship named in the letter: “None of the people involved raise security issues "
                    + "in any way whatsoever.” Approved with the letter's count; to go with the next high-level meeting.",
                Category = CaseCategory.DualNational,
                Classification = "CONFIDENTIAL",
            };
        }

        private DemoList DividedFamilies()
        {
            // The families whose release has been promised are not named again until they have been told.
            var entries = Entries(In(CaseCategory.DividedFamily))
                .Select(e => e with { HoldUntilFamilyTold = Case(e.CaseReference).Status == CaseStatus.ReleasePromised })
                .ToList();
            return List(DividedFamiliesName, ListStatus.Draft, entries, null, []) with
            {
                Purpose = "The 129 families in the Soviet Union who want to join close relatives in the United States. Draft, as first "
                    + "compiled: to be revised before delivery (resolved families out, spellings and application dates checked).",
                Category = CaseCategory.DividedFamily,
                Classification = "UNCLASSIFIED",
            };
        }

        // ------------------------------------------------------------ helpers

        private List<DemoCase> In(CaseCategory category) => cases.Where(c => c.Category == category).OrderBy(c => c.Number).ToList();

        private DemoCase Case(string reference) => cases.Single(c => c.Reference == reference);

        /// <summary>Each case goes on the list shortly after it was entered, in order; positions from 1.</summary>
        private List<DemoListEntry> Entries(IReadOnlyList<DemoCase> members)
        {
            var entries = new List<DemoListEntry>(members.Count);
            var previous = DateTimeOffset.MinValue;
            foreach (var c in members)
            {
                var at = HistoryEntered(c).AddMinutes(3 + rng.Next(25));
                at = at > previous ? at : previous.AddMinutes(1);
                previous = at;
                entries.Add(new DemoListEntry
                {
                    CaseReference = c.Reference, Position = entries.Count + 1, AddedAt = at, AddedByEmail = c.AssignedTo ?? DemoData.SupervisorEmail,
                });
            }
            return entries;
        }

        private (DateTimeOffset Approved, DemoDelivery Delivery) ApproveAndDeliver(List<DemoListEntry> entries, DateOnly on, string occasion,
            string by, string to)
        {
            var approved = Later(entries[^1].AddedAt, 60, 600);
            return (approved, new DemoDelivery
            {
                Instalment = 1, DeliveredOn = on, Occasion = occasion, DeliveredBy = by, DeliveredTo = to,
                RecordedAt = Later(approved, 10, 50), RecordedByEmail = DemoData.SupervisorEmail,
            });
        }

        private DemoList List(string name, ListStatus status, List<DemoListEntry> entries, DateTimeOffset? approved, IReadOnlyList<DemoDelivery> deliveries)
        {
            var created = entries[0].AddedAt.AddMinutes(-(2 + rng.Next(10)));
            var updated = deliveries.Select(d => d.RecordedAt).Append(approved ?? entries[^1].AddedAt).Append(entries[^1].AddedAt).Max();
            return new DemoList
            {
                Name = name, Status = status, CreatedAt = created, CreatedByEmail = DemoData.SupervisorEmail, UpdatedAt = updated,
                ApprovedAt = approved, ApprovedByEmail = approved is null ? null : DemoData.SupervisorEmail,
                Entries = entries, Deliveries = deliveries,
            };
        }

        /// <summary>A moment some minutes after <paramref name="at"/>, but not after the demo data's last update.</summary>
        private DateTimeOffset Later(DateTimeOffset at, int minMinutes, int maxMinutes)
        {
            var later = at.AddMinutes(minMinutes + rng.Next(maxMinutes - minMinutes));
            return later <= LastRecorded ? later : LastRecorded > at ? LastRecorded : at;
        }

        private Guid NewId() => DemoHistory.NewId(rng);
    }
}
