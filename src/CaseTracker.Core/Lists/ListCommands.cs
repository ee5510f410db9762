using CaseTracker.Core.Cases;
using FluentValidation;

namespace CaseTracker.Core.Lists;

public sealed class CreateListCommand
{
    public string Name { get; set; } = "";
    public string? Purpose { get; set; }
    public CaseCategory? Category { get; set; }
    public string? Classification { get; set; } = "UNCLASSIFIED";
    public DateOnly? TargetDate { get; set; }
}

public sealed class DeliverListCommand
{
    public int ListId { get; set; }
    public uint Version { get; set; }
    public DateOnly DeliveredOn { get; set; }
    public string Occasion { get; set; } = "";
    public string? DeliveredBy { get; set; }
    public string? DeliveredTo { get; set; }
}

public sealed class RecordAnswerCommand
{
    public int EntryId { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public string Channel { get; set; } = "";
    public AnswerOutcome Outcome { get; set; }
    public string? TheirWords { get; set; }
    public string? Verification { get; set; }
}

internal static class ListText
{
    public static bool Clean(string? s) => s is null || CaseCommandValidator.NoControlCharacters(s);
}

public sealed class CreateListCommandValidator : AbstractValidator<CreateListCommand>
{
    public CreateListCommandValidator(TimeProvider clock)
    {
        RuleFor(c => c.Name).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Give the list a number or a name, e.g. \"XV\" or \"17 separated spouses\".")
            .MaximumLength(100).WithMessage("Keep the name to 100 characters or fewer.")
            .Must(ListText.Clean).WithMessage("The name contains characters that cannot be stored.");
        RuleFor(c => c.Purpose).MaximumLength(1000).WithMessage("Keep the purpose to 1,000 characters or fewer.")
            .Must(ListText.Clean).WithMessage("The purpose contains characters that cannot be stored.");
        RuleFor(c => c.Category).IsInEnum().When(c => c.Category is not null).WithMessage("Choose a category from the list.");
        RuleFor(c => c.Classification).MaximumLength(50).WithMessage("Keep the marking to 50 characters or fewer.")
            .Must(ListText.Clean).WithMessage("The marking contains characters that cannot be stored.");
        RuleFor(c => c.TargetDate)
            .Must(d => d is null || d >= CaseCommandValidator.EarliestDate).WithMessage("The target date cannot be before 1917.")
            .Must(d => d is null || d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddYears(10)).WithMessage("The target date is too far ahead.");
    }
}

public sealed class DeliverListCommandValidator : AbstractValidator<DeliverListCommand>
{
    public DeliverListCommandValidator(TimeProvider clock)
    {
        RuleFor(c => c.DeliveredOn)
            .Must(d => d >= CaseCommandValidator.EarliestDate).WithMessage("Enter the date the list was handed over.")
            .Must(d => d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage("The date cannot be in the future.");
        RuleFor(c => c.Occasion).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Say on what occasion: a summit, a minister's visit, an embassy note.")
            .MaximumLength(300).WithMessage("Keep the occasion to 300 characters or fewer.")
            .Must(ListText.Clean).WithMessage("The occasion contains characters that cannot be stored.");
        RuleFor(c => c.DeliveredBy).MaximumLength(200).WithMessage("Keep this to 200 characters or fewer.").Must(ListText.Clean).WithMessage("This contains characters that cannot be stored.");
        RuleFor(c => c.DeliveredTo).MaximumLength(200).WithMessage("Keep this to 200 characters or fewer.").Must(ListText.Clean).WithMessage("This contains characters that cannot be stored.");
    }
}

public sealed class RecordAnswerCommandValidator : AbstractValidator<RecordAnswerCommand>
{
    public RecordAnswerCommandValidator(TimeProvider clock)
    {
        RuleFor(c => c.ReceivedOn)
            .Must(d => d >= CaseCommandValidator.EarliestDate).WithMessage("Enter the date the answer came.")
            .Must(d => d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage("The date cannot be in the future.");
        RuleFor(c => c.Channel).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Say how the answer came: a note, a meeting, a call.")
            .MaximumLength(200).WithMessage("Keep this to 200 characters or fewer.")
            .Must(ListText.Clean).WithMessage("This contains characters that cannot be stored.");
        RuleFor(c => c.Outcome).IsInEnum().WithMessage("Choose what they answered.");
        RuleFor(c => c.TheirWords).MaximumLength(4000).WithMessage("Keep their words to 4,000 characters or fewer.").Must(ListText.Clean).WithMessage("This contains characters that cannot be stored.");
        RuleFor(c => c.Verification).MaximumLength(2000).WithMessage("Keep this to 2,000 characters or fewer.").Must(ListText.Clean).WithMessage("This contains characters that cannot be stored.");
    }
}

public static class AnswerOutcomes
{
    public static string DisplayName(AnswerOutcome outcome) => outcome switch
    {
        AnswerOutcome.ReleasePromised => "Release promised",
        AnswerOutcome.PermissionGranted => "Permission granted",
        AnswerOutcome.UnderReview => "Under review",
        AnswerOutcome.Refused => "Refused",
        AnswerOutcome.NoRecord => "No record",
        AnswerOutcome.AlreadyLeft => "Already left",
        AnswerOutcome.ThirdCountry => "Went to a third country",
        AnswerOutcome.Deceased => "Deceased",
        AnswerOutcome.DoesNotWishToLeave => "Does not wish to leave",
        AnswerOutcome.NeverApplied => "Never applied",
        _ => outcome.ToString(),
    };

    /// <summary>Where an answer moves the case, if anywhere: only along transitions the workflow allows.</summary>
    public static CaseStatus? TargetStatus(AnswerOutcome outcome) => outcome switch
    {
        AnswerOutcome.ReleasePromised => CaseStatus.ReleasePromised,
        AnswerOutcome.PermissionGranted => CaseStatus.PermissionGranted,
        AnswerOutcome.UnderReview => CaseStatus.UnderReview,
        AnswerOutcome.Refused => CaseStatus.Refused,
        AnswerOutcome.AlreadyLeft => CaseStatus.Departed,
        AnswerOutcome.Deceased => CaseStatus.Closed,
        // No record, never applied, a third country, not wishing to leave: to be checked with the family first.
        _ => null,
    };
}
