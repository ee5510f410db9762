using CaseTracker.Core.Accounts;
using CaseTracker.Core.Auditing;
using CaseTracker.Core.Cases;
using CaseTracker.Core.People;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CaseTracker.Core.Persistence;

public sealed class CaseTrackerDbContext(DbContextOptions<CaseTrackerDbContext> options)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<CasePerson> CasePeople => Set<CasePerson>();
    public DbSet<Person> Persons => Set<Person>();
    public DbSet<PersonAlias> PersonAliases => Set<PersonAlias>();
    public DbSet<PersonNameKey> PersonNameKeys => Set<PersonNameKey>();
    public DbSet<SeedRecord> SeedRecords => Set<SeedRecord>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<CaseWork.CaseEvent> CaseEvents => Set<CaseWork.CaseEvent>();
    public DbSet<CaseWork.CaseTask> CaseTasks => Set<CaseWork.CaseTask>();
    public DbSet<Lists.RepresentationList> Lists => Set<Lists.RepresentationList>();
    public DbSet<Lists.ListEntry> ListEntries => Set<Lists.ListEntry>();
    public DbSet<Lists.ListDelivery> ListDeliveries => Set<Lists.ListDelivery>();
    public DbSet<Lists.ListAnswer> ListAnswers => Set<Lists.ListAnswer>();
    public DbSet<Lists.ListReconciliation> ListReconciliations => Set<Lists.ListReconciliation>();

    /// <summary>ASP.NET Core Data Protection keys, shared by every instance of the app.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PersonNameIndex.Refresh(this);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await PersonNameIndex.RefreshAsync(this, cancellationToken);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("pg_trgm");
        foreach (var category in Enum.GetValues<CaseCategory>())
        {
            builder.HasSequence<int>(CaseCategories.ReferenceSequence(category)).StartsAt(1);
        }
        IdentityConfiguration.Configure(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CaseTrackerDbContext).Assembly);
        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
    }
}
