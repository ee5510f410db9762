using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseTracker.Web.Pages;

/// <summary>The home page: the case list, until caseworkers get their own "My work" page.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() =>
        User.IsInRole(Core.Accounts.Roles.Caseworker) || User.IsInRole(Core.Accounts.Roles.Supervisor)
            ? RedirectToPage("/Cases/Index")
            : User.IsInRole(Core.Accounts.Roles.Administrator) ? RedirectToPage("/Admin/Users/Index") : RedirectToPage("/Account/AccessDenied");
}
