using CaseTracker.Core.Accounts;
using CaseTracker.Core.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseTracker.Web.Pages.Admin.Users;

public sealed class EditModel(UserAdminService admin) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    [BindProperty]
    public List<string> Roles { get; set; } = [];

    public UserListItem Account { get; private set; } = null!;

    public string? InvitationLink { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } notFound)
        {
            return notFound;
        }
        Roles = Account.Roles.ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostRolesAsync(CancellationToken ct) =>
        await Handle(await admin.SetRolesAsync(Id, Roles, User.ToActor(), ct), "Roles saved.", ct);

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken ct) =>
        await Handle(await admin.SetDisabledAsync(Id, true, User.ToActor(), ct), "Account disabled: its open sessions have ended.", ct);

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken ct) =>
        await Handle(await admin.SetDisabledAsync(Id, false, User.ToActor(), ct), "Account enabled.", ct);

    public async Task<IActionResult> OnPostResetTwoFactorAsync(CancellationToken ct) =>
        await Handle(await admin.ResetTwoFactorAsync(Id, User.ToActor(), ct), "Two-factor sign-in reset.", ct);

    public async Task<IActionResult> OnPostInvitationAsync(CancellationToken ct)
    {
        var token = await admin.NewInvitationAsync(Id, User.ToActor(), ct);
        if (token is null || await LoadAsync(ct) is not null)
        {
            return NotFound();
        }
        Roles = Account.Roles.ToList();
        InvitationLink = Invitation.Link(Request, Id, token);
        return Page();
    }

    private async Task<IActionResult> Handle(Result<bool> result, string message, CancellationToken ct)
    {
        switch (result)
        {
            case Result<bool>.Ok:
                TempData["StatusMessage"] = message;
                return RedirectToPage(new { id = Id });
            case Result<bool>.Invalid invalid:
                if (await LoadAsync(ct) is { } notFound)
                {
                    return notFound;
                }
                ModelState.AddFieldErrors(invalid.Errors, "");
                return Page();
            default:
                return NotFound();
        }
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var account = await admin.GetAsync(Id, ct);
        if (account is null)
        {
            return NotFound();
        }
        Account = account;
        return null;
    }
}
