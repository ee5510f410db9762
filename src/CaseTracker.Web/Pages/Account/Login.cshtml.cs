using System.ComponentModel.DataAnnotations;
using CaseTracker.Core.Accounts;
using CaseTracker.Core.Auditing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CaseTracker.Web.Pages.Account;

[EnableRateLimiting(ServiceSetup.LoginRateLimitPolicy)]
public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, AuditTrail audit, ILogger<LoginModel> logger) : PageModel
{
    /// <summary>The same message for an unknown user, a wrong password and a disabled account, so none can be told apart.</summary>
    public const string FailedMessage = "The email or password is not correct.";

    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        // Sign-in starts a new session: any earlier one in this browser is ended first.
        await signIn.SignOutAsync();
        var user = await users.FindByEmailAsync(Input.Email);
        if (user is null)
        {
            logger.LogInformation("Sign-in failed: unknown account");
            await audit.RecordAsync(null, AuditActions.SignInFailed, details: new { reason = "unknown account", email = Input.Email }, ct: ct);
            ModelState.AddModelError("", FailedMessage);
            return Page();
        }
        var actor = new Actor(user.Id, user.UserName ?? "", new HashSet<string>());
        var result = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        var returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserId} signed in", user.Id);
            await audit.RecordAsync(actor, AuditActions.SignInSucceeded, "User", user.Id, ct: ct);
            return LocalRedirect(returnUrl);
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/LoginWith2fa", new { ReturnUrl = returnUrl });
        }
        if (result.IsLockedOut)
        {
            logger.LogWarning("Sign-in refused: account {UserId} is locked out", user.Id);
            await audit.RecordAsync(actor, AuditActions.SignInLockedOut, "User", user.Id, ct: ct);
            ModelState.AddModelError("", "Too many failed attempts: sign-in is blocked for 15 minutes. Try again later or ask an administrator.");
            return Page();
        }
        logger.LogInformation("Sign-in failed for account {UserId}", user.Id);
        await audit.RecordAsync(actor, AuditActions.SignInFailed, "User", user.Id, details: new { reason = user.IsDisabled ? "disabled" : "wrong password" }, ct: ct);
        ModelState.AddModelError("", FailedMessage);
        return Page();
    }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter an email address such as name@example.org.")]
        [StringLength(256, ErrorMessage = "Enter an email address of at most 256 characters.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [DataType(DataType.Password)]
        [StringLength(PasswordPolicy.MaximumLength, ErrorMessage = "Passwords have at most 128 characters.")]
        public string Password { get; set; } = "";
    }
}
