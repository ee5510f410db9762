using System.ComponentModel.DataAnnotations;
using System.Text;
using CaseTracker.Core.Accounts;
using CaseTracker.Core.Auditing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace CaseTracker.Web.Pages.Account.Manage;

/// <summary>Turns TOTP two-factor sign-in on or off for the signed-in user; Administrators cannot turn it off.</summary>
public sealed class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AuditTrail audit) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter the code from your authenticator app.")]
    [StringLength(8, MinimumLength = 6, ErrorMessage = "The code has 6 digits.")]
    public string Code { get; set; } = "";

    public bool Enabled { get; private set; }
    public bool Required { get; private set; }
    public string FormattedKey { get; private set; } = "";

    /// <summary>An SVG QR code of the otpauth URI, drawn on the server (no script, no external service).</summary>
    public string QrSvg { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }
        var code = Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
        if (!valid)
        {
            ModelState.AddModelError(nameof(Code), "The code is not correct. Check the time on your phone and try the newest code.");
            await LoadAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        await audit.RecordAsync(User.ToActor(), AuditActions.TwoFactorEnabled, "User", user.Id, ct: ct);
        await signIn.RefreshSignInAsync(user);
        TempData["StatusMessage"] = "Two-factor sign-in is on.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }
        if (User.IsInRole(Roles.Administrator))
        {
            TempData["StatusMessage"] = "Administrators must keep two-factor sign-in on.";
            return RedirectToPage();
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await audit.RecordAsync(User.ToActor(), AuditActions.TwoFactorDisabled, "User", user.Id, ct: ct);
        await signIn.RefreshSignInAsync(user);
        TempData["StatusMessage"] = "Two-factor sign-in is off.";
        return RedirectToPage();
    }

    private async Task LoadAsync(AppUser user)
    {
        Enabled = user.TwoFactorEnabled;
        Required = User.IsInRole(Roles.Administrator);
        if (Enabled)
        {
            return;
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
            // A new key changes the security stamp: renew this session's cookie so it stays valid.
            await signIn.RefreshSignInAsync(user);
        }
        FormattedKey = FormatKey(key!);
        var uri = $"otpauth://totp/CaseTracker:{Uri.EscapeDataString(user.Email ?? user.Id)}?secret={key}&issuer=CaseTracker&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        QrSvg = new SvgQRCode(data).GetGraphic(4);
    }

    private static string FormatKey(string key)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            sb.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }
        return sb.ToString().TrimEnd().ToLowerInvariant();
    }
}
