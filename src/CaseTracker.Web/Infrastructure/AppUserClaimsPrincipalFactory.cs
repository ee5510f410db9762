using System.Security.Claims;
using CaseTracker.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CaseTracker.Web.Infrastructure;

/// <summary>Adds the user's display name and whether two-factor sign-in is on to the sign-in cookie.</summary>
public sealed class AppUserClaimsPrincipalFactory(
    UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    public const string DisplayNameClaim = "display_name";
    public const string TwoFactorClaim = "two_factor";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        identity.AddClaim(new Claim(TwoFactorClaim, user.TwoFactorEnabled ? "on" : "off"));
        return identity;
    }
}
