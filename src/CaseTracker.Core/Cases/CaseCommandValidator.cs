using System.Text.RegularExpressions;
using CaseTracker.Core.People;
using FluentValidation;

namespace CaseTracker.Core.Cases;

/// <summary>The rules every case command obeys, whoever calls the service.</summary>
public sealed partial class CaseCommandValidator : AbstractValidator<CaseCommand>
{
    public static readonly DateOnly EarliestDate = new(1917, 1, 1);

    public CaseCommandValidator(TimeProvider clock)
    {
        var today = () => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        RuleFor(c => c.Title).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Give the case a title, e.g. the family's name and what they seek.")
            .MaximumLength(200).WithMessage("Keep the title to 200 characters or fewer.")
            .Must(NoControlCharacters).WithMessage("The title contains characters that cannot be stored.");
        RuleFor(c => c.Category).IsInEnum().WithMessage("Choose a category.");
        RuleFor(c => c.EmigrationGroup)
            .NotNull().When(c => c.Category == CaseCategory.Emigration)
            .WithMessage("Choose the group of this emigration request.");
        RuleFor(c => c.EmigrationGroup)
            .Null().When(c => c.Category != CaseCategory.Emigration)
            .WithMessage("A group applies to emigration requests only.");
        RuleFor(c => c.EmigrationGroup).IsInEnum().When(c => c.EmigrationGroup is not null)
            .WithMessage("Choose a group from the list.");
        RuleFor(c => c.Summary).MaximumLength(4000).WithMessage("Keep the summary to 4,000 characters or fewer.")
            .Must(NoControlCharacters!).When(c => c.Summary is not null).WithMessage("The summary contains characters that cannot be stored.");
        RuleFor(c => c.FirstExitApplicationOn)
            .Must(d => d is null || d >= EarliestDate).WithMessage("The first exit application cannot be before 1917.")
            .Must(d => d is null || d <= today()).WithMessage("The first exit application cannot be in the future.");
        RuleFor(c => c.SeparatedSince)
            .Must(d => d is null || d >= EarliestDate).WithMessage("Separated since cannot be before 1917.")
            .Must(d => d is null || d <= today()).WithMessage("Separated since cannot be in the future.");
        RuleFor(c => c.RefusalCount).InclusiveBetween(0, 100).WithMessage("The number of refusals must be between 0 and 100.");
        RuleFor(c => c.RefusalReason).MaximumLength(500).WithMessage("Keep the stated reason to 500 characters or fewer.")
            .Must(NoControlCharacters!).When(c => c.RefusalReason is not null).WithMessage("The stated reason contains characters that cannot be stored.");

        RuleFor(c => c.People)
            .Must(p => p.Any(x => x.IsToSave)).WithMessage("Add at least one person to the case.")
            .Must(p => p.Any(x => x.IsToSave && x.Role == PersonRole.ApplicantInUssr))
            .WithMessage("Name the applicant in the USSR: one person must have that role.")
            .When(c => c.People.Any(x => x.IsToSave), ApplyConditionTo.CurrentValidator);
        RuleForEach(c => c.People).Where(p => p.IsToSave).SetValidator(new PersonInputValidator(today));
    }

    internal static bool NoControlCharacters(string value) => !value.Any(ch => char.IsControl(ch) && ch is not '\n' and not '\r' and not '\t');

    private sealed class PersonInputValidator : AbstractValidator<PersonInput>
    {
        public PersonInputValidator(Func<DateOnly> today)
        {
            RuleFor(p => p.Role).IsInEnum().WithMessage("Choose the person's role.");
            RuleFor(p => p.FamilyName).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the family name in Latin script.")
                .SetValidator(new LatinNameValidator("family name"));
            RuleFor(p => p.GivenName).SetValidator(new LatinNameValidator("given name"));
            RuleFor(p => p.Patronymic).SetValidator(new LatinNameValidator("patronymic"));
            RuleFor(p => p.NativeFamilyName).SetValidator(new NativeNameValidator("family name"));
            RuleFor(p => p.NativeGivenName).SetValidator(new NativeNameValidator("given name"));
            RuleFor(p => p.NativePatronymic).SetValidator(new NativeNameValidator("patronymic"));
            RuleFor(p => p.BirthYear)
                .InclusiveBetween(1850, today().Year).When(p => p.BirthYear is not null)
                .WithMessage(_ => $"The year of birth must be between 1850 and {today().Year}.");
            RuleFor(p => p.BirthDate)
                .Must(d => d is null || (d.Value.Year >= 1850 && d <= today()))
                .WithMessage("The date of birth must be after 1850 and not in the future.");
            RuleFor(p => p.BirthYear)
                .Must((p, year) => year is null || p.BirthDate is null || p.BirthDate.Value.Year == year)
                .WithMessage("The year of birth does not match the date of birth.");
            RuleFor(p => p.Sex).IsInEnum().WithMessage("Choose the person's sex or 'unknown'.");
            RuleFor(p => p.City).MaximumLength(100).WithMessage("Keep the city to 100 characters or fewer.")
                .Must(NoControlCharacters!).When(p => p.City is not null).WithMessage("The city contains characters that cannot be stored.");
            RuleFor(p => p.Citizenships)
                .Must(c => PersonInput.ParseCitizenships(c).All(code => CountryCode().IsMatch(code)))
                .WithMessage("Write citizenships as two-letter country codes separated by commas, e.g. SU, US.")
                .Must(c => PersonInput.ParseCitizenships(c).Count <= 5)
                .WithMessage("List at most five citizenships.");
            RuleFor(p => p.IllnessOrDisability).MaximumLength(500).WithMessage("Keep this to 500 characters or fewer.")
                .Must(NoControlCharacters!).When(p => p.IllnessOrDisability is not null).WithMessage("This field contains characters that cannot be stored.");
            RuleFor(p => p.HungerStrikes).InclusiveBetween(0, 50).WithMessage("The number of hunger strikes must be between 0 and 50.");
        }
    }

    private sealed class LatinNameValidator : AbstractValidator<string?>
    {
        public LatinNameValidator(string what)
        {
            RuleFor(n => n).Cascade(CascadeMode.Stop)
                .MaximumLength(PersonConfiguration.NameLength).WithMessage($"Keep the {what} to {PersonConfiguration.NameLength} characters or fewer.")
                .Must(n => !ContainsCyrillic(n!)).WithMessage($"Write the {what} in Latin letters here; the Cyrillic form goes in the native-script field.")
                .Must(n => NameCharacters().IsMatch(n!)).WithMessage($"The {what} may contain letters, spaces, hyphens, apostrophes and full stops only.")
                .When(n => !string.IsNullOrEmpty(n));
        }
    }

    private sealed class NativeNameValidator : AbstractValidator<string?>
    {
        public NativeNameValidator(string what)
        {
            RuleFor(n => n).Cascade(CascadeMode.Stop)
                .MaximumLength(PersonConfiguration.NameLength).WithMessage($"Keep the native {what} to {PersonConfiguration.NameLength} characters or fewer.")
                .Must(n => NameCharacters().IsMatch(n!)).WithMessage($"The native {what} may contain letters, spaces, hyphens, apostrophes and full stops only.")
                .When(n => !string.IsNullOrEmpty(n));
        }
    }

    private static bool ContainsCyrillic(string s) => s.Any(ch => ch is >= '\u0400' and <= '\u04FF');

    [GeneratedRegex(@"^[\p{L}\p{M}][\p{L}\p{M} '’.\-]*$")]
    private static partial Regex NameCharacters();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryCode();
}
