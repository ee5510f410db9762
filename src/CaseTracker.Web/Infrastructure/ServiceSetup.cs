using System.Threading.RateLimiting;
using CaseTracker.Core;
using CaseTracker.Core.Accounts;
using CaseTracker.Core.Auditing;
using CaseTracker.Core.Demo;
using CaseTracker.Core.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Serilog;

namespace CaseTracker.Web;

public static class ServiceSetup
{
    public const string LoginRateLimitPolicy = "login";

    public static WebApplicationBuilder AddCaseTracker(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddSerilog((sp, lc) => lc.ReadFrom.Configuration(configuration).ReadFrom.Services(sp));

        var connectionString = configuration.GetConnectionString("CaseTracker");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "No database is configured: set ConnectionStrings__CaseTracker (scripts/run does this for you).");
        }
        services.AddCaseTrackerCore(connectionString, threadSafetyChecks: !builder.Environment.IsProduction());
        services.AddScoped<DemoDataSeeder>();
        services.AddHttpContextAccessor();
        services.AddSingleton<IRequestOrigin, HttpRequestOrigin>();

        // Keys in PostgreSQL, so that every instance of the app reads the others' cookies and forms.
        services.AddDataProtection().SetApplicationName("CaseTracker").PersistKeysToDbContext<CaseTrackerDbContext>();

        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
                // The password rules are PasswordPolicy's alone (no composition rules): see PolicyPasswordValidator.
                o.Password.RequiredLength = 0;
                o.Password.RequiredUniqueChars = 0;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<CaseTrackerDbContext>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PolicyPasswordValidator>()
            .AddClaimsPrincipalFactory<AppUserClaimsPrincipalFactory>()
            .AddSignInManager<AppSignInManager>();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(3));
        // The session is checked against the database on every request: a disabled user, a sign-out
        // elsewhere or a role change ends the old cookie at once, not at its expiry.
        services.AddScoped<ISecurityStampValidator, SessionStampValidator>();
        var idle = TimeSpan.FromMinutes(configuration.GetValue("CaseTracker:IdleTimeoutMinutes", 30));
        var insecureCookies = builder.Environment.IsDevelopment() || configuration.GetValue("CaseTracker:AllowHttpCookies", false);
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "CaseTracker.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = insecureCookies ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            // Idle timeout: the session ends after this long without a request.
            o.ExpireTimeSpan = idle;
            o.SlidingExpiration = true;
        });
        services.AddSessionCheckOutage();
        services.ConfigureExternalCookie(o => o.Cookie.SecurePolicy = insecureCookies ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "CaseTracker.Antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = insecureCookies ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            var permits = configuration.GetValue("CaseTracker:LoginAttemptsPerMinute", 10);
            o.AddPolicy(LoginRateLimitPolicy, context =>
                HttpMethods.IsPost(context.Request.Method)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("get"));
        });

        services.AddAuthorization(Policies.Configure);
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AuditingAuthorizationResultHandler>();
        // Before AddRazorPages, whose default encoder writes every letter outside ASCII as a character reference.
        services.AddSingleton(PageText.Encoder);
        services.AddRazorPages(o =>
        {
            var c = o.Conventions;
            c.AuthorizePage("/Index", Policies.SignedIn);
            c.AuthorizeFolder("/Cases", Policies.CaseWork);
            c.AuthorizeFolder("/People", Policies.CaseWork);
            c.AuthorizeFolder("/Import", Policies.CaseWork);
            c.AuthorizeFolder("/Lists", Policies.CaseWork);
            c.AuthorizeFolder("/Audit", Policies.Supervision);
            c.AuthorizeFolder("/Dashboard", Policies.Supervision);
            c.AuthorizeFolder("/Admin", Policies.Administration);
            c.AuthorizeFolder("/Account/Manage", Policies.SignedIn);
            c.AuthorizePage("/Account/Logout", Policies.SignedIn);
            c.AllowAnonymousToPage("/Account/Login");
            c.AllowAnonymousToPage("/Account/LoginWith2fa");
            c.AllowAnonymousToPage("/Account/SetPassword");
            c.AllowAnonymousToPage("/Account/AccessDenied");
            c.AllowAnonymousToPage("/Error");
            c.AllowAnonymousToPage("/StatusCode");
        });
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o =>
        {
            // Messages for values that cannot even be read (letters in a number field, an impossible date).
            // Required-ness is the validators' business, with their own messages.
            o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            o.ModelBinderProviders.Insert(0, new SafeModelBinderProvider());
            var m = o.ModelBindingMessageProvider;
            m.SetAttemptedValueIsInvalidAccessor((_, _) => "This value could not be read: check its format.");
            m.SetValueIsInvalidAccessor(_ => "This value could not be read: check its format.");
            m.SetValueMustBeANumberAccessor(_ => "Enter a number.");
            m.SetValueMustNotBeNullAccessor(_ => "This field is required.");
            m.SetMissingBindRequiredValueAccessor(_ => "This field is required.");
            m.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => "This value could not be read: check its format.");
            m.SetUnknownValueIsInvalidAccessor(_ => "This value could not be read: check its format.");
            m.SetNonPropertyValueMustBeANumberAccessor(() => "Enter a number.");
        });
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Trust only a reverse proxy on this machine; see docs/operations.md to widen it.
            o.KnownProxies.Add(System.Net.IPAddress.Loopback);
            o.KnownProxies.Add(System.Net.IPAddress.IPv6Loopback);
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.AddMemoryCache();
        services.AddSingleton<DemoDataNotice>();
        services.AddHostedService<DashboardRefresher>();
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
        return builder;
    }

    public static WebApplication UseCaseTracker(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseExceptionHandler("/Error");
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.UseSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/StatusCode", "?code={0}");
        app.UseStaticFiles();
        app.UseSerilogRequestLogging();
        app.UseClientAborts();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseSessionCheckOutage();
        app.UseAuthorization();
        app.UseMiddleware<RequireTwoFactorMiddleware>();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapRazorPages();
        return app;
    }
}
