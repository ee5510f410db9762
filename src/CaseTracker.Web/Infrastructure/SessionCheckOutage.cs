using System.Runtime.ExceptionServices;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;

namespace CaseTracker.Web;

/// <summary>
/// The session check (the security stamp, read from the database on every request) when the database is down.
/// Thrown from inside authentication, the error would also fail the error page, which authenticates again, and the
/// user would get an empty 500. So the check's database error is kept aside and thrown again just after
/// authentication, where the error page (503, "Temporarily unavailable") handles it like any other.
/// </summary>
public static class SessionCheckOutage
{
    private const string Key = "CaseTracker.SessionCheckFailed";

    public static IServiceCollection AddSessionCheckOutage(this IServiceCollection services) =>
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
        {
            var validate = o.Events.OnValidatePrincipal;
            o.Events.OnValidatePrincipal = async context =>
            {
                try
                {
                    await validate(context);
                }
                catch (Exception e) when (e is Npgsql.NpgsqlException || Core.Persistence.DatabaseFailures.IsUnavailable(e))
                {
                    context.HttpContext.Items[Key] = ExceptionDispatchInfo.Capture(e);
                }
            };
        });

    public static IApplicationBuilder UseSessionCheckOutage(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Items[Key] is ExceptionDispatchInfo failed && context.Features.Get<IExceptionHandlerFeature>() is null)
            {
                failed.Throw();
            }
            await next(context);
        });
}
