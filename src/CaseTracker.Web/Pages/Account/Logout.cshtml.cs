using CaseTracker.Core.Accounts;
using CaseTracker.Core.Auditing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseTracker.Web.Pages.Account;

/// <summary>
/// Sign out is a POST (with antiforgery); a GET only shows the button. Signing out changes the user's
/// security stamp, so a copy of the old cookie is refused by the server, not just deleted by the browser.
/// </summary>
public sealed class LogoutModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, AuditTrail audit) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is not null)
        {
            await users.UpdateSecurityStampAsync(user);
            await audit.RecordAsync(User.ToActor(), AuditActions.SignedOut, "User", user.Id, ct: ct);
        }
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login");
    }
}
