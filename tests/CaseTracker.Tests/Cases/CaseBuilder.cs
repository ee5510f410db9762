using CaseTracker.Core.Cases;
using CaseTracker.Core.People;

namespace CaseTracker.Tests.Cases;

/// <summary>Valid commands to start from; each test changes what it is about.</summary>
public static class CaseBuilder
{
    public static CreateCaseCommand Spouse(string family = "Petrova", string native = "Петрова") => new()
    {
        Title = $"{family} – joining husband in Chicago",
        Category = CaseCategory.SeparatedSpouse,
        SeparatedSince = new DateOnly(1957, 3, 1),
        FirstExitApplicationOn = new DateOnly(1972, 5, 10),
        RefusalCount = 3,
        RefusalReason = "security concerns",
        People =
        [
            new PersonInput
            {
                Role = PersonRole.ApplicantInUssr, FamilyName = family, GivenName = "Maria", Patronymic = "Ivanovna",
                NativeFamilyName = native, NativeGivenName = "Мария", NativePatronymic = "Ивановна",
                BirthYear = 1921, Sex = Sex.Female, City = "Moscow", Citizenships = "SU", IllnessOrDisability = "blind",
            },
            new PersonInput
            {
                Role = PersonRole.Spouse, FamilyName = "Petrov", GivenName = "Ivan", Sex = Sex.Male, City = "Chicago",
                Citizenships = "US",
            },
        ],
    };
}
