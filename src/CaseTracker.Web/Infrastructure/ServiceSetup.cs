using CaseTracker.Core;
using CaseTracker.Core.Accounts;
using CaseTracker.Core.Demo;
using CaseTracker.Core.Persistence;
using CaseTracker.Web.Infrastructure;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Serilog;

namespace CaseTracker.Web;

public static class ServiceSetup
{
    public static WebApplicationBuilder AddCaseTracker(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSerilog((sp, lc) => lc.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(sp));

        var connectionString = builder.Configuration.GetConnectionString("CaseTracker");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "No database is configured: set ConnectionStrings__CaseTracker (scripts/run does this for you).");
        }
        services.AddCaseTrackerCore(connectionString);
        services.AddScoped<DemoDataSeeder>();

        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<CaseTrackerDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<AppUserClaimsPrincipalFactory>();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "CaseTracker.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
        });
        services.AddAntiforgery(o => o.Cookie.Name = "CaseTracker.Antiforgery");

        services.AddAuthorization(Policies.Configure);
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Cases", Policies.CaseWork);
            o.Conventions.AllowAnonymousToPage("/Account/Login");
            o.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
            o.Conventions.AllowAnonymousToPage("/Error");
            o.Conventions.AllowAnonymousToPage("/StatusCode");
        });
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o =>
        {
            // Messages for values that cannot even be read (letters in a number field, an impossible date).
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
        services.AddMemoryCache();
        services.AddSingleton<DemoDataNotice>();
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
        return builder;
    }

    public static WebApplication UseCaseTracker(this WebApplication app)
    {
        app.UseExceptionHandler("/Error");
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/StatusCode", "?code={0}");
        app.UseStaticFiles();
        app.UseSerilogRequestLogging();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapRazorPages();
        return app;
    }
}
