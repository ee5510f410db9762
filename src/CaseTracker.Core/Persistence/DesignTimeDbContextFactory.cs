using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CaseTracker.Core.Persistence;

/// <summary>Lets <c>dotnet ef</c> build the model without starting the web app.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<CaseTrackerDbContext>
{
    public CaseTrackerDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__CaseTracker")
            ?? "Host=127.0.0.1;Database=casetracker_design;Username=postgres";
        var options = new DbContextOptionsBuilder<CaseTrackerDbContext>();
        DatabaseSetup.Configure(options, connectionString);
        return new CaseTrackerDbContext(options.Options);
    }
}
