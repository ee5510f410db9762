using CaseTracker.Core.Cases;
using FluentValidation;

namespace CaseTracker.Core.CaseWork;

/// <summary>Move a case to another status. <see cref="EventId"/> is chosen by the form, so a retried post is recorded once.</summary>
public sealed class ChangeStatusCommand
{
    public Guid EventId { get; set; }
    public int CaseId { get; set; }
    public uint Version { get; set; }
    public CaseStatus ToStatus { get; set; }
    public DateOnly OccurredOn { get; set; }

    /// <summary>The stated reason of a refusal, or why; required for a refusal.</summary>
    public string? Reason { get; set; }
    public ClosureReason? ClosureReason { get; set; }

    /// <summary>Where we learnt it: an embassy note, a call from the family.</summary>
    public string? Source { get; set; }
}

/// <summary>A note or a contact on the timeline, possibly correcting an earlier entry.</summary>
public sealed class AddEntryCommand
{
    public Guid EventId { get; set; }
    public int CaseId { get; set; }
    public CaseEventKind Kind { get; set; } = CaseEventKind.Note;
    public ContactKind? ContactKind { get; set; }
    public DateOnly OccurredOn { get; set; }
    public string Text { get; set; } = "";
    public string? Source { get; set; }
    public Guid? CorrectsId { get; set; }
}

public sealed class AddTaskCommand
{
    public Guid TaskId { get; set; }
    public int CaseId { get; set; }
    public string Title { get; set; } = "";
    public DateOnly DueOn { get; set; }

    /// <summary>Who does it; the actor when empty.</summary>
    public string? AssigneeId { get; set; }
}

internal static class TextRules
{
    public static bool Clean(string? s) => s is null || Cases.CaseCommandValidator.NoControlCharacters(s);
}

public sealed class ChangeStatusCommandValidator : AbstractValidator<ChangeStatusCommand>
{
    public ChangeStatusCommandValidator(TimeProvider clock)
    {
        RuleFor(c => c.EventId).NotEmpty().WithMessage("The form is incomplete: reload the page.");
        RuleFor(c => c.ToStatus).IsInEnum().WithMessage("Choose the new status.");
        RuleFor(c => c.OccurredOn)
            .Must(d => d >= CaseCommandValidator.EarliestDate).WithMessage("Enter the date it happened.")
            .Must(d => d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage("The date cannot be in the future.");
        RuleFor(c => c.Reason).NotEmpty().When(c => CaseWorkflow.NeedsStatedReason(c.ToStatus))
            .WithMessage("Give the reason the other side stated for the refusal, e.g. \"security concerns\".");
        RuleFor(c => c.Reason).MaximumLength(500).WithMessage("Keep the reason to 500 characters or fewer.")
            .Must(TextRules.Clean).WithMessage("The reason contains characters that cannot be stored.");
        RuleFor(c => c.ClosureReason).NotNull().When(c => CaseWorkflow.NeedsClosureReason(c.ToStatus))
            .WithMessage("Say why the case is closed.");
        RuleFor(c => c.ClosureReason).IsInEnum().When(c => c.ClosureReason is not null).WithMessage("Choose a reason from the list.");
        RuleFor(c => c.Source).MaximumLength(500).WithMessage("Keep the source to 500 characters or fewer.")
            .Must(TextRules.Clean).WithMessage("The source contains characters that cannot be stored.");
    }
}

public sealed class AddEntryCommandValidator : AbstractValidator<AddEntryCommand>
{
    public AddEntryCommandValidator(TimeProvider clock)
    {
        RuleFor(c => c.EventId).NotEmpty().WithMessage("The form is incomplete: reload the page.");
        RuleFor(c => c.Kind).Must(k => k is CaseEventKind.Note or CaseEventKind.Contact).WithMessage("Choose a note or a contact.");
        RuleFor(c => c.ContactKind).NotNull().When(c => c.Kind == CaseEventKind.Contact).WithMessage("Say what kind of contact it was.");
        RuleFor(c => c.ContactKind).IsInEnum().When(c => c.ContactKind is not null).WithMessage("Choose a kind of contact from the list.");
        RuleFor(c => c.Text).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Write the note.")
            .MaximumLength(10000).WithMessage("Keep the note to 10,000 characters or fewer.")
            .Must(TextRules.Clean).WithMessage("The note contains characters that cannot be stored.");
        RuleFor(c => c.OccurredOn)
            .Must(d => d >= CaseCommandValidator.EarliestDate).WithMessage("Enter the date it happened.")
            .Must(d => d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage("The date cannot be in the future.");
        RuleFor(c => c.Source).MaximumLength(500).WithMessage("Keep the source to 500 characters or fewer.")
            .Must(TextRules.Clean).WithMessage("The source contains characters that cannot be stored.");
    }
}

public sealed class AddTaskCommandValidator : AbstractValidator<AddTaskCommand>
{
    public AddTaskCommandValidator(TimeProvider clock)
    {
        RuleFor(c => c.TaskId).NotEmpty().WithMessage("The form is incomplete: reload the page.");
        RuleFor(c => c.Title).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Say what is to be done.")
            .MaximumLength(300).WithMessage("Keep the task to 300 characters or fewer.")
            .Must(TextRules.Clean).WithMessage("The task contains characters that cannot be stored.");
        RuleFor(c => c.DueOn)
            .Must(d => d >= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddYears(-1)).WithMessage("Enter a due date.")
            .Must(d => d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddYears(5)).WithMessage("The due date is too far ahead.");
    }
}
