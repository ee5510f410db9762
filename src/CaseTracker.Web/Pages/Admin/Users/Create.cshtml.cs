using CaseTracker.Core.Accounts;
using CaseTracker.Core.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseTracker.Web.Pages.Admin.Users;

public sealed class CreateModel(UserAdminService admin) : PageModel
{
    [BindProperty]
    public CreateUserCommand Input { get; set; } = new() { Roles = [Roles.Caseworker] };

    /// <summary>The one-time link to hand to the new user, shown once after creation.</summary>
    public string? InvitationLink { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await admin.CreateAsync(Input, User.ToActor(), ct);
        switch (result)
        {
            case Result<(AppUser User, string InvitationToken)>.Ok ok:
                InvitationLink = Invitation.Link(Request, ok.Value.User.Id, ok.Value.InvitationToken);
                TempData["StatusMessage"] = $"Account created for {ok.Value.User.DisplayName}.";
                return Page();
            case Result<(AppUser User, string InvitationToken)>.Invalid invalid:
                ModelState.AddFieldErrors(invalid.Errors, nameof(Input));
                return Page();
            default:
                return NotFound();
        }
    }
}

public static class Invitation
{
    public static string Link(HttpRequest request, string userId, string token) =>
        $"{request.Scheme}://{request.Host}/Account/SetPassword?userId={Uri.EscapeDataString(userId)}&token={Uri.EscapeDataString(token)}";
}
