using System.ComponentModel.DataAnnotations;
using CaseTracker.Core.Accounts;
using CaseTracker.Core.Auditing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CaseTracker.Web.Pages.Account;

[EnableRateLimiting(ServiceSetup.LoginRateLimitPolicy)]
public sealed class LoginWith2faModel(SignInManager<AppUser> signIn, AuditTrail audit) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter the code from your authenticator app.")]
    [StringLength(8, MinimumLength = 6, ErrorMessage = "The code has 6 digits.")]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Account/Login");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var actor = new Actor(user.Id, user.UserName ?? "", new HashSet<string>());
        var code = Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await audit.RecordAsync(actor, AuditActions.SignInSucceeded, "User", user.Id, details: new { twoFactor = true }, ct: ct);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        await audit.RecordAsync(actor, result.IsLockedOut ? AuditActions.SignInLockedOut : AuditActions.SignInFailed, "User", user.Id,
            details: new { reason = "wrong two-factor code" }, ct: ct);
        ModelState.AddModelError("", result.IsLockedOut
            ? "Too many failed attempts: sign-in is blocked for 15 minutes."
            : "The code is not correct. Check the time on your phone and try the newest code.");
        return Page();
    }
}
