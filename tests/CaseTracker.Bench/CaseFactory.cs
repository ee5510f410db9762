using CaseTracker.Core.Cases;
using CaseTracker.Core.CaseWork;
using CaseTracker.Core.People;

namespace CaseTracker.Bench;

internal sealed class GenCase
{
    public int Id;
    public string Reference = "";
    public string Title = "";
    public CaseCategory Category;
    public EmigrationGroup? EmigrationGroup;
    public bool IsInternationallyKnown;
    public CaseStatus Status;
    public string? Summary;
    public DateOnly? FirstExitApplicationOn;
    public DateOnly? SeparatedSince;
    public int RefusalCount;
    public string? RefusalReason;
    public string? AssignedCaseworkerId;
    public DateTimeOffset CreatedAt;
    public DateTimeOffset UpdatedAt;
    public bool IsRestricted;
    public DateOnly? StatusSince;
    public int UrgencyScore;
    public List<string> UrgencyFactors = [];
    public readonly List<(Person Person, PersonRole Role, bool New)> People = [];

    /// <summary>The urgency the product gives this case and its people (<see cref="Urgency.Assess"/>).</summary>
    public void AssessUrgency(DateOnly today)
    {
        var assessment = Urgency.Assess(SeparatedSince, RefusalCount,
            People.Select(p => new UrgencyPerson(p.Role, p.Person.BirthDate, p.Person.BirthYear, p.Person.Citizenships, p.Person.IllnessOrDisability, p.Person.HungerStrikes)).ToList(),
            today);
        UrgencyScore = assessment.Score;
        UrgencyFactors = assessment.Words.ToList();
    }
}

/// <summary>Makes realistic cases and their people (deterministic for a seed).</summary>
internal sealed class CaseFactory(Random rnd, IReadOnlyList<string> caseworkerIds, DateOnly today, bool sharePeople, bool onlyDisplaySpelling)
{
    private static readonly CaseCategory[] Categories =
        [CaseCategory.DividedFamily, CaseCategory.DividedFamily, CaseCategory.DividedFamily, CaseCategory.SeparatedSpouse,
         CaseCategory.SeparatedSpouse, CaseCategory.DualNational, CaseCategory.Emigration, CaseCategory.Emigration];

    private static readonly CaseStatus[] Statuses =
        [CaseStatus.New, CaseStatus.Documented, CaseStatus.Documented, CaseStatus.Submitted, CaseStatus.Submitted, CaseStatus.Submitted,
         CaseStatus.UnderReview, CaseStatus.UnderReview, CaseStatus.Refused, CaseStatus.Refused, CaseStatus.ReleasePromised,
         CaseStatus.PermissionGranted, CaseStatus.Departed, CaseStatus.Reunited, CaseStatus.Reunited, CaseStatus.Closed];

    private static readonly string[] RefusalReasons =
        ["access to state secrets", "insufficient kinship", "parents' consent withheld", "not in the interests of the state", "no invitation from a first-degree relative"];

    private readonly List<Person> abroadPool = [];
    private int nextPersonId;

    public int NextPersonId { get => nextPersonId; set => nextPersonId = value; }

    public GenCase Make(int id, string reference, CaseCategory? category = null)
    {
        var c = new GenCase { Id = id, Reference = reference, Category = category ?? Categories[rnd.Next(Categories.Length)] };
        c.EmigrationGroup = c.Category == CaseCategory.Emigration ? (EmigrationGroup)rnd.Next(5) : null;
        c.IsInternationallyKnown = rnd.Next(200) == 0;
        c.Status = Statuses[rnd.Next(Statuses.Length)];
        c.SeparatedSince = Date(1950, 1984);
        c.FirstExitApplicationOn = rnd.Next(10) == 0 ? null : Date(Math.Max(1960, c.SeparatedSince.Value.Year), 1985);
        c.RefusalCount = rnd.Next(4) == 0 ? 0 : rnd.Next(1, 9);
        c.RefusalReason = c.RefusalCount > 0 && rnd.Next(3) > 0 ? RefusalReasons[rnd.Next(RefusalReasons.Length)] : null;
        c.AssignedCaseworkerId = caseworkerIds.Count > 0 && rnd.Next(10) < 7 ? caseworkerIds[rnd.Next(caseworkerIds.Count)] : null;
        c.IsRestricted = rnd.Next(50) == 0;
        c.CreatedAt = new DateTimeOffset(2024, 1, 1, 8, 0, 0, TimeSpan.Zero).AddMinutes(rnd.Next(0, 1_400_000));
        c.UpdatedAt = c.CreatedAt.AddMinutes(rnd.Next(0, 400_000));
        c.StatusSince = Date(1975, 1986);

        var applicantFemale = rnd.Next(2) == 0;
        var family = NameTables.Family(FamilyIndex());
        var applicant = NewPerson(family, applicantFemale, inUssr: true, minAge: 16);
        c.People.Add((applicant, PersonRole.ApplicantInUssr, true));
        var others = rnd.Next(1, 4); // 2 to 4 people per case
        for (var i = 0; i < others; i++)
        {
            var role = OtherRole(c.Category, i);
            var abroad = role is PersonRole.RelativeAbroad or PersonRole.SponsorAbroad || (role == PersonRole.Spouse && c.Category == CaseCategory.SeparatedSpouse);
            if (sharePeople && abroad && abroadPool.Count > 100 && rnd.Next(8) == 0)
            {
                // A relative abroad who sponsors several families is one person in several cases.
                var shared = abroadPool[rnd.Next(abroadPool.Count)];
                if (c.People.All(p => p.Person != shared))
                {
                    c.People.Add((shared, role, false));
                    continue;
                }
            }
            var female = role == PersonRole.Spouse ? !applicantFemale : rnd.Next(2) == 0;
            var sameFamily = role != PersonRole.SponsorAbroad && rnd.Next(4) > 0;
            var person = NewPerson(sameFamily ? family : NameTables.Family(FamilyIndex()), female, inUssr: !abroad, minAge: role == PersonRole.Child ? 0 : 18);
            c.People.Add((person, role, true));
            if (abroad && sharePeople)
            {
                if (abroadPool.Count < 20_000)
                {
                    abroadPool.Add(person);
                }
                else
                {
                    abroadPool[rnd.Next(abroadPool.Count)] = person;
                }
            }
        }

        var applicantLatin = applicant.FamilyName;
        var abroadPerson = c.People.Skip(1).FirstOrDefault(p => p.Role is PersonRole.Spouse or PersonRole.RelativeAbroad or PersonRole.Parent or PersonRole.Child).Person;
        c.Title = c.Category switch
        {
            CaseCategory.SeparatedSpouse => $"{applicantLatin} – joining {(applicantFemale ? "her husband" : "his wife")} in {abroadPerson?.City ?? "New York"}",
            CaseCategory.DualNational => $"{applicantLatin} – dual national refused exit",
            CaseCategory.Emigration => $"{applicantLatin} family – emigration ({c.EmigrationGroup})",
            _ => $"{applicantLatin} – joining {(rnd.Next(2) == 0 ? "a daughter" : "a son")} in {abroadPerson?.City ?? "Chicago"}",
        };
        c.Summary = rnd.Next(5) == 0 ? null
            : $"First applied in {c.FirstExitApplicationOn?.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "an unknown year"}; "
              + (c.RefusalCount > 0 ? $"refused {c.RefusalCount} times{(c.RefusalReason is null ? "" : ", citing " + c.RefusalReason)}." : "no answer yet.")
              + (rnd.Next(3) == 0 ? " The family abroad writes every month and has asked their congressman to raise the case." : "");

        c.AssessUrgency(today);
        return c;
    }

    private int FamilyIndex()
    {
        // A mild skew: some family names are much commoner than others.
        var u = rnd.NextDouble();
        return (int)(u * u * NameTables.FamilyCount);
    }

    private PersonRole OtherRole(CaseCategory category, int i) => category switch
    {
        CaseCategory.SeparatedSpouse => i == 0 ? PersonRole.Spouse : (rnd.Next(2) == 0 ? PersonRole.Child : PersonRole.RelativeAbroad),
        CaseCategory.DualNational => i == 0 ? PersonRole.RelativeAbroad : (rnd.Next(2) == 0 ? PersonRole.Sibling : PersonRole.Parent),
        CaseCategory.Emigration => i == 0 ? PersonRole.Spouse : (rnd.Next(3) == 0 ? PersonRole.SponsorAbroad : PersonRole.Child),
        _ => i == 0 ? PersonRole.RelativeAbroad : (PersonRole)new[] { PersonRole.Parent, PersonRole.Child, PersonRole.Sibling, PersonRole.SponsorAbroad }[rnd.Next(4)],
    };

    private Person NewPerson((string Male, string Female) family, bool female, bool inUssr, int minAge)
    {
        var nativeFamily = female ? family.Female : family.Male;
        var nativeGiven = NameTables.Given(rnd, female);
        var nativePatronymic = rnd.Next(5) == 0 ? null : NameTables.PatronymicFor(rnd, female);
        var birthYear = rnd.Next(1900, 1986 - minAge);
        DateOnly? birthDate = rnd.Next(3) == 0 ? new DateOnly(birthYear, rnd.Next(1, 13), rnd.Next(1, 29)) : null;
        var now = new DateTimeOffset(2024, 6, 1, 9, 0, 0, TimeSpan.Zero).AddMinutes(rnd.Next(0, 1_000_000));
        var p = new Person
        {
            Id = ++nextPersonId,
            FamilyName = Spell(nativeFamily),
            GivenName = Spell(nativeGiven),
            Patronymic = nativePatronymic is null || rnd.Next(3) == 0 ? null : Spell(nativePatronymic),
            NativeFamilyName = nativeFamily,
            NativeGivenName = nativeGiven,
            NativePatronymic = nativePatronymic,
            BirthDate = birthDate,
            BirthYear = birthYear,
            Sex = female ? Sex.Female : Sex.Male,
            City = inUssr ? NameTables.CitiesUssr[rnd.Next(NameTables.CitiesUssr.Length)] : NameTables.CitiesAbroad[rnd.Next(NameTables.CitiesAbroad.Length)],
            Citizenships = inUssr ? ["SU"] : rnd.Next(5) == 0 ? ["SU", NameTables.CountriesAbroad[rnd.Next(NameTables.CountriesAbroad.Length)]] : [NameTables.CountriesAbroad[rnd.Next(NameTables.CountriesAbroad.Length)]],
            IllnessOrDisability = inUssr && rnd.Next(20) == 0 ? NameTables.Illnesses[rnd.Next(NameTables.Illnesses.Length)] : null,
            HungerStrikes = inUssr && rnd.Next(50) == 0 ? rnd.Next(1, 4) : 0,
            DeclinesListing = rnd.Next(100) == 0,
            CreatedAt = now,
            UpdatedAt = now,
        };
        if (!onlyDisplaySpelling && rnd.Next(10) == 0)
        {
            // An alias: another spelling from a list of the other side, or a maiden name.
            var maiden = female && rnd.Next(3) == 0;
            var aliasFamily = maiden ? NameTables.Family(FamilyIndex()).Female : nativeFamily;
            p.Aliases.Add(new PersonAlias
            {
                Person = p,
                Kind = maiden ? AliasKind.Maiden : AliasKind.Spelling,
                FamilyName = maiden ? NameTables.Latin(aliasFamily, rnd) : NameTables.OtherLatin(aliasFamily, rnd),
                GivenName = NameTables.OtherLatin(nativeGiven, rnd),
                Source = maiden ? "marriage certificate" : "Soviet list of 1986",
                CreatedAt = now,
            });
        }
        return p;
    }

    private string Spell(string cyrillic) =>
        onlyDisplaySpelling ? Core.Names.Transliteration.Display(cyrillic) : NameTables.Latin(cyrillic, rnd);

    private DateOnly Date(int fromYear, int toYear) =>
        new DateOnly(fromYear, 1, 1).AddDays(rnd.Next(0, (toYear - fromYear + 1) * 365));

    public static CreateCaseCommand ToCommand(GenCase c) => new()
    {
        Title = c.Title,
        Category = c.Category,
        EmigrationGroup = c.EmigrationGroup,
        IsInternationallyKnown = c.IsInternationallyKnown,
        IsRestricted = c.IsRestricted,
        Summary = c.Summary,
        FirstExitApplicationOn = c.FirstExitApplicationOn,
        SeparatedSince = c.SeparatedSince,
        RefusalCount = c.RefusalCount,
        RefusalReason = c.RefusalReason,
        People = c.People.Select(x => new PersonInput
        {
            Role = x.Role,
            FamilyName = x.Person.FamilyName,
            GivenName = x.Person.GivenName,
            Patronymic = x.Person.Patronymic,
            NativeFamilyName = x.Person.NativeFamilyName,
            NativeGivenName = x.Person.NativeGivenName,
            NativePatronymic = x.Person.NativePatronymic,
            BirthDate = x.Person.BirthDate,
            BirthYear = x.Person.BirthYear,
            Sex = x.Person.Sex,
            City = x.Person.City,
            Citizenships = string.Join(", ", x.Person.Citizenships),
            IllnessOrDisability = x.Person.IllnessOrDisability,
            HungerStrikes = x.Person.HungerStrikes,
            DeclinesListing = x.Person.DeclinesListing,
        }).ToList(),
    };
}
