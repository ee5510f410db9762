using System.Text.Json;
using CaseTracker.Core.Accounts;
using CaseTracker.Core.Cases;
using CaseTracker.Core.Demo;
using CaseTracker.Core.People;
using Xunit;

namespace CaseTracker.Tests.Demo;

/// <summary>The demo data reproduces the letter of 7 December 1985; checked without a database.</summary>
public sealed class DemoDataTests
{
    private static readonly IReadOnlyList<DemoCase> Cases = DemoData.Generate();

    private static List<DemoCase> In(CaseCategory category) => Cases.Where(c => c.Category == category).ToList();

    private static DemoPerson Applicant(DemoCase c) => c.People[0].Person;

    private static bool HasCyrillic(string? s) => s is not null && s.Any(ch => ch is >= '\u0400' and <= '\u04FF');

    [Fact]
    public void Counts_per_category_are_the_letters()
    {
        Assert.Equal(27, In(CaseCategory.SeparatedSpouse).Count);
        Assert.Equal(23, In(CaseCategory.DualNational).Count);
        Assert.Equal(129, In(CaseCategory.DividedFamily).Count);
        Assert.True(In(CaseCategory.Emigration).Count >= 20, "at least 20 emigration requests");
    }

    [Fact]
    public void Ten_spouses_are_promised_release_and_seventeen_more_are_on_the_list()
    {
        var spouses = In(CaseCategory.SeparatedSpouse);
        var promised = spouses
            .Where(c => c.Status is CaseStatus.ReleasePromised or CaseStatus.PermissionGranted or CaseStatus.Departed or CaseStatus.Reunited)
            .ToList();

        Assert.Equal(10, promised.Count);
        Assert.All(promised, c => Assert.Equal("security concerns", c.RefusalReason));
        Assert.Contains(promised, c => c.Status == CaseStatus.ReleasePromised);
        Assert.Contains(promised, c => c.Status == CaseStatus.PermissionGranted);
        Assert.All(spouses.Except(promised), c => Assert.True(c.Status is CaseStatus.Submitted or CaseStatus.UnderReview));
    }

    [Fact]
    public void The_blind_woman_separated_from_her_husband_for_almost_thirty_years_is_there()
    {
        var c = Assert.Single(In(CaseCategory.SeparatedSpouse), c => Applicant(c).IllnessOrDisability == "blind");
        var woman = Applicant(c);

        Assert.Equal(Sex.Female, woman.Sex);
        Assert.InRange(woman.BirthYear!.Value, 1919, 1925);
        Assert.InRange(c.SeparatedSince!.Value.Year, 1955, 1958);
        Assert.Contains(c.People, p => p.Role == PersonRole.Spouse && p.Person.Sex == Sex.Male && p.Person.Citizenships.Contains("US"));
    }

    [Fact]
    public void The_man_with_two_hunger_strikes_is_joining_his_wife_and_small_children()
    {
        var c = Assert.Single(Cases, c => Applicant(c).HungerStrikes == 2);

        Assert.Equal(CaseCategory.SeparatedSpouse, c.Category);
        Assert.Equal(Sex.Male, Applicant(c).Sex);
        Assert.Contains(c.People, p => p.Role == PersonRole.Spouse && p.Person.Citizenships.Contains("US"));
        Assert.Equal(2, c.People.Count(p => p.Role == PersonRole.Child && !p.Person.IsInUssr && p.Person.BirthYear >= 1975));
    }

    [Fact]
    public void The_77_year_old_dual_national_who_came_in_1932_is_there()
    {
        var c = Assert.Single(In(CaseCategory.DualNational), c => Applicant(c).BirthYear == 1908);
        var person = Applicant(c);

        Assert.Contains("US", person.Citizenships);
        Assert.Contains("SU", person.Citizenships);
        Assert.Equal(1932, c.SeparatedSince!.Value.Year);
        Assert.InRange(c.FirstExitApplicationOn!.Value.Year, 1930, 1939);
    }

    [Fact]
    public void The_16_year_old_left_alone_in_Leningrad_is_there()
    {
        var c = Assert.Single(In(CaseCategory.DividedFamily), c => Applicant(c).BirthYear == 1969 && Applicant(c).City == "Leningrad");

        Assert.Equal(PersonRole.ApplicantInUssr, c.People[0].Role);
        Assert.Contains(c.People, p => !p.Person.IsInUssr && p.Person.Citizenships.Contains("US"));
    }

    [Fact]
    public void The_young_pianist_has_been_refused()
    {
        var c = Assert.Single(In(CaseCategory.Emigration), c => c.Title.Contains("pianist", StringComparison.OrdinalIgnoreCase));

        Assert.True(c.EmigrationGroup is EmigrationGroup.Jewish or EmigrationGroup.Other);
        Assert.True(c.RefusalCount > 0);
        Assert.Null(Applicant(c).IllnessOrDisability);
    }

    [Fact]
    public void The_Sakharovs_are_one_internationally_known_case()
    {
        var c = Assert.Single(Cases, c => c.People.Any(p => p.Person.NativeFamilyName == "Сахаров"));
        var sakharov = Assert.Single(c.People, p => p.Person.NativeFamilyName == "Сахаров").Person;
        var bonner = Assert.Single(c.People, p => p.Person.NativeFamilyName == "Боннэр").Person;

        Assert.Equal(CaseCategory.Emigration, c.Category);
        Assert.True(c.IsInternationallyKnown);
        Assert.Equal("Андрей", sakharov.NativeGivenName);
        Assert.Equal(new DateOnly(1921, 5, 21), sakharov.BirthDate);
        Assert.Equal("Елена", bonner.NativeGivenName);
        Assert.Equal(new DateOnly(1923, 2, 15), bonner.BirthDate);
    }

    [Theory]
    [InlineData("Щаранский", "Анатолий", 1948, 1, 20)]
    [InlineData("Орлов", "Юрий", 1924, 8, 13)]
    public void Internationally_known_individuals_are_there(string family, string given, int year, int month, int day)
    {
        var c = Assert.Single(Cases, c => c.People.Any(p => p.Person.NativeFamilyName == family && p.Person.NativeGivenName == given));
        var person = Applicant(c);

        Assert.Equal(family, person.NativeFamilyName);
        Assert.Equal(new DateOnly(year, month, day), person.BirthDate);
        Assert.Equal(CaseCategory.Emigration, c.Category);
        Assert.True(c.IsInternationallyKnown);
    }

    [Fact]
    public void Shcharanskiys_wife_Avital_is_abroad_in_Israel()
    {
        var c = Assert.Single(Cases, c => Applicant(c).NativeFamilyName == "Щаранский");

        Assert.Equal(EmigrationGroup.Jewish, c.EmigrationGroup);
        var wife = Assert.Single(c.People, p => p.Role == PersonRole.Spouse).Person;
        Assert.Equal("Avital", wife.GivenName);
        Assert.Equal(["IL"], wife.Citizenships);
    }

    [Fact]
    public void Emigration_requests_span_every_group_and_only_they_have_one()
    {
        var groups = In(CaseCategory.Emigration).Select(c => c.EmigrationGroup).ToHashSet();

        Assert.All(Enum.GetValues<EmigrationGroup>(), g => Assert.Contains(g, groups));
        Assert.DoesNotContain(null, groups);
        Assert.All(Cases.Where(c => c.Category != CaseCategory.Emigration), c => Assert.Null(c.EmigrationGroup));
    }

    [Fact]
    public void Generating_twice_gives_the_same_data()
    {
        var first = JsonSerializer.Serialize(DemoData.Generate());
        var second = JsonSerializer.Serialize(DemoData.Generate());

        Assert.Equal(first, second);
        Assert.Equal(first, JsonSerializer.Serialize(DemoData.Cases));
    }

    [Fact]
    public void Everyone_in_the_USSR_is_named_in_Latin_and_in_Cyrillic()
    {
        foreach (var person in DemoData.Persons(Cases))
        {
            Assert.False(string.IsNullOrWhiteSpace(person.FamilyName));
            Assert.False(HasCyrillic(person.FamilyName) || HasCyrillic(person.GivenName) || HasCyrillic(person.Patronymic),
                $"{person.Key}: Latin fields hold Latin script only");
            if (person.IsInUssr)
            {
                Assert.False(string.IsNullOrWhiteSpace(person.GivenName), $"{person.Key}: given name");
                Assert.True(HasCyrillic(person.NativeFamilyName), $"{person.Key}: native family name");
                Assert.True(HasCyrillic(person.NativeGivenName), $"{person.Key}: native given name");
            }
        }
    }

    [Fact]
    public void Women_in_the_USSR_carry_the_female_form_of_the_family_name()
    {
        var women = DemoData.Persons(Cases).Where(p => p.IsInUssr && p.Sex == Sex.Female).ToList();

        Assert.NotEmpty(women);
        Assert.All(women, w => Assert.False(
            w.NativeFamilyName!.EndsWith("ов", StringComparison.Ordinal) || w.NativeFamilyName.EndsWith("ев", StringComparison.Ordinal)
            || w.NativeFamilyName.EndsWith("ёв", StringComparison.Ordinal) || w.NativeFamilyName.EndsWith("ин", StringComparison.Ordinal)
            || w.NativeFamilyName.EndsWith("ий", StringComparison.Ordinal),
            $"{w.Key}: {w.NativeFamilyName}"));
    }

    [Fact]
    public void References_are_unique_and_numbered_from_one_per_category()
    {
        Assert.Equal(Cases.Count, Cases.Select(c => c.Reference).Distinct().Count());
        foreach (var category in Enum.GetValues<CaseCategory>())
        {
            var numbers = In(category).Select(c => c.Number).Order().ToList();
            Assert.Equal(Enumerable.Range(1, numbers.Count), numbers);
            Assert.All(In(category), c => Assert.Equal(CaseService.FormatReference(category, c.Number), c.Reference));
        }
        Assert.Contains(Cases, c => c.Reference == "SP-0001");
    }

    [Fact]
    public void Every_case_has_one_applicant_in_the_USSR_first_and_one_to_four_others()
    {
        Assert.All(Cases, c =>
        {
            Assert.Equal(PersonRole.ApplicantInUssr, c.People[0].Role);
            Assert.Single(c.People, p => p.Role == PersonRole.ApplicantInUssr);
            Assert.True(c.People[0].Person.IsInUssr, c.Reference);
            Assert.InRange(c.People.Count - 1, 1, 4);
            Assert.Equal(c.People.Count, c.People.Select(p => p.Person.Key).Distinct().Count());
            Assert.False(string.IsNullOrWhiteSpace(c.Title));
            Assert.False(string.IsNullOrWhiteSpace(c.Summary));
            Assert.InRange(c.RefusalCount, 0, 6);
            Assert.Equal(c.RefusalCount == 0, c.RefusalReason is null);
        });
    }

    [Fact]
    public void Refusal_reasons_are_the_stated_ones()
    {
        Assert.All(Cases.Where(c => c.RefusalReason is not null), c => Assert.Contains(c.RefusalReason, DemoData.RefusalReasons));
    }

    [Fact]
    public void Some_persons_appear_in_two_cases()
    {
        var byKey = Cases.SelectMany(c => c.People.Select(p => (c.Reference, p.Person))).GroupBy(x => x.Person.Key).ToList();

        Assert.True(byKey.Count(g => g.Select(x => x.Reference).Distinct().Count() >= 2) >= 2);
        Assert.All(byKey, g => Assert.Single(g.Select(x => x.Person).Distinct()));
    }

    [Fact]
    public void Statuses_are_spread_and_most_cases_are_open()
    {
        var statuses = Cases.Select(c => c.Status).ToList();

        Assert.All(Enum.GetValues<CaseStatus>(), s => Assert.Contains(s, statuses));
        Assert.True(statuses.Count(CaseStatuses.IsFinished) * 4 < statuses.Count, "most cases are open");
    }

    [Fact]
    public void Dates_are_historical_and_timestamps_fixed_utc()
    {
        var letter = new DateOnly(1985, 12, 7);
        Assert.All(Cases, c =>
        {
            Assert.True(c.FirstExitApplicationOn is null || (c.FirstExitApplicationOn >= new DateOnly(1917, 1, 1) && c.FirstExitApplicationOn <= letter));
            Assert.True(c.SeparatedSince is null || (c.SeparatedSince >= new DateOnly(1917, 1, 1) && c.SeparatedSince <= letter));
            Assert.Equal(TimeSpan.Zero, c.CreatedAt.Offset);
            Assert.True(c.CreatedAt <= c.UpdatedAt);
            Assert.InRange(c.CreatedAt.Year, 2025, 2026);
        });
        Assert.All(DemoData.Persons(Cases), p =>
        {
            Assert.True(p.BirthYear is null || p.BirthYear is >= 1850 and <= 1985);
            Assert.True(p.BirthDate is null || p.BirthDate.Value.Year == p.BirthYear);
        });
    }

    [Fact]
    public void Every_case_passes_the_apps_own_validation()
    {
        var validator = new CaseCommandValidator(TimeProvider.System);
        Assert.All(Cases, c =>
        {
            var command = new CreateCaseCommand
            {
                Title = c.Title,
                Category = c.Category,
                EmigrationGroup = c.EmigrationGroup,
                IsInternationallyKnown = c.IsInternationallyKnown,
                Summary = c.Summary,
                FirstExitApplicationOn = c.FirstExitApplicationOn,
                SeparatedSince = c.SeparatedSince,
                RefusalCount = c.RefusalCount,
                RefusalReason = c.RefusalReason,
                People = c.People.Select(p => new PersonInput
                {
                    Role = p.Role,
                    FamilyName = p.Person.FamilyName,
                    GivenName = p.Person.GivenName,
                    Patronymic = p.Person.Patronymic,
                    NativeFamilyName = p.Person.NativeFamilyName,
                    NativeGivenName = p.Person.NativeGivenName,
                    NativePatronymic = p.Person.NativePatronymic,
                    BirthDate = p.Person.BirthDate,
                    BirthYear = p.Person.BirthYear,
                    Sex = p.Person.Sex,
                    City = p.Person.City,
                    Citizenships = string.Join(", ", p.Person.Citizenships),
                    IllnessOrDisability = p.Person.IllnessOrDisability,
                    HungerStrikes = p.Person.HungerStrikes,
                }).ToList(),
            };
            var result = validator.Validate(command);
            Assert.True(result.IsValid, c.Reference + ": " + string.Join("; ", result.Errors.Select(e => e.PropertyName + " " + e.ErrorMessage)));
        });
    }

    [Fact]
    public void The_demo_accounts_have_their_roles_and_cases_go_to_caseworkers()
    {
        var users = DemoData.Users.ToDictionary(u => u.Email);

        Assert.Equal(Roles.Caseworker, users["caseworker@casetracker.local"].Role);
        Assert.Equal(Roles.Supervisor, users["supervisor@casetracker.local"].Role);
        Assert.Equal(Roles.Administrator, users["admin@casetracker.local"].Role);
        Assert.All(Cases.Where(c => c.AssignedTo is not null), c => Assert.Equal(Roles.Caseworker, users[c.AssignedTo!].Role));
        var assigned = Cases.Where(c => c.AssignedTo is not null).GroupBy(c => c.AssignedTo).ToList();
        Assert.True(assigned.Count >= 2, "assignment varies");
        Assert.Contains(Cases, c => c.IsRestricted);
        Assert.All(Cases.Where(c => c.IsRestricted), c => Assert.NotNull(c.AssignedTo));
        Assert.Equal(DemoData.CaseworkerEmail, assigned.MaxBy(g => g.Count())!.Key);
    }
}
