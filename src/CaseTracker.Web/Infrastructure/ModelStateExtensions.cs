using CaseTracker.Core.Common;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CaseTracker.Web.Infrastructure;

public static class ModelStateExtensions
{
    /// <summary>Puts the service's validation errors next to their fields: <c>People[0].FamilyName</c> becomes <c>Input.People[0].FamilyName</c>.</summary>
    public static void AddFieldErrors(this ModelStateDictionary modelState, IEnumerable<FieldError> errors, string prefix)
    {
        foreach (var error in errors)
        {
            modelState.AddModelError(string.IsNullOrEmpty(error.Field) ? "" : string.IsNullOrEmpty(prefix) ? error.Field : $"{prefix}.{error.Field}", error.Message);
        }
    }
}
