using System.Globalization;
using CaseTracker.Core.Accounts;
using CaseTracker.Core.Cases;
using CaseTracker.Core.People;

namespace CaseTracker.Core.Demo;

/// <summary>A demo account: signs in with the password given to the seeder.</summary>
public sealed record DemoUser(string Email, string DisplayName, string Role);

/// <summary>A person of the demo data. <see cref="Key"/> identifies the person across cases.</summary>
public sealed record DemoPerson
{
    public required string Key { get; init; }
    public required string FamilyName { get; init; }
    public string? GivenName { get; init; }
    public string? Patronymic { get; init; }
    public string? NativeFamilyName { get; init; }
    public string? NativeGivenName { get; init; }
    public string? NativePatronymic { get; init; }
    public DateOnly? BirthDate { get; init; }
    public int? BirthYear { get; init; }
    public Sex Sex { get; init; }
    public string? City { get; init; }
    public required IReadOnlyList<string> Citizenships { get; init; }
    public string? IllnessOrDisability { get; init; }
    public int HungerStrikes { get; init; }

    /// <summary>A Soviet citizen (possibly also of another country), living in the USSR.</summary>
    public bool IsInUssr => Citizenships.Contains("SU");
}

/// <summary>A person's part in a demo case; the order of the list is the person's position.</summary>
public sealed record DemoCasePerson(DemoPerson Person, PersonRole Role);

/// <summary>A case of the demo data, as plain values.</summary>
public sealed record DemoCase
{
    public required CaseCategory Category { get; init; }

    /// <summary>The number within the category, from 1.</summary>
    public required int Number { get; init; }

    public string Reference => CaseService.FormatReference(Category, Number);
    public required string Title { get; init; }
    public EmigrationGroup? EmigrationGroup { get; init; }
    public bool IsInternationallyKnown { get; init; }
    public required CaseStatus Status { get; init; }
    public string? Summary { get; init; }
    public DateOnly? FirstExitApplicationOn { get; init; }
    public DateOnly? SeparatedSince { get; init; }
    public int RefusalCount { get; init; }
    public string? RefusalReason { get; init; }

    /// <summary>
    /// Seen only by the assigned caseworker and supervisors: the release-promised cases, whose names must not get
    /// out before the family has been told. Always assigned.
    /// </summary>
    public bool IsRestricted { get; init; }

    /// <summary>The e-mail of the assigned caseworker (one of <see cref="DemoData.Users"/>), or null.</summary>
    public string? AssignedTo { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The people; the applicant in the USSR first.</summary>
    public required IReadOnlyList<DemoCasePerson> People { get; init; }

    /// <summary>When the case took its current status: the date of the last status change, or the day it was opened.</summary>
    public DateOnly? StatusSince { get; init; }

    /// <summary>The timeline: the status changes from New to <see cref="Status"/>, then notes and contacts, in order of recording.</summary>
    public IReadOnlyList<DemoEvent> Events { get; init; } = [];
}

/// <summary>
/// The demo data: the caseload described in the letter of 7 December 1985 (10 + 17 separated spouses,
/// 23 dual nationals, 129 divided families, emigration and prominent cases), generated from fixed tables
/// and a fixed seed, so every call gives the same data; each case comes with its history (see <see cref="DemoHistory"/>).
/// No I/O, no clock: only the tasks' due dates depend on the day given to <see cref="Tasks"/>.
/// </summary>
public static class DemoData
{
    /// <summary>The name of the <see cref="Persistence.SeedRecord"/> that marks the demo data as loaded.</summary>
    public const string SeedName = "demo";

    public const string CaseworkerEmail = "caseworker@casetracker.local";
    public const string SupervisorEmail = "supervisor@casetracker.local";
    public const string AdministratorEmail = "admin@casetracker.local";
    public const string SecondCaseworkerEmail = "daniel.price@casetracker.local";
    public const string ThirdCaseworkerEmail = "maria.santos@casetracker.local";

    /// <summary>The number of cases per category: the figures of the letter, and 24 emigration requests.</summary>
    public const int SeparatedSpouseCount = 27;
    public const int PromisedSpouseCount = 10;
    public const int DualNationalCount = 23;
    public const int DividedFamilyCount = 129;
    public const int EmigrationCount = 24;

    /// <summary>The stated reasons for refusal that the demo data uses.</summary>
    public static IReadOnlyList<string> RefusalReasons { get; } =
        ["security concerns", "secrecy", "no invitation", "poor relations with relatives"];

    public static IReadOnlyList<DemoUser> Users { get; } =
    [
        new(CaseworkerEmail, "Anna Novak", Roles.Caseworker),
        new(SupervisorEmail, "Thomas Reed", Roles.Supervisor),
        new(AdministratorEmail, "Ruth Alder", Roles.Administrator),
        new(SecondCaseworkerEmail, "Daniel Price", Roles.Caseworker),
        new(ThirdCaseworkerEmail, "Maria Santos", Roles.Caseworker),
    ];

    private static readonly Lazy<IReadOnlyList<DemoCase>> Cached = new(Generate);

    /// <summary>The demo cases (generated once and kept).</summary>
    public static IReadOnlyList<DemoCase> Cases => Cached.Value;

    private static readonly Lazy<IReadOnlyList<DemoList>> CachedLists = new(() => DemoLists.Build(Cases));

    /// <summary>
    /// The representation lists of the letter, over <see cref="Cases"/>: the Soviet side's ten spouses promised at Geneva, list XVII of
    /// 17 further spouses, the 23 dual nationals and the 129 divided families (see <see cref="DemoLists"/>).
    /// </summary>
    public static IReadOnlyList<DemoList> Lists => CachedLists.Value;

    /// <summary>Generates the demo cases afresh, with their timelines: the same data on every call.</summary>
    public static IReadOnlyList<DemoCase> Generate() => DemoHistory.Add(new Generator().Run());

    /// <summary>
    /// The follow-up tasks of about a third of the open cases, due relative to <paramref name="today"/> (the day the demo is
    /// loaded), so that some are overdue, some due this week and some later whenever the demo is run; the same for the same day.
    /// </summary>
    public static IReadOnlyList<DemoTask> Tasks(DateOnly today) => DemoHistory.Tasks(Cases, today);

    /// <summary>Every distinct person of the cases, in order of first appearance.</summary>
    public static IReadOnlyList<DemoPerson> Persons(IEnumerable<DemoCase> cases) =>
        cases.SelectMany(c => c.People).Select(p => p.Person).DistinctBy(p => p.Key).ToList();

    private readonly record struct Birth(DateOnly? Date, int? Year)
    {
        public static Birth On(int year, int month, int day) => new(new DateOnly(year, month, day), year);
        public static Birth InYear(int year) => new(null, year);
        public static Birth Unknown => new(null, null);
    }

    private enum FamilyKind
    {
        AdultChild,
        ParentOfEmigrant,
        Sibling,
        Minor,
        Grandchild,
    }

    private enum DualKind
    {
        ArrivedInThirties,
        ArmenianRepatriate,
        ByDescent,
        AmericanWife,
    }

    /// <summary>Builds the cases. All randomness comes from one generator with a fixed seed, called in a fixed order.</summary>
    private sealed class Generator
    {
        private const int Seed = 19851207;
        private static readonly DateOnly Cutoff = new(1985, 11, 30);
        private static readonly DateTimeOffset FirstCreated = new(2025, 1, 6, 0, 0, 0, TimeSpan.Zero);
        private static readonly DateTimeOffset LastCreated = new(2026, 10, 30, 0, 0, 0, TimeSpan.Zero);
        private static readonly DateTimeOffset LastUpdated = new(2026, 11, 20, 16, 0, 0, TimeSpan.Zero);
        private static readonly string[] Su = ["SU"];
        private static readonly string[] Us = ["US"];
        private static readonly string[] UsSu = ["US", "SU"];

        private readonly Random rng = new(Seed);
        private readonly HashSet<string> usedNames = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<DemoCase> cases = [];
        private readonly Dictionary<CaseCategory, Queue<DateTimeOffset>> createdTimes = [];
        private int personCount;

        public IReadOnlyList<DemoCase> Run()
        {
            // The names of the letter's cases are kept out of the generated ones.
            foreach (var name in Reserved)
            {
                usedNames.Add(name);
            }
            SeparatedSpouses();
            DualNationals();
            DividedFamilies();
            Emigration();
            return cases;
        }

        // ---------------------------------------------------------------- separated spouses

        private void SeparatedSpouses()
        {
            StartCategory(CaseCategory.SeparatedSpouse, SeparatedSpouseCount);
            CaseStatus[] promised =
            [
                CaseStatus.ReleasePromised, CaseStatus.ReleasePromised, CaseStatus.ReleasePromised, CaseStatus.ReleasePromised,
                CaseStatus.ReleasePromised, CaseStatus.PermissionGranted, CaseStatus.PermissionGranted,
                CaseStatus.PermissionGranted, CaseStatus.Departed, CaseStatus.Reunited,
            ];
            foreach (var status in Shuffle(promised))
            {
                SpouseCase(status, promised: true);
            }

            BlindWife();
            HungerStriker();
            var rest = Enumerable.Repeat(CaseStatus.Submitted, 9).Concat(Enumerable.Repeat(CaseStatus.UnderReview, 6));
            foreach (var status in Shuffle(rest))
            {
                SpouseCase(status, promised: false);
            }
        }

        private void SpouseCase(CaseStatus status, bool promised)
        {
            var n = Weighted((Russian, 8), (Ukrainian, 3), (Jewish, 4), (Armenian, 2), (Lithuanian, 1), (Latvian, 1), (Estonian, 1), (German, 1));
            var female = Chance(70);
            var birthYear = rng.Next(1935, 1963);
            var separated = Date(new DateOnly(Math.Max(birthYear + 20, 1968), 1, 1), new DateOnly(1984, 6, 30));
            var married = Math.Max(birthYear + 19, separated.Year - rng.Next(0, 3));
            var firstExit = Min(separated.AddDays(rng.Next(30, 540)), Cutoff);
            var city = Pick(n.Cities);
            var emigre = Chance(35);
            var country = emigre && n == Jewish && Chance(50) ? "IL" : "US";
            var abroadCity = AbroadCity(n, country);
            var s = Pick(n.Surnames);
            var people = new List<DemoCasePerson>();
            DemoPerson applicant;
            DemoPerson spouse;
            MaleName? husbandName = null;
            if (female)
            {
                var given = UniqueFemale(n, s, s.LatinFemale, f => f.Latin);
                applicant = SovietWoman(n, s, given, null, daughter: false, Born(birthYear), city);
                if (emigre)
                {
                    husbandName = UniqueMale(n, s, AbroadFamily(s, Sex.Male, country), m => AbroadGiven(m.Latin, m.Abroad, country));
                    spouse = EmigreMan(n, s, husbandName, null, Born(birthYear + rng.Next(-2, 8), 40), country, abroadCity);
                }
                else
                {
                    spouse = American(Sex.Male, Born(birthYear + rng.Next(-3, 9), 30), abroadCity);
                }
            }
            else
            {
                var given = UniqueMale(n, s, s.Latin, m => m.Latin);
                applicant = SovietMan(n, s, given, null, Born(birthYear), city);
                if (emigre)
                {
                    var wife = UniqueFemale(n, s, AbroadFamily(s, Sex.Female, country), f => AbroadGiven(f.Latin, f.Abroad, country));
                    spouse = EmigreWoman(n, s, wife, null, Born(birthYear + rng.Next(-8, 3), 40), country, abroadCity);
                }
                else
                {
                    spouse = American(Sex.Female, Born(birthYear + rng.Next(-8, 4), 30), abroadCity, familyName: null);
                }
            }
            people.Add(new(applicant, PersonRole.ApplicantInUssr));
            people.Add(new(spouse, PersonRole.Spouse));

            if (Chance(40))
            {
                var childYear = Math.Clamp(separated.Year - rng.Next(0, 5), birthYear + 19, 1984);
                var son = Chance(50);
                if (female && Chance(50))
                {
                    // The child stayed with the mother; the patronymic comes from the father when he was Soviet.
                    people.Add(new(son
                        ? SovietMan(n, s, UniqueMale(n, s, s.Latin, m => m.Latin), husbandName, Born(childYear), city, withPatronymic: husbandName is not null)
                        : SovietWoman(n, s, UniqueFemale(n, s, s.LatinDaughter, f => f.Latin), husbandName, daughter: true, Born(childYear), city,
                            withPatronymic: husbandName is not null),
                        PersonRole.Child));
                }
                else
                {
                    people.Add(new(AmericanChild(spouse.FamilyName, son ? Sex.Male : Sex.Female, Born(childYear, 60), abroadCity), PersonRole.Child));
                }
            }

            var refusals = rng.Next(1, 7);
            var reason = promised ? "security concerns" : PickReason();
            var spouseWord = female ? "husband" : "wife";
            var background = $"Married {(emigre ? "a former Soviet citizen now" : "a US citizen")} in {abroadCity} in {married}; "
                + $"separated since {separated.Year} and {Refused(refusals, reason)}.";
            AddCase(CaseCategory.SeparatedSpouse, status,
                $"{applicant.FamilyName} – joining {spouseWord} in {abroadCity}",
                background + " " + SpouseStatusText(status, spouseWord, abroadCity),
                firstExit, separated, refusals, reason, people, letterCase: promised);
        }

        private void BlindWife()
        {
            var applicant = Make("Kuznetsova", "Valentina", "Petrovna", "Кузнецова", "Валентина", "Петровна", Sex.Female,
                Birth.On(1921, 10, 3), "Odessa", Su, illness: "blind");
            var husband = Make("Kuznetsov", "Nicholas", null, "Кузнецов", "Николай", "Иванович", Sex.Male,
                Birth.InYear(1918), "Cleveland", Us);
            const string reason = "no invitation";
            AddCase(CaseCategory.SeparatedSpouse, CaseStatus.UnderReview,
                "Kuznetsova – blind wife joining husband in Cleveland",
                "Blind and in her sixties, separated for almost thirty years from her husband, who stayed abroad in 1956 and now lives "
                + $"in Cleveland; first applied in 1957 and {Refused(6, reason)}. "
                + SpouseStatusText(CaseStatus.UnderReview, "husband", "Cleveland"),
                new DateOnly(1957, 2, 18), new DateOnly(1956, 6, 14), 6, reason,
                [new(applicant, PersonRole.ApplicantInUssr), new(husband, PersonRole.Spouse)], letterCase: true);
        }

        private void HungerStriker()
        {
            var applicant = Make("Lebedev", "Yevgeniy", "Mikhailovich", "Лебедев", "Евгений", "Михайлович", Sex.Male,
                Birth.On(1949, 8, 22), "Moscow", Su, hungerStrikes: 2);
            var wife = Make("Lebedev", "Karen", null, null, null, null, Sex.Female, Birth.InYear(1953), "Boston", Us);
            var son = Make("Lebedev", "Daniel", null, null, null, null, Sex.Male, Birth.On(1978, 6, 2), "Boston", Us);
            var daughter = Make("Lebedev", "Anna", null, null, null, null, Sex.Female, Birth.On(1980, 11, 19), "Boston", Us);
            const string reason = "secrecy";
            AddCase(CaseCategory.SeparatedSpouse, CaseStatus.UnderReview,
                "Lebedev – joining wife and small children in Boston",
                $"Married a US citizen in 1977 and {Refused(5, reason)} since 1978; driven to two life-threatening hunger strikes "
                + "to join his wife and two small children, who have lived in Boston since 1981. "
                + SpouseStatusText(CaseStatus.UnderReview, "wife", "Boston"),
                new DateOnly(1978, 9, 4), new DateOnly(1981, 5, 12), 5, reason,
                [
                    new(applicant, PersonRole.ApplicantInUssr), new(wife, PersonRole.Spouse),
                    new(son, PersonRole.Child), new(daughter, PersonRole.Child),
                ],
                letterCase: true);
        }

        private static string SpouseStatusText(CaseStatus status, string spouseWord, string city) => status switch
        {
            CaseStatus.ReleasePromised => "Named among the ten spouses the Soviet side said would be released; the family has yet to hear this officially.",
            CaseStatus.PermissionGranted => "Named among the ten spouses to be released; exit permission has now been issued.",
            CaseStatus.Departed => $"Released with the ten spouses; departed to join the {spouseWord} in {city}.",
            CaseStatus.Reunited => $"Released with the ten spouses and reunited with the {spouseWord} in {city}.",
            CaseStatus.Submitted => "On the list of 17 further names handed over in addition to the ten; no decision yet.",
            CaseStatus.UnderReview => "On the list of 17 further names; the Soviet side says the case is under review.",
            _ => StatusText(status, city),
        };

        // ---------------------------------------------------------------- dual nationals

        private void DualNationals()
        {
            StartCategory(CaseCategory.DualNational, DualNationalCount);
            SchoolBreak();
            var statuses = Shuffle(new[]
            {
                CaseStatus.Documented, CaseStatus.Documented,
                CaseStatus.Submitted, CaseStatus.Submitted, CaseStatus.Submitted, CaseStatus.Submitted,
                CaseStatus.Submitted, CaseStatus.Submitted, CaseStatus.Submitted, CaseStatus.Submitted,
                CaseStatus.UnderReview, CaseStatus.UnderReview, CaseStatus.UnderReview,
                CaseStatus.UnderReview, CaseStatus.UnderReview, CaseStatus.UnderReview,
                CaseStatus.Refused, CaseStatus.Refused, CaseStatus.Refused,
                CaseStatus.PermissionGranted, CaseStatus.Departed, CaseStatus.Reunited,
            });
            var kinds = Shuffle(Enumerable.Repeat(DualKind.ArrivedInThirties, 3)
                .Concat(Enumerable.Repeat(DualKind.ArmenianRepatriate, 5))
                .Concat(Enumerable.Repeat(DualKind.ByDescent, 10))
                .Concat(Enumerable.Repeat(DualKind.AmericanWife, 4)));
            for (var i = 0; i < statuses.Count; i++)
            {
                DualCase(kinds[i], statuses[i]);
            }
        }

        private void SchoolBreak()
        {
            var applicant = Make("Brandt", "Harold", "Genrikhovich", "Брандт", "Гарольд", "Генрихович", Sex.Male,
                Birth.On(1908, 4, 17), "Kharkov", UsSu);
            var wife = Make("Brandt", "Anna", "Ivanovna", "Брандт", "Анна", "Ивановна", Sex.Female, Birth.On(1914, 11, 2), "Kharkov", Su);
            var niece = Make("Wilson", "Margaret", null, null, null, null, Sex.Female, Birth.InYear(1938), "Chicago", Us);
            const string reason = "no invitation";
            AddCase(CaseCategory.DualNational, CaseStatus.UnderReview,
                "Brandt – US citizen in the USSR since 1932, seeking to return to Chicago",
                "Born in Chicago in 1908, came to the Soviet Union in 1932 on a school break and somehow ended up with a Soviet "
                + $"internal passport; has tried to return to the United States for over 50 years and been {Refused(6, reason)}. "
                + DualStatusText(CaseStatus.UnderReview),
                new DateOnly(1934, 9, 3), new DateOnly(1932, 6, 20), 6, reason,
                [new(applicant, PersonRole.ApplicantInUssr), new(wife, PersonRole.Spouse), new(niece, PersonRole.RelativeAbroad)],
                letterCase: true);
        }

        private void DualCase(DualKind kind, CaseStatus status)
        {
            var people = new List<DemoCasePerson>();
            // Every dual national has been trying to leave for years: at least one refusal.
            var refusals = Math.Max(1, RefusalsFor(status));
            string? reason = Pick(new[] { "no invitation", "no invitation", "poor relations with relatives", "secrecy" });
            DemoPerson applicant;
            DateOnly separated;
            DateOnly firstExit;
            string title;
            string background;
            switch (kind)
            {
                case DualKind.ArrivedInThirties:
                {
                    var birthYear = rng.Next(1903, 1916);
                    var arrived = Date(new DateOnly(Math.Max(1929, birthYear + 17), 1, 1), new DateOnly(1937, 12, 31));
                    var male = Chance(60);
                    var usCity = Pick(UsCities);
                    var city = Pick(Russian.Cities);
                    var maiden = Pick(AmericanSurnames);
                    if (male)
                    {
                        var given = UniqueAmerican(AmericanMen, maiden.Latin);
                        applicant = Make(maiden.Latin, given.Latin, null, maiden.Native, given.Native, null, Sex.Male, Born(birthYear, 70), city, UsSu);
                        if (Chance(70))
                        {
                            var wife = UniqueFemale(Russian, null, maiden.Latin, f => f.Latin);
                            var wifesFather = Pick(Russian.Men);
                            people.Add(new(Make(maiden.Latin, wife.Latin, wifesFather.PatronymicFemale, maiden.Native, wife.Native,
                                wifesFather.NativePatronymicFemale, Sex.Female, Born(birthYear + rng.Next(0, 8)), city, Su), PersonRole.Spouse));
                        }
                    }
                    else
                    {
                        var s = Pick(Russian.Surnames);
                        var given = UniqueAmerican(AmericanWomen, s.LatinFemale);
                        applicant = Make(s.LatinFemale, given.Latin, null, s.NativeFemale, given.Native, null, Sex.Female, Born(birthYear, 70), city, UsSu);
                        if (Chance(40))
                        {
                            var child = UniqueMale(Russian, s, s.Latin, m => m.Latin);
                            people.Add(new(SovietMan(Russian, s, child, null, Born(Math.Min(1950, arrived.Year + rng.Next(2, 12))), city), PersonRole.Child));
                        }
                    }
                    var relative = American(Chance(50) ? Sex.Male : Sex.Female, Born(rng.Next(1930, 1955), 20), usCity, maiden.Latin);
                    people.Insert(0, new(applicant, PersonRole.ApplicantInUssr));
                    people.Add(new(relative, PersonRole.RelativeAbroad));
                    separated = arrived;
                    firstExit = Date(arrived.AddYears(1), new DateOnly(1941, 6, 1));
                    title = $"{applicant.FamilyName} – US citizen in the USSR since {arrived.Year}";
                    background = $"Born in {usCity} in {birthYear}, came to the Soviet Union in {arrived.Year} and was issued a Soviet "
                        + $"internal passport; first asked to return in {firstExit.Year} and {Refused(refusals, reason)}.";
                    break;
                }
                case DualKind.ArmenianRepatriate:
                {
                    var n = Armenian;
                    var birthYear = rng.Next(1926, 1946);
                    var repatriated = Date(new DateOnly(1947, 6, 1), new DateOnly(1949, 12, 31));
                    var male = Chance(55);
                    var s = Pick(n.Surnames);
                    var usCity = AbroadCity(n, "US");
                    var city = Pick(n.Cities);
                    MaleName? husband = null;
                    // Born in the US: the Latin name as in the US passport, the native one (with a patronymic) as in Soviet papers.
                    var father = Pick(n.Men);
                    if (male)
                    {
                        var given = UniqueMale(n, s, s.Abroad, m => m.Latin);
                        applicant = Make(s.Abroad, given.Latin, null, s.Native, given.Native, father.NativePatronymic, Sex.Male, Born(birthYear), city, UsSu);
                        husband = given;
                        if (Chance(70))
                        {
                            var wife = UniqueFemale(n, s, s.Latin, f => f.Latin);
                            people.Add(new(SovietWoman(n, s, wife, null, daughter: false, Born(birthYear + rng.Next(-6, 4)), city), PersonRole.Spouse));
                        }
                    }
                    else
                    {
                        var given = UniqueFemale(n, s, s.Abroad, f => f.Latin);
                        applicant = Make(s.Abroad, given.Latin, null, s.Native, given.Native, father.NativePatronymicFemale, Sex.Female, Born(birthYear), city, UsSu);
                    }
                    if (Chance(50) && birthYear < 1960)
                    {
                        var childYear = Math.Min(1975, birthYear + rng.Next(22, 32));
                        people.Add(new(Chance(50)
                            ? SovietMan(n, s, UniqueMale(n, s, s.Latin, m => m.Latin), husband, Born(childYear), city)
                            : SovietWoman(n, s, UniqueFemale(n, s, s.Latin, f => f.Latin), husband, daughter: true, Born(childYear), city),
                            PersonRole.Child));
                    }
                    var sibling = Chance(50)
                        ? Make(s.Abroad, UniqueAmerican(AmericanMen, s.Abroad).Latin, null, null, null, null, Sex.Male, Born(birthYear + rng.Next(-6, 7), 20), usCity, Us)
                        : Make(s.Abroad, UniqueAmerican(AmericanWomen, s.Abroad).Latin, null, null, null, null, Sex.Female, Born(birthYear + rng.Next(-6, 7), 20), usCity, Us);
                    people.Insert(0, new(applicant, PersonRole.ApplicantInUssr));
                    people.Add(new(sibling, PersonRole.Sibling));
                    separated = repatriated;
                    firstExit = Date(new DateOnly(Math.Max(1956, birthYear + 18), 1, 1), new DateOnly(1978, 12, 31));
                    title = $"{applicant.FamilyName} – US-born, taken to Soviet Armenia in {repatriated.Year}";
                    background = $"Born in {usCity} in {birthYear} and taken to Soviet Armenia in the repatriation of {repatriated.Year}; "
                        + $"has sought to return since {firstExit.Year} and {Refused(refusals, reason)}.";
                    break;
                }
                case DualKind.ByDescent:
                {
                    var n = Weighted((Russian, 5), (Ukrainian, 3), (Jewish, 3));
                    var birthYear = rng.Next(1935, 1966);
                    var left = Date(new DateOnly(Math.Max(1955, birthYear + 1), 1, 1), new DateOnly(1981, 12, 31));
                    var s = Pick(n.Surnames);
                    var city = Pick(n.Cities);
                    var usCity = AbroadCity(n, "US");
                    var fatherAbroad = Chance(60);
                    var fatherName = UniqueMale(n, s, fatherAbroad ? s.Abroad : s.Latin, m => fatherAbroad ? m.Abroad : m.Latin);
                    var parentYear = Math.Max(1898, birthYear - rng.Next(22, 36));
                    var male = Chance(50);
                    applicant = male
                        ? SovietMan(n, s, UniqueMale(n, s, s.Latin, m => m.Latin), fatherName, Born(birthYear), city, UsSu)
                        : SovietWoman(n, s, UniqueFemale(n, s, s.LatinFemale, f => f.Latin), fatherName, daughter: false, Born(birthYear), city, UsSu);
                    var parent = fatherAbroad
                        ? EmigreMan(n, s, fatherName, null, Born(parentYear, 50), "US", usCity)
                        : EmigreWoman(n, s, UniqueFemale(n, s, AbroadFamily(s, Sex.Female, "US"), f => f.Abroad), null, Born(parentYear, 50), "US", usCity);
                    people.Add(new(applicant, PersonRole.ApplicantInUssr));
                    people.Add(new(parent, PersonRole.Parent));
                    if (birthYear < 1962 && Chance(50))
                    {
                        people.Add(new(male
                            ? SovietWoman(n, s, UniqueFemale(n, s, s.LatinFemale, f => f.Latin), null, daughter: false, Born(birthYear + rng.Next(-4, 4)), city)
                            : SovietMan(n, s, UniqueMale(n, s, s.Latin, m => m.Latin), null, Born(birthYear + rng.Next(-2, 6)), city),
                            PersonRole.Spouse));
                    }
                    separated = left;
                    firstExit = Date(Min(left.AddMonths(6), Cutoff), Cutoff);
                    var parentWord = fatherAbroad ? "father" : "mother";
                    title = $"{applicant.FamilyName} – US citizen by descent, joining {parentWord} in {usCity}";
                    background = $"Born in {city} in {birthYear} to a US-citizen {parentWord}, who returned to the United States in {left.Year}; "
                        + $"the Soviet side treats {(male ? "him" : "her")} as a Soviet citizen only and {(male ? "he" : "she")} has been "
                        + $"{Refused(refusals, reason)}.";
                    break;
                }
                default:
                {
                    var n = Weighted((Russian, 3), (Ukrainian, 1));
                    var birthYear = rng.Next(1930, 1956);
                    var moved = Date(new DateOnly(Math.Max(1955, birthYear + 20), 1, 1), new DateOnly(1980, 12, 31));
                    var s = Pick(n.Surnames);
                    var city = Pick(n.Cities);
                    var usCity = Pick(UsCities);
                    var given = UniqueAmerican(AmericanWomen, s.LatinFemale);
                    applicant = Make(s.LatinFemale, given.Latin, null, s.NativeFemale, given.Native, null, Sex.Female, Born(birthYear), city, UsSu);
                    var husbandName = UniqueMale(n, s, s.Latin, m => m.Latin);
                    people.Add(new(applicant, PersonRole.ApplicantInUssr));
                    people.Add(new(SovietMan(n, s, husbandName, null, Born(birthYear + rng.Next(-3, 6)), city), PersonRole.Spouse));
                    if (Chance(50) && moved.Year < 1984)
                    {
                        var childYear = rng.Next(moved.Year + 1, 1985);
                        people.Add(new(Chance(50)
                            ? SovietMan(n, s, UniqueMale(n, s, s.Latin, m => m.Latin), husbandName, Born(childYear), city, UsSu)
                            : SovietWoman(n, s, UniqueFemale(n, s, s.LatinDaughter, f => f.Latin), husbandName, daughter: true, Born(childYear), city, UsSu),
                            PersonRole.Child));
                    }
                    if (Chance(70))
                    {
                        var maiden = Pick(AmericanSurnames);
                        people.Add(new(American(Chance(50) ? Sex.Male : Sex.Female, Born(birthYear - rng.Next(18, 32), 20), usCity, maiden.Latin),
                            PersonRole.Parent));
                    }
                    separated = moved;
                    firstExit = Date(Min(moved.AddYears(1), Cutoff), Cutoff);
                    title = $"{applicant.FamilyName} – American-born wife seeking to return to {usCity}";
                    background = $"Born in {usCity} in {birthYear}, married a Soviet citizen and moved to {city} in {moved.Year}; "
                        + $"her US citizenship is not recognised and she has been {Refused(refusals, reason)}.";
                    break;
                }
            }
            AddCase(CaseCategory.DualNational, status, title, background + " " + DualStatusText(status),
                firstExit, separated, refusals, reason, people);
        }

        private static string DualStatusText(CaseStatus status) => status switch
        {
            CaseStatus.Documented => "Documented; not yet raised with the Soviet side.",
            CaseStatus.Submitted => "Raised among the 23 dual-national cases; no answer yet.",
            CaseStatus.UnderReview => "Raised among the 23 dual-national cases; said to be under review.",
            CaseStatus.PermissionGranted => "The dual national the Soviet side agreed to let leave; exit permission issued.",
            CaseStatus.Departed => "Departed for the United States; arrival not yet confirmed.",
            CaseStatus.Reunited => "Returned to the United States and reunited with the family.",
            _ => StatusText(status, "the United States"),
        };

        // ---------------------------------------------------------------- divided families

        private void DividedFamilies()
        {
            StartCategory(CaseCategory.DividedFamily, DividedFamilyCount);
            var statuses = new List<CaseStatus>();
            void Add(CaseStatus status, int count) => statuses.AddRange(Enumerable.Repeat(status, count));
            Add(CaseStatus.New, 10);
            Add(CaseStatus.Documented, 20);
            Add(CaseStatus.Submitted, 35);
            Add(CaseStatus.UnderReview, 25);
            Add(CaseStatus.ReleasePromised, 3);
            Add(CaseStatus.PermissionGranted, 5);
            Add(CaseStatus.Departed, 4);
            Add(CaseStatus.Reunited, 8);
            Add(CaseStatus.Refused, 14);
            Add(CaseStatus.Closed, 5);

            // The letter's cases take their statuses out of the pool first.
            statuses.Remove(CaseStatus.Submitted);
            statuses.Remove(CaseStatus.UnderReview);
            statuses.Remove(CaseStatus.Submitted);
            var pool = new Queue<CaseStatus>(Shuffle(statuses));

            AloneInLeningrad();
            var sponsor = Make("Kasparian", "Haig", null, null, null, null, Sex.Male, Birth.InYear(1928), "Los Angeles", Us);
            while (pool.Count > 0)
            {
                var number = cases.Count(c => c.Category == CaseCategory.DividedFamily) + 1;
                if (number == 14)
                {
                    MotherInPhiladelphia();
                }
                else if (number is 41 or 87)
                {
                    DividedFamilyCase(pool.Dequeue(), Armenian, sponsor);
                }
                else
                {
                    DividedFamilyCase(pool.Dequeue(), null, null);
                }
            }
        }

        private void AloneInLeningrad()
        {
            var boy = Make("Vinogradov", "Dmitriy", "Aleksandrovich", "Виноградов", "Дмитрий", "Александрович", Sex.Male,
                Birth.On(1969, 3, 14), "Leningrad", Su);
            var mother = Make("Vinograd", "Irene", null, "Виноградова", "Ирина", "Борисовна", Sex.Female, Birth.InYear(1946), "New York", Us);
            var grandmother = Make("Katz", "Sophie", null, "Кац", "Софья", "Наумовна", Sex.Female, Birth.InYear(1921), "Brooklyn", Us);
            const string reason = "poor relations with relatives";
            AddCase(CaseCategory.DividedFamily, CaseStatus.Submitted,
                "Vinogradov – boy of 16 alone in Leningrad, mother in New York",
                "His mother emigrated to New York in 1979; his father, who had refused consent for him to leave, was killed in an "
                + "automobile accident in the autumn of 1984, leaving him all alone in Leningrad at sixteen. "
                + $"First applied in 1980 and {Refused(1, reason)}; among the 129 divided families on the current list, no answer yet.",
                new DateOnly(1980, 2, 11), new DateOnly(1979, 10, 1), 1, reason,
                [new(boy, PersonRole.ApplicantInUssr), new(mother, PersonRole.Parent), new(grandmother, PersonRole.RelativeAbroad)],
                letterCase: true);
        }

        /// <summary>Two cases, a brother's and a sister's, with the same mother abroad.</summary>
        private void MotherInPhiladelphia()
        {
            var number = cases.Count(c => c.Category == CaseCategory.DividedFamily) + 1;
            var brotherReference = CaseService.FormatReference(CaseCategory.DividedFamily, number);
            var sisterReference = CaseService.FormatReference(CaseCategory.DividedFamily, number + 1);
            var mother = Make("Melnick", "Helen", null, "Мельник", "Галина", "Степанівна", Sex.Female, Birth.InYear(1919), "Philadelphia", Us);
            var son = Make("Melnyk", "Petro", "Ivanovych", "Мельник", "Петро", "Іванович", Sex.Male, Birth.On(1938, 5, 2), "Lvov", Su);
            var sonsWife = Make("Melnyk", "Mariya", "Vasylivna", "Мельник", "Марія", "Василівна", Sex.Female, Birth.On(1940, 1, 23), "Lvov", Su);
            const string reason = "poor relations with relatives";
            AddCase(CaseCategory.DividedFamily, CaseStatus.UnderReview,
                "Melnyk – joining mother in Philadelphia",
                "Left with his grandparents when his mother fled west in 1944; she has lived in Philadelphia since 1950. "
                + $"First applied in 1965 and {Refused(4, reason)}; his sister's family is case {sisterReference}.",
                new DateOnly(1965, 3, 15), new DateOnly(1944, 7, 20), 4, reason,
                [new(son, PersonRole.ApplicantInUssr), new(sonsWife, PersonRole.Spouse), new(mother, PersonRole.Parent)]);

            var daughter = Make("Savchuk", "Oksana", "Ivanivna", "Савчук", "Оксана", "Іванівна", Sex.Female, Birth.On(1941, 9, 27), "Kiev", Su);
            var husband = Make("Savchuk", "Mykola", "Petrovych", "Савчук", "Микола", "Петрович", Sex.Male, Birth.On(1939, 12, 6), "Kiev", Su);
            AddCase(CaseCategory.DividedFamily, CaseStatus.Submitted,
                "Savchuk – joining mother in Philadelphia",
                "Separated from her mother in 1944 at the age of three; her mother, now in Philadelphia, sponsors both her and her "
                + $"brother (case {brotherReference}). First applied in 1972 and {Refused(3, reason)}.",
                new DateOnly(1972, 6, 1), new DateOnly(1944, 7, 20), 3, reason,
                [new(daughter, PersonRole.ApplicantInUssr), new(husband, PersonRole.Spouse), new(mother, PersonRole.Parent)]);
        }

        private void DividedFamilyCase(CaseStatus status, Nationality? nationality, DemoPerson? sponsor)
        {
            var n = nationality ?? Weighted((Russian, 30), (Ukrainian, 20), (Jewish, 20), (Armenian, 8), (Lithuanian, 5), (Latvian, 5), (Estonian, 4), (German, 8));
            var kind = Weighted((FamilyKind.AdultChild, 35), (FamilyKind.ParentOfEmigrant, 30), (FamilyKind.Sibling, 20), (FamilyKind.Minor, 8), (FamilyKind.Grandchild, 7));
            var wartime = n.WartimeEmigration && kind is FamilyKind.AdultChild or FamilyKind.Sibling && Chance(35);
            var s = Pick(n.Surnames);
            var city = Pick(n.Cities);
            var usCity = AbroadCity(n, "US");
            var male = Chance(50);
            var pronoun = male ? "his" : "her";
            var maleGiven = male ? UniqueMale(n, s, s.Latin, m => m.Latin) : null;
            var femaleGiven = male ? null : UniqueFemale(n, s, kind == FamilyKind.Minor ? s.LatinDaughter : s.LatinFemale, f => f.Latin);
            var inUssr = new List<DemoCasePerson>();
            var abroad = new List<DemoCasePerson>();
            DateOnly separated;
            int applicantYear;
            MaleName applicantFather;
            string relation;
            string background;

            switch (kind)
            {
                case FamilyKind.AdultChild:
                {
                    separated = wartime ? Date(new DateOnly(1944, 3, 1), new DateOnly(1944, 12, 31)) : YearBetween(1971, 1982);
                    applicantYear = wartime
                        ? rng.Next(1926, 1944)
                        : rng.Next(Math.Max(1925, separated.Year - 40), Math.Min(1962, separated.Year - 15) + 1);
                    var both = Chance(30);
                    var fatherAbroad = both || Chance(50);
                    applicantFather = UniqueMale(n, s, s.Abroad, m => m.Abroad);
                    var parentYear = Math.Max(1885, applicantYear - rng.Next(22, 33));
                    if (fatherAbroad)
                    {
                        abroad.Add(new(EmigreMan(n, s, applicantFather, null, Born(parentYear, 40), "US", usCity), PersonRole.Parent));
                    }
                    if (both || !fatherAbroad)
                    {
                        var mother = UniqueFemale(n, s, AbroadFamily(s, Sex.Female, "US"), f => f.Abroad);
                        abroad.Add(new(EmigreWoman(n, s, mother, null, Born(parentYear + rng.Next(-2, 6), 40), "US", usCity), PersonRole.Parent));
                    }
                    relation = both ? "parents" : fatherAbroad ? "father" : "mother";
                    background = wartime
                        ? $"{Cap(pronoun)} {relation} {(both ? "were" : "was")} displaced to the West in 1944 and settled in {usCity}"
                        : $"{Cap(pronoun)} {relation} left for the United States in {separated.Year}";
                    break;
                }
                case FamilyKind.ParentOfEmigrant:
                {
                    separated = YearBetween(1971, 1982);
                    var childYear = rng.Next(Math.Max(1925, separated.Year - 40), Math.Min(1963, separated.Year - 18) + 1);
                    applicantYear = Math.Max(1898, childYear - rng.Next(20, 34));
                    applicantFather = Pick(n.Men);
                    var childFather = maleGiven;
                    if (Chance(45))
                    {
                        var spouseYear = applicantYear + rng.Next(-4, 5);
                        if (male)
                        {
                            inUssr.Add(new(SovietWoman(n, s, UniqueFemale(n, s, s.LatinFemale, f => f.Latin), null, daughter: false, Born(spouseYear, 70), city),
                                PersonRole.Spouse));
                        }
                        else
                        {
                            childFather = UniqueMale(n, s, s.Latin, m => m.Latin);
                            inUssr.Add(new(SovietMan(n, s, childFather, null, Born(spouseYear, 70), city), PersonRole.Spouse));
                        }
                    }
                    var son = Chance(50);
                    abroad.Add(new(son
                        ? EmigreMan(n, s, UniqueMale(n, s, s.Abroad, m => m.Abroad), childFather, Born(childYear, 60), "US", usCity)
                        : EmigreWoman(n, s, UniqueFemale(n, s, AbroadFamily(s, Sex.Female, "US"), f => f.Abroad), childFather, Born(childYear, 60), "US", usCity),
                        PersonRole.Child));
                    relation = son ? "son" : "daughter";
                    background = $"{Cap(pronoun)} {relation} emigrated to the United States in {separated.Year}";
                    break;
                }
                case FamilyKind.Sibling:
                {
                    separated = wartime ? Date(new DateOnly(1944, 3, 1), new DateOnly(1944, 12, 31)) : YearBetween(1971, 1982);
                    applicantYear = wartime
                        ? rng.Next(1915, 1939)
                        : rng.Next(Math.Max(1920, separated.Year - 50), Math.Min(1962, separated.Year - 16) + 1);
                    applicantFather = Pick(n.Men);
                    var brother = Chance(50);
                    var siblingYear = Math.Min(1966, applicantYear + rng.Next(-6, 7));
                    abroad.Add(new(brother
                        ? EmigreMan(n, s, UniqueMale(n, s, s.Abroad, m => m.Abroad), applicantFather, Born(siblingYear, 60), "US", usCity)
                        : EmigreWoman(n, s, UniqueFemale(n, s, AbroadFamily(s, Sex.Female, "US"), f => f.Abroad), applicantFather, Born(siblingYear, 60), "US", usCity),
                        PersonRole.Sibling));
                    relation = brother ? "brother" : "sister";
                    background = wartime
                        ? $"{Cap(pronoun)} {relation} was displaced to the West in 1944 and settled in {usCity}"
                        : $"{Cap(pronoun)} {relation} emigrated to the United States in {separated.Year}";
                    break;
                }
                case FamilyKind.Minor:
                {
                    separated = YearBetween(1976, 1983);
                    applicantYear = rng.Next(1968, Math.Min(1975, separated.Year) + 1);
                    var motherAbroad = Chance(60);
                    applicantFather = UniqueMale(n, s, motherAbroad ? s.Latin : s.Abroad, m => motherAbroad ? m.Latin : m.Abroad);
                    var parentYear = applicantYear - rng.Next(21, 35);
                    if (motherAbroad)
                    {
                        var mother = UniqueFemale(n, s, AbroadFamily(s, Sex.Female, "US"), f => f.Abroad);
                        abroad.Add(new(EmigreWoman(n, s, mother, null, Born(parentYear, 70), "US", usCity), PersonRole.Parent));
                        if (Chance(60))
                        {
                            inUssr.Add(new(SovietMan(n, s, applicantFather, null, Born(parentYear + rng.Next(-2, 6)), city), PersonRole.Parent));
                        }
                    }
                    else
                    {
                        abroad.Add(new(EmigreMan(n, s, applicantFather, null, Born(parentYear, 70), "US", usCity), PersonRole.Parent));
                        if (Chance(60))
                        {
                            inUssr.Add(new(SovietWoman(n, s, UniqueFemale(n, s, s.LatinFemale, f => f.Latin), null, daughter: false,
                                Born(parentYear + rng.Next(-5, 3)), city), PersonRole.Parent));
                        }
                    }
                    relation = motherAbroad ? "mother" : "father";
                    background = $"A minor whose {relation} emigrated to the United States in {separated.Year}";
                    break;
                }
                default:
                {
                    separated = YearBetween(1972, 1981);
                    applicantYear = rng.Next(1950, 1967);
                    applicantFather = Pick(n.Men);
                    var grandfather = Chance(40);
                    var grandYear = Math.Max(1895, applicantYear - rng.Next(45, 56));
                    abroad.Add(new(grandfather
                        ? EmigreMan(n, s, UniqueMale(n, s, s.Abroad, m => m.Abroad), null, Born(grandYear, 40), "US", usCity)
                        : EmigreWoman(n, s, UniqueFemale(n, s, AbroadFamily(s, Sex.Female, "US"), f => f.Abroad), null, Born(grandYear, 40), "US", usCity),
                        PersonRole.RelativeAbroad));
                    relation = grandfather ? "grandfather" : "grandmother";
                    background = $"Raised by {pronoun} {relation}, who emigrated to the United States in {separated.Year}";
                    break;
                }
            }

            var minor = kind == FamilyKind.Minor;
            var applicant = maleGiven is not null
                ? SovietMan(n, s, maleGiven, applicantFather, Born(applicantYear, minor ? 100 : 85), city)
                : SovietWoman(n, s, femaleGiven!, applicantFather, daughter: minor, Born(applicantYear, minor ? 100 : 85), city);

            // An adult applicant may bring a spouse and a child; at most four people beside the applicant.
            var room = sponsor is null ? 4 : 3;
            if (kind is FamilyKind.AdultChild or FamilyKind.Sibling or FamilyKind.Grandchild && applicantYear <= 1963)
            {
                var childFather = maleGiven;
                if (Chance(50) && inUssr.Count + abroad.Count < room)
                {
                    var spouseYear = applicantYear + rng.Next(-4, 5);
                    if (male)
                    {
                        inUssr.Add(new(SovietWoman(n, s, UniqueFemale(n, s, s.LatinFemale, f => f.Latin), null, daughter: false, Born(spouseYear), city),
                            PersonRole.Spouse));
                    }
                    else
                    {
                        childFather = UniqueMale(n, s, s.Latin, m => m.Latin);
                        inUssr.Add(new(SovietMan(n, s, childFather, null, Born(spouseYear), city), PersonRole.Spouse));
                    }
                }
                if (Chance(35) && inUssr.Count + abroad.Count < room && applicantYear + 20 <= 1984)
                {
                    var childYear = rng.Next(applicantYear + 20, Math.Min(1984, applicantYear + 36) + 1);
                    inUssr.Add(new(Chance(50)
                        ? SovietMan(n, s, UniqueMale(n, s, s.Latin, m => m.Latin), childFather, Born(childYear), city)
                        : SovietWoman(n, s, UniqueFemale(n, s, s.LatinDaughter, f => f.Latin), childFather, daughter: true, Born(childYear), city),
                        PersonRole.Child));
                }
            }
            var people = new List<DemoCasePerson> { new(applicant, PersonRole.ApplicantInUssr) };
            people.AddRange(inUssr);
            people.AddRange(abroad);
            if (sponsor is null && people.Count < 5 && Chance(10))
            {
                sponsor = American(Chance(50) ? Sex.Male : Sex.Female, Born(rng.Next(1920, 1950), 0), usCity);
            }
            if (sponsor is not null)
            {
                people.Add(new(sponsor, PersonRole.SponsorAbroad));
            }

            DateOnly? firstExit = null;
            if (status != CaseStatus.New || Chance(50))
            {
                var earliest = wartime ? new DateOnly(Math.Max(1956, applicantYear + 18), 1, 1) : separated.AddMonths(rng.Next(3, 48));
                if (!minor && earliest.Year < applicantYear + 16)
                {
                    earliest = new DateOnly(applicantYear + 16, 1, 1);
                }
                earliest = Min(earliest, Cutoff.AddDays(-60));
                firstExit = Date(earliest, Min(earliest.AddYears(3), Cutoff));
            }
            var refusals = firstExit is null ? 0 : RefusalsFor(status);
            var reason = refusals == 0 ? null : minor && Chance(60) ? "poor relations with relatives" : PickReason();
            var applied = firstExit is null
                ? "the date of the first exit application is not yet known"
                : $"first applied {(minor ? "on " + pronoun + " behalf " : "")}in {firstExit.Value.Year} and {Refused(refusals, reason)}";
            AddCase(CaseCategory.DividedFamily, status,
                $"{applicant.FamilyName} – {(minor ? "child joining" : "joining")} {relation} in {usCity}",
                $"{background}; {applied}. {DividedStatusText(status, usCity)}",
                firstExit, separated, refusals, reason, people);
        }

        private string DividedStatusText(CaseStatus status, string city) => status switch
        {
            CaseStatus.New => "Opened from a relative's letter; documents still to be collected.",
            CaseStatus.Documented => "Documented; to go on the next representation list.",
            CaseStatus.Submitted => "Among the 129 divided families on the current list; no answer yet.",
            CaseStatus.UnderReview => "Among the 129 divided families; the Soviet side says the case is under review.",
            CaseStatus.ReleasePromised => "The Soviet side has promised release; the family has yet to hear this officially.",
            CaseStatus.PermissionGranted => "Exit permission issued; departure being arranged.",
            CaseStatus.Closed => Pick(new[]
            {
                "Closed: the Soviet side answered that the applicant does not wish to leave, and the family confirmed it.",
                "Closed: the relative abroad has died and the family withdrew the request.",
                "Closed: the family left for a third country.",
            }),
            _ => StatusText(status, city),
        };

        // ---------------------------------------------------------------- emigration

        private void Emigration()
        {
            StartCategory(CaseCategory.Emigration, EmigrationCount);
            Sakharovs();
            Shcharanskiy();
            Orlov();
            YoungPianist();

            var statuses = Shuffle(new[]
            {
                CaseStatus.New, CaseStatus.New,
                CaseStatus.Documented, CaseStatus.Documented, CaseStatus.Documented,
                CaseStatus.Submitted, CaseStatus.Submitted, CaseStatus.Submitted,
                CaseStatus.UnderReview, CaseStatus.UnderReview, CaseStatus.UnderReview, CaseStatus.UnderReview,
                CaseStatus.Refused, CaseStatus.Refused, CaseStatus.Refused, CaseStatus.Refused, CaseStatus.Refused,
                CaseStatus.PermissionGranted, CaseStatus.Departed, CaseStatus.Closed,
            });
            var groups = Shuffle(Enumerable.Repeat(EmigrationGroup.Jewish, 7)
                .Concat(Enumerable.Repeat(EmigrationGroup.Armenian, 4))
                .Concat(Enumerable.Repeat(EmigrationGroup.German, 4))
                .Concat(Enumerable.Repeat(EmigrationGroup.Pentecostal, 3))
                .Concat(Enumerable.Repeat(EmigrationGroup.Other, 2)));
            var sponsor = Make("Goldstein", "Ruth", null, null, null, null, Sex.Female, Birth.InYear(1931), "New York", Us);
            var sponsored = 0;
            for (var i = 0; i < statuses.Count; i++)
            {
                DemoPerson? caseSponsor = null;
                if (groups[i] == EmigrationGroup.Jewish && sponsored < 2)
                {
                    caseSponsor = sponsor;
                    sponsored++;
                }
                EmigrationCase(groups[i], statuses[i], caseSponsor);
            }
        }

        private void Sakharovs()
        {
            var sakharov = Make("Sakharov", "Andrei", "Dmitrievich", "Сахаров", "Андрей", "Дмитриевич", Sex.Male,
                Birth.On(1921, 5, 21), "Gorky", Su);
            var bonner = Make("Bonner", "Yelena", "Georgievna", "Боннэр", "Елена", "Георгиевна", Sex.Female,
                Birth.On(1923, 2, 15), "Gorky", Su);
            AddCase(CaseCategory.Emigration, CaseStatus.Submitted,
                "Sakharov and Bonner – internal exile in Gorky",
                "The physicist and Nobel Peace Prize laureate Andrei Sakharov has been in internal exile in Gorky since January 1980, "
                + "joined there by his wife Yelena Bonner. Their case is raised at the highest level; no answer yet.",
                null, null, 0, null,
                [new(sakharov, PersonRole.ApplicantInUssr), new(bonner, PersonRole.Spouse)],
                EmigrationGroup.Other, known: true);
        }

        private void Shcharanskiy()
        {
            var shcharanskiy = Make("Shcharanskiy", "Anatoliy", "Borisovich", "Щаранский", "Анатолий", "Борисович", Sex.Male,
                Birth.On(1948, 1, 20), "Moscow", Su);
            var avital = Make("Shcharansky", "Avital", null, "Щаранская", "Авиталь", null, Sex.Female, Birth.Unknown, "Jerusalem", ["IL"]);
            AddCase(CaseCategory.Emigration, CaseStatus.Refused,
                "Shcharanskiy – refusenik, joining his wife in Israel",
                "Refused an exit visa since 1973 (stated reason: “secrecy”) and imprisoned since 1977; his wife Avital, who left for "
                + "Israel the day after their wedding in 1974, campaigns for his release. Refused again after the last representation.",
                null, new DateOnly(1974, 7, 5), 2, "secrecy",
                [new(shcharanskiy, PersonRole.ApplicantInUssr), new(avital, PersonRole.Spouse)],
                EmigrationGroup.Jewish, known: true);
        }

        private void Orlov()
        {
            var orlov = Make("Orlov", "Yuri", "Fyodorovich", "Орлов", "Юрий", "Фёдорович", Sex.Male, Birth.On(1924, 8, 13), "Kobyay", Su);
            var colleague = Make("Hale", "Robert", null, null, null, null, Sex.Male, Birth.InYear(1931), "Boston", Us);
            AddCase(CaseCategory.Emigration, CaseStatus.Submitted,
                "Orlov – Helsinki Group founder in internal exile",
                "Physicist and founder of the Moscow Helsinki Group, arrested in 1977 and sentenced to labour camp followed by internal "
                + "exile in Yakutia; a colleague abroad stands sponsor. Raised at the highest level; no answer yet.",
                null, null, 0, null,
                [new(orlov, PersonRole.ApplicantInUssr), new(colleague, PersonRole.SponsorAbroad)],
                EmigrationGroup.Other, known: true);
        }

        private void YoungPianist()
        {
            var pianist = Make("Rubin", "Mark", "Lvovich", "Рубин", "Марк", "Львович", Sex.Male, Birth.On(1959, 9, 2), "Moscow", Su);
            var mother = Make("Rubina", "Inna", "Solomonovna", "Рубина", "Инна", "Соломоновна", Sex.Female, Birth.On(1934, 4, 8), "Moscow", Su);
            var uncle = Make("Rubin", "Leonid", null, "Рубин", "Леонид", "Аронович", Sex.Male, Birth.InYear(1931), "Haifa", ["IL"]);
            const string reason = "secrecy";
            AddCase(CaseCategory.Emigration, CaseStatus.Refused,
                "Rubin – the young pianist, refused emigration to Israel",
                $"A young concert pianist whose requests to emigrate to Israel with his mother have been {Refused(4, reason)} since 1979, "
                + "the secrecy said to stem from his military service. He has not been allowed to perform in public since he first applied.",
                new DateOnly(1979, 6, 11), null, 4, reason,
                [new(pianist, PersonRole.ApplicantInUssr), new(mother, PersonRole.Parent), new(uncle, PersonRole.RelativeAbroad)],
                EmigrationGroup.Jewish, letterCase: true);
        }

        private void EmigrationCase(EmigrationGroup group, CaseStatus status, DemoPerson? sponsor)
        {
            var n = group switch
            {
                EmigrationGroup.Jewish => Jewish,
                EmigrationGroup.Armenian => Armenian,
                EmigrationGroup.German => German,
                EmigrationGroup.Pentecostal => Chance(50) ? Russian : Ukrainian,
                _ => Weighted((Russian, 2), (Lithuanian, 1), (Latvian, 1), (Estonian, 1)),
            };
            var pentecostal = group == EmigrationGroup.Pentecostal;
            var city = pentecostal
                ? Pick(n == Russian ? PentecostalRussianCities : PentecostalUkrainianCities)
                : Pick(n.Cities);
            var country = group switch
            {
                EmigrationGroup.Jewish => Chance(85) ? "IL" : "US",
                EmigrationGroup.German => "DE",
                _ => "US",
            };
            var abroadCity = AbroadCity(n, country);
            var male = pentecostal || Chance(70);
            var applicantYear = rng.Next(1925, 1961);
            var s = Pick(n.Surnames);
            var maleGiven = male ? UniqueMale(n, s, s.Latin, m => m.Latin) : null;
            var femaleGiven = male ? null : UniqueFemale(n, s, s.LatinFemale, f => f.Latin);
            var applicant = maleGiven is not null
                ? SovietMan(n, s, maleGiven, null, Born(applicantYear), city)
                : SovietWoman(n, s, femaleGiven!, null, daughter: false, Born(applicantYear), city);

            var firstExit = YearBetween(group switch { EmigrationGroup.German => 1976, EmigrationGroup.Pentecostal => 1978, _ => 1971 }, 1984);
            var hasSpouse = pentecostal || Chance(70);
            var hasRelative = !pentecostal && Chance(75);
            if (sponsor is null && (pentecostal ? Chance(70) : !hasRelative))
            {
                sponsor = American(Chance(50) ? Sex.Male : Sex.Female, Born(rng.Next(1920, 1955), 0), country == "US" ? abroadCity : Pick(UsCities));
            }
            var room = 4 - (hasSpouse ? 1 : 0) - (hasRelative ? 1 : 0) - (sponsor is null ? 0 : 1);
            var childCount = Math.Min(room, pentecostal ? 2 : rng.Next(0, 3));
            if (applicantYear + 20 > 1984)
            {
                childCount = 0;
            }

            var people = new List<DemoCasePerson> { new(applicant, PersonRole.ApplicantInUssr) };
            var childFather = maleGiven;
            if (hasSpouse)
            {
                var spouseYear = applicantYear + rng.Next(-4, 5);
                if (male)
                {
                    people.Add(new(SovietWoman(n, s, UniqueFemale(n, s, s.LatinFemale, f => f.Latin), null, daughter: false, Born(spouseYear), city),
                        PersonRole.Spouse));
                }
                else
                {
                    childFather = UniqueMale(n, s, s.Latin, m => m.Latin);
                    people.Add(new(SovietMan(n, s, childFather, null, Born(spouseYear), city), PersonRole.Spouse));
                }
            }
            var sons = 0;
            for (var i = 0; i < childCount; i++)
            {
                var childYear = rng.Next(applicantYear + 20, Math.Min(1984, applicantYear + 38) + 1);
                var son = Chance(50);
                sons += son ? 1 : 0;
                people.Add(new(son
                    ? SovietMan(n, s, UniqueMale(n, s, s.Latin, m => m.Latin), childFather, Born(childYear), city)
                    : SovietWoman(n, s, UniqueFemale(n, s, s.LatinDaughter, f => f.Latin), childFather, daughter: true, Born(childYear), city),
                    PersonRole.Child));
            }
            DateOnly? separated = null;
            if (hasRelative)
            {
                var left = YearBetween(1971, Math.Max(1971, firstExit.Year - 1));
                separated = left;
                people.Add(new(Chance(50)
                    ? EmigreMan(n, s, UniqueMale(n, s, AbroadFamily(s, Sex.Male, country), m => AbroadGiven(m.Latin, m.Abroad, country)), null, Born(rng.Next(1915, 1960), 50), country, abroadCity)
                    : EmigreWoman(n, s, UniqueFemale(n, s, AbroadFamily(s, Sex.Female, country), f => AbroadGiven(f.Latin, f.Abroad, country)), null, Born(rng.Next(1915, 1960), 50), country, abroadCity),
                    PersonRole.RelativeAbroad));
            }
            if (sponsor is not null)
            {
                people.Add(new(sponsor, PersonRole.SponsorAbroad));
            }

            DateOnly? applied = status == CaseStatus.New && Chance(50) ? null : firstExit;
            var refusals = applied is null ? 0 : RefusalsFor(status);
            var reason = refusals == 0 ? null : group switch
            {
                EmigrationGroup.Jewish => Weighted(("secrecy", 40), ("no invitation", 20), ("poor relations with relatives", 25), ("security concerns", 15)),
                EmigrationGroup.German => Weighted(("no invitation", 50), ("poor relations with relatives", 50)),
                EmigrationGroup.Pentecostal => Weighted(("no invitation", 40), ("security concerns", 30), ("poor relations with relatives", 30)),
                _ => PickReason(),
            };
            var destination = CountryName(country);
            var appliedText = applied is null
                ? "the date of the first application is not yet known"
                : $"first applied to emigrate{WithFamily(male, hasSpouse, childCount, sons)} in {applied.Value.Year} and {Refused(refusals, reason)}";
            var background = pentecostal
                ? $"A Pentecostal family of {people.Count(p => p.Person.IsInUssr)} from {city} seeking to emigrate for reasons of faith; {appliedText}."
                : $"{Cap(Pick(group == EmigrationGroup.Jewish ? JewishProfessions : Professions))} from {city}; {appliedText}.";
            AddCase(CaseCategory.Emigration, status,
                pentecostal
                    ? $"{applicant.FamilyName} – Pentecostal family, emigration to the United States"
                    : $"{applicant.FamilyName} – emigration to {destination}",
                background + " " + EmigrationStatusText(status, destination),
                applied, separated, refusals, reason, people, group);
        }

        private static string WithFamily(bool male, bool spouse, int children, int sons)
        {
            var parts = new List<string>();
            if (spouse)
            {
                parts.Add(male ? "his wife" : "her husband");
            }
            if (children > 0)
            {
                var pronoun = spouse ? "" : male ? "his " : "her ";
                parts.Add(children switch
                {
                    1 => sons == 1 ? $"{pronoun}son" : $"{pronoun}daughter",
                    2 => $"{pronoun}two children",
                    _ => $"{pronoun}{children} children",
                });
            }
            return parts.Count == 0 ? "" : " with " + string.Join(" and ", parts);
        }

        private static string EmigrationStatusText(CaseStatus status, string destination) => status switch
        {
            CaseStatus.New => "Opened at the request of relatives abroad; details being gathered.",
            CaseStatus.Submitted => "Raised with the Soviet side at the last meeting; no answer yet.",
            CaseStatus.UnderReview => "The Soviet side says the application is under review.",
            CaseStatus.Refused => "Refused again after the last representation.",
            CaseStatus.Departed => $"Emigrated to {destination}.",
            CaseStatus.Closed => "Closed: the family withdrew the request.",
            _ => StatusText(status, destination),
        };

        // ---------------------------------------------------------------- cases

        private void StartCategory(CaseCategory category, int count)
        {
            var days = (LastCreated - FirstCreated).Days;
            var times = new List<DateTimeOffset>(count);
            for (var i = 0; i < count; i++)
            {
                times.Add(FirstCreated.AddDays(rng.Next(days + 1)).AddMinutes(7 * 60 + rng.Next(10 * 60)));
            }
            times.Sort();
            createdTimes[category] = new Queue<DateTimeOffset>(times);
        }

        private void AddCase(CaseCategory category, CaseStatus status, string title, string summary, DateOnly? firstExit,
            DateOnly? separated, int refusals, string? reason, IReadOnlyList<DemoCasePerson> people,
            EmigrationGroup? group = null, bool known = false, bool letterCase = false)
        {
            var created = createdTimes[category].Dequeue();
            var restricted = status == CaseStatus.ReleasePromised;
            cases.Add(new DemoCase
            {
                Category = category,
                Number = cases.Count(c => c.Category == category) + 1,
                Title = title,
                EmigrationGroup = group,
                IsInternationallyKnown = known,
                Status = status,
                Summary = summary,
                FirstExitApplicationOn = firstExit,
                SeparatedSince = separated,
                RefusalCount = refusals,
                RefusalReason = reason,
                IsRestricted = restricted,
                AssignedTo = Assign(status, letterCase || known) ?? (restricted ? CaseworkerEmail : null),
                CreatedAt = created,
                UpdatedAt = Updated(created, status),
                People = people.ToArray(),
            });
        }

        /// <summary>Most cases go to the demo caseworker; the letter's cases always do; some new ones wait unassigned.</summary>
        private string? Assign(CaseStatus status, bool letterCase)
        {
            if (letterCase)
            {
                return CaseworkerEmail;
            }
            var r = rng.Next(100);
            if (status == CaseStatus.New && r < 50)
            {
                return null;
            }
            return r < 60 ? CaseworkerEmail : r < 82 ? SecondCaseworkerEmail : ThirdCaseworkerEmail;
        }

        private DateTimeOffset Updated(DateTimeOffset created, CaseStatus status)
        {
            var days = status switch
            {
                CaseStatus.New => rng.Next(0, 3),
                CaseStatus.Documented => rng.Next(1, 60),
                _ => rng.Next(5, 240),
            };
            var updated = created.AddDays(days).AddMinutes(rng.Next(8 * 60));
            // Near the end of the window, a random moment between creation and the last update instead.
            return updated <= LastUpdated ? updated : created.AddMinutes(rng.Next((int)(LastUpdated - created).TotalMinutes + 1));
        }

        private int RefusalsFor(CaseStatus status) => status switch
        {
            CaseStatus.New => rng.Next(0, 2),
            CaseStatus.Documented => rng.Next(0, 3),
            CaseStatus.Refused => rng.Next(2, 7),
            CaseStatus.Closed => rng.Next(0, 5),
            _ => rng.Next(1, 7),
        };

        private string PickReason() =>
            Weighted(("no invitation", 30), ("poor relations with relatives", 30), ("secrecy", 25), ("security concerns", 15));

        private static string Refused(int count, string? reason) => count switch
        {
            <= 0 => "has had no answer yet",
            1 => $"refused once (stated reason: “{reason}”)",
            2 => $"refused twice (stated reason: “{reason}”)",
            _ => $"refused {count} times (stated reason: “{reason}”)",
        };

        private static string StatusText(CaseStatus status, string place) => status switch
        {
            CaseStatus.New => "Newly opened; details being gathered.",
            CaseStatus.Documented => "Documented; not yet raised with the Soviet side.",
            CaseStatus.Submitted => "Raised with the Soviet side; no answer yet.",
            CaseStatus.UnderReview => "The Soviet side says the case is under review.",
            CaseStatus.ReleasePromised => "Release promised; the family has yet to hear this officially.",
            CaseStatus.PermissionGranted => "Exit permission issued.",
            CaseStatus.Departed => $"Departed for {place}; arrival not yet confirmed.",
            CaseStatus.Reunited => $"Reunited with the family in {place}.",
            CaseStatus.Refused => "Refused again after the last representation; carried over to the next list.",
            _ => "Closed.",
        };

        private static string CountryName(string country) => country switch
        {
            "IL" => "Israel",
            "DE" => "West Germany",
            _ => "the United States",
        };

        private static string Cap(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

        // ---------------------------------------------------------------- people

        private DemoPerson Make(string family, string? given, string? patronymic, string? nativeFamily, string? nativeGiven,
            string? nativePatronymic, Sex sex, Birth birth, string? city, string[] citizenships, string? illness = null, int hungerStrikes = 0)
        {
            usedNames.Add(NameKey(family, given));
            if (nativeFamily is not null)
            {
                usedNames.Add(NameKey(nativeFamily, nativeGiven));
            }
            personCount++;
            return new DemoPerson
            {
                Key = "P" + personCount.ToString("0000", CultureInfo.InvariantCulture),
                FamilyName = family,
                GivenName = given,
                Patronymic = patronymic,
                NativeFamilyName = nativeFamily,
                NativeGivenName = nativeGiven,
                NativePatronymic = nativePatronymic,
                BirthDate = birth.Date,
                BirthYear = birth.Year,
                Sex = sex,
                City = city,
                Citizenships = citizenships.ToArray(),
                IllnessOrDisability = illness,
                HungerStrikes = hungerStrikes,
            };
        }

        private DemoPerson SovietMan(Nationality n, Surname s, MaleName given, MaleName? father, Birth birth, string city,
            string[]? citizenships = null, bool withPatronymic = true)
        {
            var p = n.Patronymics && withPatronymic ? father ?? Pick(n.Men) : null;
            return Make(s.Latin, given.Latin, p?.Patronymic, s.Native, given.Native, p?.NativePatronymic, Sex.Male, birth, city, citizenships ?? Su);
        }

        private DemoPerson SovietWoman(Nationality n, Surname s, FemaleName given, MaleName? father, bool daughter, Birth birth, string city,
            string[]? citizenships = null, bool withPatronymic = true)
        {
            var p = n.Patronymics && withPatronymic ? father ?? Pick(n.Men) : null;
            return Make(daughter ? s.LatinDaughter : s.LatinFemale, given.Latin, p?.PatronymicFemale,
                daughter ? s.NativeDaughter : s.NativeFemale, given.Native, p?.NativePatronymicFemale, Sex.Female, birth, city, citizenships ?? Su);
        }

        /// <summary>A relative who left the USSR: the Latin name as used abroad, the native name as in Soviet papers.</summary>
        private DemoPerson EmigreMan(Nationality n, Surname s, MaleName given, MaleName? father, Birth birth, string country, string city)
        {
            var p = n.Patronymics ? father ?? Pick(n.Men) : null;
            return Make(AbroadFamily(s, Sex.Male, country), AbroadGiven(given.Latin, given.Abroad, country), null,
                s.Native, given.Native, p?.NativePatronymic, Sex.Male, birth, city, [country]);
        }

        private DemoPerson EmigreWoman(Nationality n, Surname s, FemaleName given, MaleName? father, Birth birth, string country, string city)
        {
            var p = n.Patronymics ? father ?? Pick(n.Men) : null;
            return Make(AbroadFamily(s, Sex.Female, country), AbroadGiven(given.Latin, given.Abroad, country), null,
                s.NativeFemale, given.Native, p?.NativePatronymicFemale, Sex.Female, birth, city, [country]);
        }

        /// <summary>An American: Latin script only.</summary>
        private DemoPerson American(Sex sex, Birth birth, string city, string? familyName = null)
        {
            var names = sex == Sex.Male ? AmericanMen : AmericanWomen;
            var family = familyName ?? Pick(AmericanSurnames).Latin;
            var given = Pick(names);
            for (var i = 0; i < 60 && usedNames.Contains(NameKey(family, given.Latin)); i++)
            {
                family = familyName ?? Pick(AmericanSurnames).Latin;
                given = Pick(names);
            }
            return Make(family, given.Latin, null, null, null, null, sex, birth, city, Us);
        }

        private DemoPerson AmericanChild(string family, Sex sex, Birth birth, string city) => American(sex, birth, city, family);

        private static string AbroadFamily(Surname s, Sex sex, string country) => (country, sex) switch
        {
            ("US", Sex.Female) => s.LatinFemale != s.Latin ? s.LatinFemale : s.Abroad,
            ("US", _) => s.Abroad,
            (_, Sex.Female) => s.LatinFemale,
            _ => s.Latin,
        };

        private static string AbroadGiven(string latin, string abroad, string country) => country == "US" ? abroad : latin;

        private string AbroadCity(Nationality n, string country) => country switch
        {
            "IL" => Pick(IsraelCities),
            "DE" => Pick(GermanCities),
            _ => Pick(n.UsCities),
        };

        /// <summary>A given name not yet used with the family name, in Latin or in native script; reserved once picked.</summary>
        private MaleName UniqueMale(Nationality n, Surname? s, string family, Func<MaleName, string> latin)
        {
            var m = Pick(n.Men);
            for (var i = 0; i < 60 && Taken(family, latin(m), s?.Native, m.Native); i++)
            {
                m = Pick(n.Men);
            }
            Reserve(family, latin(m), s?.Native, m.Native);
            return m;
        }

        private FemaleName UniqueFemale(Nationality n, Surname? s, string family, Func<FemaleName, string> latin)
        {
            var f = Pick(n.Women);
            for (var i = 0; i < 60 && (Taken(family, latin(f), s?.NativeFemale, f.Native) || Taken(family, latin(f), s?.NativeDaughter, f.Native)); i++)
            {
                f = Pick(n.Women);
            }
            Reserve(family, latin(f), s?.NativeFemale, f.Native);
            Reserve(family, latin(f), s?.NativeDaughter, f.Native);
            return f;
        }

        private NamePair UniqueAmerican(NamePair[] names, string family)
        {
            var name = Pick(names);
            for (var i = 0; i < 60 && usedNames.Contains(NameKey(family, name.Latin)); i++)
            {
                name = Pick(names);
            }
            usedNames.Add(NameKey(family, name.Latin));
            return name;
        }

        private bool Taken(string family, string given, string? nativeFamily, string nativeGiven) =>
            usedNames.Contains(NameKey(family, given)) || (nativeFamily is not null && usedNames.Contains(NameKey(nativeFamily, nativeGiven)));

        private void Reserve(string family, string given, string? nativeFamily, string nativeGiven)
        {
            usedNames.Add(NameKey(family, given));
            if (nativeFamily is not null)
            {
                usedNames.Add(NameKey(nativeFamily, nativeGiven));
            }
        }

        private static string NameKey(string family, string? given) => family + "|" + given;

        // ---------------------------------------------------------------- randomness

        private T Pick<T>(IReadOnlyList<T> items) => items[rng.Next(items.Count)];

        private bool Chance(int percent) => rng.Next(100) < percent;

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

        private DateOnly Date(DateOnly from, DateOnly to) =>
            to <= from ? from : from.AddDays(rng.Next(to.DayNumber - from.DayNumber + 1));

        private DateOnly YearBetween(int from, int to) => Date(new DateOnly(from, 1, 1), new DateOnly(to, 12, 31));

        private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

        private List<T> Shuffle<T>(IEnumerable<T> items)
        {
            var list = items.ToList();
            for (var i = list.Count - 1; i > 0; i--)
            {
                var j = rng.Next(i + 1);
                (list[i], list[j]) = (list[j], list[i]);
            }
            return list;
        }

        /// <summary>Born in the year, on a known day with the given chance, else only the year is known.</summary>
        private Birth Born(int year, int fullDatePercent = 85) =>
            Chance(fullDatePercent) ? new Birth(Date(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)), year) : Birth.InYear(year);

        // ---------------------------------------------------------------- name tables

        /// <summary>"family|given" of the letter's cases and the shared persons, kept out of the generated names.</summary>
        private static readonly string[] Reserved =
        [
            "Kuznetsova|Valentina", "Kuznetsov|Nicholas", "Lebedev|Yevgeniy", "Lebedev|Karen", "Lebedev|Daniel", "Lebedev|Anna",
            "Brandt|Harold", "Brandt|Anna", "Wilson|Margaret", "Vinogradov|Dmitriy", "Vinograd|Irene", "Katz|Sophie",
            "Melnick|Helen", "Melnyk|Petro", "Melnyk|Mariya", "Savchuk|Oksana", "Savchuk|Mykola", "Kasparian|Haig",
            "Sakharov|Andrei", "Bonner|Yelena", "Shcharanskiy|Anatoliy", "Shcharansky|Avital", "Orlov|Yuri", "Hale|Robert",
            "Rubin|Mark", "Rubina|Inna", "Rubin|Leonid", "Goldstein|Ruth",
        ];

        private static readonly string[] UsCities =
        [
            "New York", "Brooklyn", "Chicago", "Los Angeles", "Boston", "Philadelphia", "San Francisco", "Cleveland", "Detroit",
            "Baltimore", "Seattle", "Washington", "Houston", "Minneapolis", "Denver", "Pittsburgh",
        ];

        private static readonly string[] IsraelCities = ["Jerusalem", "Haifa", "Tel Aviv", "Beersheba", "Netanya", "Rehovot"];
        private static readonly string[] GermanCities = ["Stuttgart", "Frankfurt am Main", "Bielefeld", "Cologne", "Hanover", "Bonn"];
        private static readonly string[] PentecostalRussianCities = ["Nakhodka", "Chuguyevka", "Artyom"];
        private static readonly string[] PentecostalUkrainianCities = ["Rovno", "Lutsk", "Kovel"];

        private static readonly string[] Professions =
        [
            "a teacher", "an engineer", "a nurse", "a bookkeeper", "a mechanic", "a lorry driver", "an agronomist",
            "a construction worker", "a librarian", "a machinist",
        ];

        private static readonly string[] JewishProfessions =
        [
            "an engineer", "a physician", "a mathematician", "a chemist", "a computer programmer", "a teacher of Hebrew",
            "a physicist", "a violinist", "a dentist", "an architect",
        ];

        private static readonly NamePair[] AmericanMen = Pairs(
            "Arthur|Артур", "Charles|Чарльз", "Daniel|Дэниел", "David|Дэвид", "Edward|Эдвард", "Frank|Фрэнк", "George|Джордж",
            "Harold|Гарольд", "Henry|Генри", "James|Джеймс", "John|Джон", "Michael|Майкл", "Paul|Пол", "Richard|Ричард",
            "Robert|Роберт", "Steven|Стивен", "Thomas|Томас", "Walter|Уолтер", "William|Уильям");

        private static readonly NamePair[] AmericanWomen = Pairs(
            "Barbara|Барбара", "Carol|Кэрол", "Deborah|Дебора", "Dorothy|Дороти", "Elizabeth|Элизабет", "Helen|Хелен",
            "Joan|Джоан", "Judith|Джудит", "Karen|Карен", "Linda|Линда", "Margaret|Маргарет", "Mary|Мэри", "Nancy|Нэнси",
            "Patricia|Патриция", "Ruth|Рут", "Susan|Сьюзен");

        private static readonly NamePair[] AmericanSurnames = Pairs(
            "Anderson|Андерсон", "Bennett|Беннетт", "Berman|Берман", "Carlson|Карлсон", "Carter|Картер", "Clark|Кларк",
            "Collins|Коллинз", "Cooper|Купер", "Foster|Фостер", "Graham|Грэхем", "Hall|Холл", "Halonen|Халонен", "Harris|Харрис",
            "Hayes|Хейз", "Hill|Хилл", "Hughes|Хьюз", "Johnson|Джонсон", "Koski|Коски", "Lang|Ланг", "Lindgren|Линдгрен",
            "Mattson|Маттсон", "Mitchell|Митчелл", "Morgan|Морган", "Nelson|Нельсон", "Olsen|Ольсен", "Parker|Паркер",
            "Reynolds|Рейнольдс", "Sherman|Шерман", "Stewart|Стюарт", "Thompson|Томпсон", "Walker|Уокер", "Warren|Уоррен",
            "Wilson|Уилсон", "Wright|Райт");

        private static readonly Nationality Russian = new(
            patronymics: true,
            wartimeEmigration: false,
            men: Men(
                "Aleksandr|Александр|Alexander|Aleksandrovich|Александрович|Aleksandrovna|Александровна",
                "Aleksei|Алексей|Alex|Alekseyevich|Алексеевич|Alekseyevna|Алексеевна",
                "Anatoliy|Анатолий|Anatole|Anatolyevich|Анатольевич|Anatolyevna|Анатольевна",
                "Andrei|Андрей|Andrew|Andreyevich|Андреевич|Andreyevna|Андреевна",
                "Boris|Борис|Boris|Borisovich|Борисович|Borisovna|Борисовна",
                "Dmitriy|Дмитрий|Dmitri|Dmitriyevich|Дмитриевич|Dmitriyevna|Дмитриевна",
                "Gennadiy|Геннадий|Gene|Gennadyevich|Геннадьевич|Gennadyevna|Геннадьевна",
                "Grigoriy|Григорий|Gregory|Grigoryevich|Григорьевич|Grigoryevna|Григорьевна",
                "Igor|Игорь|Igor|Igorevich|Игоревич|Igorevna|Игоревна",
                "Ivan|Иван|John|Ivanovich|Иванович|Ivanovna|Ивановна",
                "Konstantin|Константин|Constantine|Konstantinovich|Константинович|Konstantinovna|Константиновна",
                "Mikhail|Михаил|Michael|Mikhailovich|Михайлович|Mikhailovna|Михайловна",
                "Nikolai|Николай|Nicholas|Nikolayevich|Николаевич|Nikolayevna|Николаевна",
                "Oleg|Олег|Oleg|Olegovich|Олегович|Olegovna|Олеговна",
                "Pavel|Павел|Paul|Pavlovich|Павлович|Pavlovna|Павловна",
                "Pyotr|Пётр|Peter|Petrovich|Петрович|Petrovna|Петровна",
                "Sergei|Сергей|Serge|Sergeyevich|Сергеевич|Sergeyevna|Сергеевна",
                "Stepan|Степан|Stephen|Stepanovich|Степанович|Stepanovna|Степановна",
                "Vasiliy|Василий|Basil|Vasilyevich|Васильевич|Vasilyevna|Васильевна",
                "Viktor|Виктор|Victor|Viktorovich|Викторович|Viktorovna|Викторовна",
                "Vladimir|Владимир|Vladimir|Vladimirovich|Владимирович|Vladimirovna|Владимировна",
                "Yevgeniy|Евгений|Eugene|Yevgenyevich|Евгеньевич|Yevgenyevna|Евгеньевна",
                "Yuriy|Юрий|George|Yuryevich|Юрьевич|Yuryevna|Юрьевна"),
            women: Women(
                "Anna|Анна|Ann", "Galina|Галина|Galina", "Irina|Ирина|Irene", "Larisa|Лариса|Laura", "Lidiya|Лидия|Lydia",
                "Lyudmila|Людмила|Lucy", "Mariya|Мария|Mary", "Marina|Марина|Marina", "Nadezhda|Надежда|Nadia",
                "Natalya|Наталья|Natalie", "Nina|Нина|Nina", "Olga|Ольга|Olga", "Svetlana|Светлана|Lana", "Tamara|Тамара|Tamara",
                "Tatyana|Татьяна|Tanya", "Valentina|Валентина|Valentina", "Vera|Вера|Vera", "Yekaterina|Екатерина|Katherine",
                "Yelena|Елена|Helen", "Zinaida|Зинаида|Zina"),
            surnames: Surnames(
                "Arkhipov|Arkhipova|Архипов|Архипова|Arkhipov", "Belov|Belova|Белов|Белова|Belov",
                "Bogdanov|Bogdanova|Богданов|Богданова|Bogdanoff", "Danilov|Danilova|Данилов|Данилова|Danilov",
                "Fyodorov|Fyodorova|Фёдоров|Фёдорова|Fedorov", "Golubev|Golubeva|Голубев|Голубева|Golubev",
                "Gromov|Gromova|Громов|Громова|Gromov", "Gusev|Guseva|Гусев|Гусева|Gusev", "Ilyin|Ilyina|Ильин|Ильина|Ilyin",
                "Ivanov|Ivanova|Иванов|Иванова|Ivanoff", "Kiselyov|Kiselyova|Киселёв|Киселёва|Kiselev",
                "Komarov|Komarova|Комаров|Комарова|Komarov", "Kozlov|Kozlova|Козлов|Козлова|Kozlov",
                "Krylov|Krylova|Крылов|Крылова|Krylov", "Morozov|Morozova|Морозов|Морозова|Morozov",
                "Nikitin|Nikitina|Никитин|Никитина|Nikitin", "Novikov|Novikova|Новиков|Новикова|Novikoff",
                "Pavlov|Pavlova|Павлов|Павлова|Pavlov", "Polyansky|Polyanskaya|Полянский|Полянская|Polyansky",
                "Popov|Popova|Попов|Попова|Popoff", "Semyonov|Semyonova|Семёнов|Семёнова|Semenov",
                "Smirnov|Smirnova|Смирнов|Смирнова|Smirnoff", "Sokolov|Sokolova|Соколов|Соколова|Sokoloff",
                "Solovyov|Solovyova|Соловьёв|Соловьёва|Soloviev", "Sorokin|Sorokina|Сорокин|Сорокина|Sorokin",
                "Tarasov|Tarasova|Тарасов|Тарасова|Tarasoff", "Vasilyev|Vasilyeva|Васильев|Васильева|Vasiliev",
                "Volkov|Volkova|Волков|Волкова|Volkoff", "Vorobyov|Vorobyova|Воробьёв|Воробьёва|Vorobiev",
                "Zaitsev|Zaitseva|Зайцев|Зайцева|Zaitsev", "Zalessky|Zalesskaya|Залесский|Залесская|Zalesky"),
            cities: ["Moscow", "Leningrad", "Novosibirsk", "Sverdlovsk", "Gorky", "Kuibyshev", "Rostov-on-Don", "Minsk", "Volgograd",
                "Perm", "Kazan", "Tashkent", "Khabarovsk"],
            usCities: UsCities);

        private static readonly Nationality Ukrainian = new(
            patronymics: true,
            wartimeEmigration: true,
            men: Men(
                "Andriy|Андрій|Andrew|Andriyovych|Андрійович|Andriyivna|Андріївна",
                "Bohdan|Богдан|Bohdan|Bohdanovych|Богданович|Bohdanivna|Богданівна",
                "Hryhoriy|Григорій|Gregory|Hryhorovych|Григорович|Hryhorivna|Григорівна",
                "Ivan|Іван|John|Ivanovych|Іванович|Ivanivna|Іванівна",
                "Mykola|Микола|Nicholas|Mykolayovych|Миколайович|Mykolayivna|Миколаївна",
                "Myroslav|Мирослав|Myron|Myroslavovych|Мирославович|Myroslavivna|Мирославівна",
                "Oleksandr|Олександр|Alexander|Oleksandrovych|Олександрович|Oleksandrivna|Олександрівна",
                "Petro|Петро|Peter|Petrovych|Петрович|Petrivna|Петрівна",
                "Stepan|Степан|Stephen|Stepanovych|Степанович|Stepanivna|Степанівна",
                "Taras|Тарас|Taras|Tarasovych|Тарасович|Tarasivna|Тарасівна",
                "Vasyl|Василь|William|Vasylyovych|Васильович|Vasylivna|Василівна",
                "Volodymyr|Володимир|Walter|Volodymyrovych|Володимирович|Volodymyrivna|Володимирівна",
                "Yuriy|Юрій|George|Yuriyovych|Юрійович|Yuriyivna|Юріївна"),
            women: Women(
                "Halyna|Галина|Helen", "Hanna|Ганна|Anna", "Iryna|Ірина|Irene", "Kateryna|Катерина|Katherine", "Larysa|Лариса|Laura",
                "Lyubov|Любов|Luba", "Mariya|Марія|Mary", "Nadiya|Надія|Nadia", "Nataliya|Наталія|Natalie", "Oksana|Оксана|Oksana",
                "Olena|Олена|Ellen", "Olha|Ольга|Olga", "Tetyana|Тетяна|Tanya"),
            surnames: Surnames(
                "Bondarenko|Бондаренко", "Boyko|Бойко", "Hnatyuk|Гнатюк|Hnatiuk", "Hrytsenko|Гриценко|Gritsenko",
                "Kovalchuk|Ковальчук|Kowalchuk", "Kovalenko|Коваленко", "Kozak|Козак", "Kravchenko|Кравченко",
                "Levytsky|Levytska|Левицький|Левицька|Levitsky", "Lysenko|Лисенко", "Marchenko|Марченко",
                "Oliynyk|Олійник|Oleynik", "Polishchuk|Поліщук", "Rudenko|Руденко", "Shevchenko|Шевченко", "Tkachenko|Ткаченко",
                "Yaremko|Яремко", "Zaporozhets|Запорожець"),
            cities: ["Kiev", "Odessa", "Lvov", "Kharkov", "Dnepropetrovsk", "Ivano-Frankovsk", "Ternopol", "Chernovtsy"],
            usCities: ["Philadelphia", "Chicago", "Cleveland", "Detroit", "New York", "Newark", "Buffalo", "Pittsburgh"]);

        private static readonly Nationality Jewish = new(
            patronymics: true,
            wartimeEmigration: false,
            men: Men(
                "Aron|Арон|Aaron|Aronovich|Аронович|Aronovna|Ароновна",
                "Boris|Борис|Boris|Borisovich|Борисович|Borisovna|Борисовна",
                "Grigoriy|Григорий|Gregory|Grigoryevich|Григорьевич|Grigoryevna|Григорьевна",
                "Ilya|Илья|Elias|Ilyich|Ильич|Ilyinichna|Ильинична",
                "Iosif|Иосиф|Joseph|Iosifovich|Иосифович|Iosifovna|Иосифовна",
                "Isaak|Исаак|Isaac|Isaakovich|Исаакович|Isaakovna|Исааковна",
                "Leonid|Леонид|Leonard|Leonidovich|Леонидович|Leonidovna|Леонидовна",
                "Lev|Лев|Leo|Lvovich|Львович|Lvovna|Львовна",
                "Mark|Марк|Mark|Markovich|Маркович|Markovna|Марковна",
                "Mikhail|Михаил|Michael|Mikhailovich|Михайлович|Mikhailovna|Михайловна",
                "Naum|Наум|Nathan|Naumovich|Наумович|Naumovna|Наумовна",
                "Semyon|Семён|Simon|Semyonovich|Семёнович|Semyonovna|Семёновна",
                "Solomon|Соломон|Solomon|Solomonovich|Соломонович|Solomonovna|Соломоновна",
                "Vladimir|Владимир|Vladimir|Vladimirovich|Владимирович|Vladimirovna|Владимировна",
                "Yakov|Яков|Jacob|Yakovlevich|Яковлевич|Yakovlevna|Яковлевна",
                "Yefim|Ефим|Hyman|Yefimovich|Ефимович|Yefimovna|Ефимовна"),
            women: Women(
                "Bella|Белла|Bella", "Dina|Дина|Dina", "Ella|Элла|Ella", "Faina|Фаина|Fay", "Ida|Ида|Ida", "Inna|Инна|Inna",
                "Irina|Ирина|Irene", "Lyudmila|Людмила|Lucy", "Polina|Полина|Pauline", "Raisa|Раиса|Ray", "Rita|Рита|Rita",
                "Roza|Роза|Rose", "Sofya|Софья|Sophie", "Yelena|Елена|Helen", "Zhanna|Жанна|Jeanne"),
            surnames: Surnames(
                "Berkovich|Беркович|Berkowitz", "Dubinsky|Dubinskaya|Дубинский|Дубинская|Dubinsky", "Eidelman|Эйдельман|Edelman",
                "Feldman|Фельдман", "Finkelshtein|Финкельштейн|Finkelstein", "Fridman|Фридман|Friedman", "Goldberg|Гольдберг",
                "Gurevich|Гуревич|Gurwitz", "Kagan|Каган", "Kats|Кац|Katz", "Khazanov|Khazanova|Хазанов|Хазанова|Khazanov",
                "Kogan|Коган|Cohen", "Levin|Levina|Левин|Левина|Levin", "Lifshits|Лифшиц|Lifshitz",
                "Margolin|Margolina|Марголин|Марголина|Margolin", "Portnoi|Portnaya|Портной|Портная|Portnoy", "Rabinovich|Рабинович|Rabinowitz",
                "Raikhman|Райхман|Reichman", "Rozenblum|Розенблюм|Rosenblum", "Shapiro|Шапиро",
                "Tsypin|Tsypina|Цыпин|Цыпина|Tsipin", "Vaisman|Вайсман|Weisman", "Zeltser|Зельцер|Seltzer",
                "Zilberman|Зильберман|Silberman"),
            cities: ["Moscow", "Leningrad", "Kiev", "Odessa", "Kishinev", "Minsk", "Riga", "Vilnius", "Tashkent", "Kharkov", "Chernovtsy"],
            usCities: ["New York", "Brooklyn", "Boston", "Philadelphia", "Chicago", "Los Angeles", "Baltimore", "Cleveland"]);

        private static readonly Nationality Armenian = new(
            patronymics: true,
            wartimeEmigration: false,
            men: Men(
                "Akop|Акоп|Hagop|Akopovich|Акопович|Akopovna|Акоповна",
                "Armen|Армен|Armen|Armenovich|Арменович|Armenovna|Арменовна",
                "Artur|Артур|Arthur|Arturovich|Артурович|Arturovna|Артуровна",
                "Ashot|Ашот|Ashot|Ashotovich|Ашотович|Ashotovna|Ашотовна",
                "Gevorg|Геворг|George|Gevorgovich|Геворгович|Gevorgovna|Геворговна",
                "Grigor|Григор|Gregory|Grigorovich|Григорович|Grigorovna|Григоровна",
                "Levon|Левон|Leon|Levonovich|Левонович|Levonovna|Левоновна",
                "Ovanes|Ованес|John|Ovanesovich|Ованесович|Ovanesovna|Ованесовна",
                "Samvel|Самвел|Samuel|Samvelovich|Самвелович|Samvelovna|Самвеловна",
                "Sarkis|Саркис|Sarkis|Sarkisovich|Саркисович|Sarkisovna|Саркисовна",
                "Suren|Сурен|Suren|Surenovich|Суренович|Surenovna|Суреновна",
                "Vardan|Вардан|Vartan|Vardanovich|Варданович|Vardanovna|Вардановна"),
            women: Women(
                "Anait|Анаит|Anahid", "Armine|Армине|Armine", "Gayane|Гаяне|Gayane", "Karine|Карине|Karine", "Lusine|Лусине|Lucine",
                "Marine|Марине|Marina", "Nune|Нуне|Nune", "Ruzanna|Рузанна|Rose", "Siranush|Сирануш|Siran", "Zarui|Заруи|Zara"),
            surnames: Surnames(
                "Akopyan|Акопян|Hagopian", "Arutyunyan|Арутюнян|Harutunian", "Avetisyan|Аветисян|Avedisian", "Babayan|Бабаян",
                "Danielyan|Даниелян|Danielian", "Grigoryan|Григорян|Grigorian", "Kazaryan|Казарян|Kazarian",
                "Manukyan|Манукян|Manoukian", "Martirosyan|Мартиросян|Martirosian", "Mkrtchyan|Мкртчян|Mkrtchian",
                "Ovanesyan|Ованесян|Hovanessian", "Petrosyan|Петросян|Petrosian", "Sarkisyan|Саркисян|Sarkisian",
                "Ter-Avanesyan|Тер-Аванесян|Ter-Avanesian"),
            cities: ["Yerevan", "Leninakan", "Kirovakan", "Echmiadzin"],
            usCities: ["Los Angeles", "Fresno", "Watertown", "Detroit", "Providence", "New York"]);

        private static readonly Nationality Lithuanian = new(
            patronymics: false,
            wartimeEmigration: true,
            men: Men(
                "Algirdas|Альгирдас|Al", "Antanas|Антанас|Anthony", "Jonas|Йонас|John", "Juozas|Юозас|Joseph",
                "Kazimieras|Казимерас|Casimir", "Kęstutis|Кестутис|Kestutis", "Petras|Пятрас|Peter", "Povilas|Повилас|Paul",
                "Rimantas|Римантас|Ray", "Vytautas|Витаутас|Vytautas"),
            women: Women(
                "Aldona|Алдона|Aldona", "Birutė|Бируте|Birute", "Danutė|Дануте|Dana", "Irena|Ирена|Irene", "Jūratė|Юрате|Jurate",
                "Laima|Лайма|Laima", "Ona|Она|Ann", "Regina|Регина|Regina", "Rūta|Рута|Ruth"),
            surnames: Surnames(
                "Butkus|Butkienė|Буткус|Буткене|Butkus|Butkutė|Буткуте",
                "Jankauskas|Jankauskienė|Янкаускас|Янкаускене|Jankauskas|Jankauskaitė|Янкаускайте",
                "Kazlauskas|Kazlauskienė|Казлаускас|Казлаускене|Kazlauskas|Kazlauskaitė|Казлаускайте",
                "Navickas|Navickienė|Навицкас|Навицкене|Navickas|Navickaitė|Навицкайте",
                "Paulauskas|Paulauskienė|Паулаускас|Паулаускене|Paulauskas|Paulauskaitė|Паулаускайте",
                "Petrauskas|Petrauskienė|Петраускас|Петраускене|Petrauskas|Petrauskaitė|Петраускайте",
                "Stankevičius|Stankevičienė|Станкявичюс|Станкявичене|Stankevicius|Stankevičiūtė|Станкявичюте",
                "Valaitis|Valaitienė|Валайтис|Валайтене|Valaitis|Valaitytė|Валайтите",
                "Vasiliauskas|Vasiliauskienė|Василяускас|Василяускене|Vasiliauskas|Vasiliauskaitė|Василяускайте",
                "Žukauskas|Žukauskienė|Жукаускас|Жукаускене|Zukauskas|Žukauskaitė|Жукаускайте"),
            cities: ["Vilnius", "Kaunas", "Klaipeda", "Siauliai", "Panevezys"],
            usCities: ["Chicago", "Cleveland", "Boston", "New York", "Los Angeles", "Detroit"]);

        private static readonly Nationality Latvian = new(
            patronymics: false,
            wartimeEmigration: true,
            men: Men(
                "Aivars|Айварс|Ivar", "Andris|Андрис|Andrew", "Gunārs|Гунарс|Gunnar", "Imants|Имантс|Imants", "Jānis|Янис|John",
                "Juris|Юрис|George", "Kārlis|Карлис|Charles", "Māris|Марис|Maris", "Pēteris|Петерис|Peter", "Valdis|Валдис|Valdis"),
            women: Women(
                "Anna|Анна|Ann", "Baiba|Байба|Baiba", "Dace|Даце|Dace", "Ilze|Илзе|Ilze", "Inese|Инесе|Inese", "Līga|Лига|Liga",
                "Rasma|Расма|Rasma", "Vija|Вия|Vija", "Zane|Зане|Zane"),
            surnames: Surnames(
                "Balodis|Balode|Балодис|Балоде|Balodis", "Bērziņš|Bērziņa|Берзиньш|Берзиня|Berzins",
                "Jansons|Jansone|Янсонс|Янсоне|Jansons", "Kalniņš|Kalniņa|Калниньш|Калниня|Kalnins",
                "Krūmiņš|Krūmiņa|Круминьш|Круминя|Krumins", "Liepiņš|Liepiņa|Лиепиньш|Лиепиня|Liepins",
                "Ozoliņš|Ozoliņa|Озолиньш|Озолиня|Ozolins", "Ozols|Ozola|Озолс|Озола|Ozols",
                "Vītols|Vītola|Витолс|Витола|Vitols", "Zariņš|Zariņa|Зариньш|Зариня|Zarins"),
            cities: ["Riga", "Daugavpils", "Liepaja", "Jelgava"],
            usCities: ["New York", "Boston", "Chicago", "Cleveland", "Minneapolis", "Los Angeles"]);

        private static readonly Nationality Estonian = new(
            patronymics: false,
            wartimeEmigration: true,
            men: Men(
                "Andres|Андрес|Andrew", "Enn|Энн|Enn", "Heino|Хейно|Heino", "Jaan|Яан|John", "Mart|Март|Mart", "Peeter|Пеэтер|Peter",
                "Rein|Рейн|Rein", "Tiit|Тийт|Tiit", "Toomas|Тоомас|Thomas"),
            women: Women(
                "Anu|Ану|Anu", "Eha|Эха|Eha", "Helgi|Хельги|Helgi", "Kersti|Керсти|Kersti", "Maie|Майе|Maie", "Mari|Мари|Mary",
                "Sirje|Сирье|Sirje", "Tiina|Тийна|Tina"),
            surnames: Surnames(
                "Ilves|Ильвес", "Kask|Каск", "Koppel|Коппель", "Kukk|Кукк", "Lepik|Лепик", "Mägi|Мяги|Magi", "Oja|Оя",
                "Pärn|Пярн|Parn", "Rebane|Ребане", "Saar|Саар", "Sepp|Сепп", "Tamm|Тамм"),
            cities: ["Tallinn", "Tartu", "Parnu", "Narva"],
            usCities: ["New York", "Lakewood", "Seattle", "Los Angeles", "Baltimore"]);

        private static readonly Nationality German = new(
            patronymics: true,
            wartimeEmigration: false,
            men: Men(
                "Alexander|Александр|Alexander|Aleksandrovich|Александрович|Aleksandrovna|Александровна",
                "David|Давид|David|Davidovich|Давидович|Davidovna|Давидовна",
                "Eduard|Эдуард|Edward|Eduardovich|Эдуардович|Eduardovna|Эдуардовна",
                "Friedrich|Фридрих|Fred|Fridrikhovich|Фридрихович|Fridrikhovna|Фридриховна",
                "Heinrich|Генрих|Henry|Genrikhovich|Генрихович|Genrikhovna|Генриховна",
                "Jakob|Якоб|Jacob|Yakobovich|Якобович|Yakobovna|Якобовна",
                "Johann|Иоганн|John|Ioganovich|Иоганович|Ioganovna|Иогановна",
                "Peter|Петер|Peter|Peterovich|Петерович|Peterovna|Петеровна",
                "Viktor|Виктор|Victor|Viktorovich|Викторович|Viktorovna|Викторовна",
                "Woldemar|Вольдемар|Walter|Voldemarovich|Вольдемарович|Voldemarovna|Вольдемаровна"),
            women: Women(
                "Amalia|Амалия|Amalia", "Elsa|Эльза|Elsa", "Emma|Эмма|Emma", "Erna|Эрна|Erna", "Frieda|Фрида|Frieda",
                "Irma|Ирма|Irma", "Katharina|Катарина|Katharina", "Lydia|Лидия|Lydia", "Maria|Мария|Maria", "Olga|Ольга|Olga"),
            surnames: Surnames(
                "Becker|Беккер", "Braun|Браун", "Dyck|Дик", "Fischer|Фишер", "Hoffmann|Гофман", "Janzen|Янцен", "Keller|Келлер",
                "Klassen|Классен", "Kraus|Краус", "Müller|Миллер|Miller", "Neufeld|Нейфельд", "Reimer|Реймер", "Schmidt|Шмидт",
                "Schneider|Шнейдер", "Wagner|Вагнер", "Weber|Вебер", "Wiebe|Вибе", "Zimmermann|Циммерман"),
            cities: ["Karaganda", "Alma-Ata", "Frunze", "Omsk", "Novosibirsk", "Barnaul", "Tselinograd", "Dushanbe"],
            usCities: ["Lincoln", "Chicago", "Portland", "Denver", "Milwaukee"]);

        private static NamePair[] Pairs(params string[] rows) => rows.Select(row =>
        {
            var p = row.Split('|');
            return new NamePair(p[0], p[1]);
        }).ToArray();

        private static MaleName[] Men(params string[] rows) => rows.Select(row =>
        {
            var p = row.Split('|');
            return p.Length == 7 ? new MaleName(p[0], p[1], p[2], p[3], p[4], p[5], p[6]) : new MaleName(p[0], p[1], p[2], null, null, null, null);
        }).ToArray();

        private static FemaleName[] Women(params string[] rows) => rows.Select(row =>
        {
            var p = row.Split('|');
            return new FemaleName(p[0], p[1], p[2]);
        }).ToArray();

        /// <summary>
        /// Rows of "Latin|Native" or "Latin|Native|Abroad" (the same for men and women),
        /// "Male|Female|NativeMale|NativeFemale|Abroad", or with "|Daughter|NativeDaughter" added where an unmarried
        /// woman's form differs (Lithuanian).
        /// </summary>
        private static Surname[] Surnames(params string[] rows) => rows.Select(row =>
        {
            var p = row.Split('|');
            return p.Length switch
            {
                2 => new Surname(p[0], p[0], p[0], p[1], p[1], p[1], p[0]),
                3 => new Surname(p[0], p[0], p[0], p[1], p[1], p[1], p[2]),
                5 => new Surname(p[0], p[1], p[1], p[2], p[3], p[3], p[4]),
                _ => new Surname(p[0], p[1], p[5], p[2], p[3], p[6], p[4]),
            };
        }).ToArray();
    }

    private sealed record NamePair(string Latin, string Native);

    private sealed record MaleName(
        string Latin, string Native, string Abroad,
        string? Patronymic, string? NativePatronymic, string? PatronymicFemale, string? NativePatronymicFemale);

    private sealed record FemaleName(string Latin, string Native, string Abroad);

    private sealed record Surname(
        string Latin, string LatinFemale, string LatinDaughter, string Native, string NativeFemale, string NativeDaughter, string Abroad);

    /// <summary>The names, cities and emigration history of one nationality of the USSR.</summary>
    private sealed class Nationality(
        bool patronymics, bool wartimeEmigration, MaleName[] men, FemaleName[] women, Surname[] surnames, string[] cities, string[] usCities)
    {
        /// <summary>Soviet papers give a patronymic (not written for the Balts here).</summary>
        public bool Patronymics { get; } = patronymics;

        /// <summary>Relatives may have left as displaced persons in 1944.</summary>
        public bool WartimeEmigration { get; } = wartimeEmigration;

        public MaleName[] Men { get; } = men;
        public FemaleName[] Women { get; } = women;
        public Surname[] Surnames { get; } = surnames;
        public string[] Cities { get; } = cities;
        public string[] UsCities { get; } = usCities;
    }
}
