namespace CaseTracker.Core.Common;

/// <summary>The expected outcomes of a command: results, not exceptions.</summary>
public abstract record Result<T>
{
    private Result() { }

    public sealed record Ok(T Value) : Result<T>;

    public sealed record NotFound : Result<T>;

    /// <summary>Validation failed; errors keyed by the property path of the command (e.g. <c>People[0].FamilyName</c>).</summary>
    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : Result<T>;

    /// <summary>Someone else saved first; <paramref name="Current"/> is what is saved now.</summary>
    public sealed record Conflict(T Current) : Result<T>;
}

public sealed record FieldError(string Field, string Message);

public static class ValidationExtensions
{
    public static IReadOnlyList<FieldError> ToFieldErrors(this FluentValidation.Results.ValidationResult result) =>
        result.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage)).ToList();
}
