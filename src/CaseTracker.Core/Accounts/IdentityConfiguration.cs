using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CaseTracker.Core.Accounts;

internal static class IdentityConfiguration
{
    /// <summary>Stable ids of the three roles, created by the migrations so every database has them.</summary>
    public static readonly IReadOnlyList<IdentityRole> SeededRoles =
    [
        new() { Id = "3d1f3a52-0c4e-4a55-9b0e-6f3c2b8c1a01", Name = Roles.Caseworker, NormalizedName = "CASEWORKER", ConcurrencyStamp = "caseworker-v1" },
        new() { Id = "3d1f3a52-0c4e-4a55-9b0e-6f3c2b8c1a02", Name = Roles.Supervisor, NormalizedName = "SUPERVISOR", ConcurrencyStamp = "supervisor-v1" },
        new() { Id = "3d1f3a52-0c4e-4a55-9b0e-6f3c2b8c1a03", Name = Roles.Administrator, NormalizedName = "ADMINISTRATOR", ConcurrencyStamp = "administrator-v1" },
    ];

    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<AppUser>(b =>
        {
            b.ToTable("users");
            b.Property(u => u.DisplayName).HasMaxLength(100).IsRequired();
        });
        builder.Entity<IdentityRole>(b =>
        {
            b.ToTable("roles");
            b.HasData(SeededRoles);
        });
        builder.Entity<IdentityUserRole<string>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<string>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("role_claims");
    }
}
