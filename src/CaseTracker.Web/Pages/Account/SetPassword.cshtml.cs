using System.ComponentModel.DataAnnotations;
using CaseTracker.Core.Accounts;
using CaseTracker.Core.Auditing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CaseTracker.Web.Pages.Account;

/// <summary>Where an invited user (or one whose password was reset) sets a password, from a one-time link.</summary>
[EnableRateLimiting(ServiceSetup.LoginRateLimitPolicy)]
public sealed class SetPasswordModel(UserManager<AppUser> users, AuditTrail audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string UserId { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string Token { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Choose a password.")]
    [DataType(DataType.Password)]
    [StringLength(PasswordPolicy.MaximumLength, ErrorMessage = "Use at most 128 characters.")]
    public string Password { get; set; } = "";

    [BindProperty]
    [DataType(DataType.Password)]
    [Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
    public string Confirm { get; set; } = "";

    public bool Done { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.FindByIdAsync(UserId);
        if (user is null || user.IsDisabled)
        {
            ModelState.AddModelError("", "This link is not valid or has expired. Ask an administrator for a new one.");
            return Page();
        }
        var result = await users.ResetPasswordAsync(user, Token, Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "InvalidToken" ? "" : nameof(Password),
                    error.Code == "InvalidToken" ? "This link is not valid or has expired. Ask an administrator for a new one." : error.Description);
            }
            return Page();
        }
        await audit.RecordAsync(new Actor(user.Id, user.UserName ?? "", new HashSet<string>()), "user.password_set", "User", user.Id, ct: ct);
        Done = true;
        return Page();
    }
}
