using System.Security.Claims;
using CaseTracker.Core.Accounts;
using CaseTracker.Core.Persistence;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseTracker.Web.Infrastructure;

/// <summary>
/// The session check on every request: the security stamp in the cookie against the user's stamp in the database.
/// Everything that must end a session changes the stamp (sign-out, disabling the account, a role change, two-factor
/// turned on or reset), so a cookie whose stamp no longer matches is refused at once, as with Identity's own validator
/// at a zero interval. Unlike that validator, it reads the stamp alone (one indexed row) and keeps the principal as
/// it is, instead of rebuilding it from the user, their roles and claims (five statements) and re-issuing the
/// cookie on every request. The principal never changes while its stamp is current, so rebuilding it gave the same
/// claims; the cookie is still renewed by sliding expiration.
/// </summary>
public sealed class SessionStampValidator(CaseTrackerDbContext db, IOptions<IdentityOptions> options) : ISecurityStampValidator
{
    private static readonly Func<CaseTrackerDbContext, string, Task<string?>> StampOf =
        CompiledQueries.OneCompile(EF.CompileAsyncQuery((CaseTrackerDbContext db, string id) =>
            db.Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).FirstOrDefault()));

    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var claims = options.Value.ClaimsIdentity;
        var id = context.Principal?.FindFirstValue(claims.UserIdClaimType);
        var stamp = context.Principal?.FindFirstValue(claims.SecurityStampClaimType);
        if (id is not null && stamp is not null && await StampOf(db, id) == stamp)
        {
            return;
        }
        // As Identity's validator does: the session cookie and any half-finished sign-in (external, two-factor) end.
        context.RejectPrincipal();
        await context.HttpContext.RequestServices.GetRequiredService<SignInManager<AppUser>>().SignOutAsync();
    }
}
