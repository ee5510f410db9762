using System.Net;
using CaseTracker.Core.Accounts;
using CaseTracker.Core.Cases;
using CaseTracker.Core.CaseWork;
using CaseTracker.Core.Common;
using CaseTracker.Core.Persistence;
using CaseTracker.Tests.Cases;
using CaseTracker.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CaseTracker.Tests.Operations;

/// <summary>
/// The app's connections to PostgreSQL dropped by the server (as after a restart or a failover): requests retry on
/// fresh connections instead of failing, and a unit of work retried after a failure is written exactly once.
/// </summary>
public sealed class ConnectionResilienceTests(TestApp app) : IntegrationTest(app)
{
    /// <summary>Ends every other session on the test database, as a server restart would (SQL state 57P01).</summary>
    private async Task<int> TerminateOtherSessionsAsync(int? onlyPid = null)
    {
        await using var conn = new NpgsqlConnection(App.ConnectionString);
        await conn.OpenAsync(Ct);
        await using var cmd = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND ($1::int IS NULL OR pid = $1)", conn);
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)onlyPid ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
        var ended = Convert.ToInt32(await cmd.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
        // The tests' own pooled connections were ended too; only their pool is cleared (the app's has its own
        // connection string), so that the app has to cope with its dead connections itself.
        NpgsqlConnection.ClearPool(conn);
        return ended;
    }

    public override ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        return base.DisposeAsync();
    }

    [Fact]
    public async Task After_the_server_drops_every_connection_pages_and_writes_succeed_and_the_note_is_recorded_once()
    {
        var (client, user) = await SignInAsync();
        var c = await CreatedAsync(CaseBuilder.Spouse(), user);
        // Warm the app's pool: several connections open and idle.
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.Http.GetAsync($"/Cases/{c.Id}", Ct)));
        var form = await client.GetFormAsync($"/Cases/{c.Id}", "[data-testid=entry-form]");
        form["Entry.Text"] = "Called the consulate after the outage.";

        Assert.True(await TerminateOtherSessionsAsync() > 0);

        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/health/ready", Ct)).StatusCode);
        var list = await client.GetPageAsync("/Cases");
        Assert.Contains(c.Reference, list.QuerySelector("[data-testid=case-table]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(form)).StatusCode);

        await TerminateOtherSessionsAsync();
        // The same form posted again after another drop (the user did not see the answer): still one entry.
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(form)).StatusCode);
        var notes = await WithDbAsync(db => db.CaseEvents.CountAsync(e => e.CaseId == c.Id && e.Text == "Called the consulate after the outage.", Ct));
        Assert.Equal(1, notes);
    }

    [Fact]
    public async Task A_unit_of_work_whose_connection_dies_midway_is_retried_from_scratch_and_written_once()
    {
        var (_, user) = await SignInAsync();
        var actor = TestApp.ActorOf(user, Roles.Caseworker);
        var c = await CreatedAsync(CaseBuilder.Spouse(), actor);
        var attempts = 0;

        await using (var scope = App.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CaseTrackerDbContext>();
            var written = await db.RetryingAsync(async ct =>
            {
                attempts++;
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var entry = new CaseEvent
                {
                    Id = Guid.NewGuid(), CaseId = c.Id, Kind = CaseEventKind.Note, OccurredOn = new DateOnly(1985, 12, 7),
                    RecordedAt = DateTimeOffset.UtcNow, AuthorId = user.Id, Text = $"attempt {attempts}",
                };
                db.CaseEvents.Add(entry);
                // Saved inside the transaction: the entity is now marked as saved in the change tracker.
                await db.SaveChangesAsync(ct);
                if (attempts == 1)
                {
                    // The server ends this very session before the commit.
                    var pid = await db.Database.SqlQuery<int>($"SELECT pg_backend_pid() AS \"Value\"").SingleAsync(ct);
                    Assert.Equal(1, await TerminateOtherSessionsAsync(pid));
                }
                await tx.CommitAsync(ct);
                return entry.Id;
            }, Ct);

            Assert.Equal(2, attempts);
            // Nothing of the failed attempt is left in the change tracker to be carried into the next save.
            Assert.DoesNotContain(db.ChangeTracker.Entries<CaseEvent>(), e => e.Entity.Text == "attempt 1");
            Assert.Equal("attempt 2", await db.CaseEvents.AsNoTracking().Where(e => e.Id == written).Select(e => e.Text).SingleAsync(Ct));
        }
        var texts = await WithDbAsync(db => db.CaseEvents.Where(e => e.CaseId == c.Id && e.Kind == CaseEventKind.Note).Select(e => e.Text).ToListAsync(Ct));
        Assert.Equal(["attempt 2"], texts);
    }

    [Fact]
    public void The_strategy_treats_a_dropped_connection_as_transient_and_a_constraint_violation_as_final()
    {
        Assert.True(CaseTrackerExecutionStrategy.IsConnectionLost(new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", PostgresErrorCodes.AdminShutdown)));
        Assert.True(CaseTrackerExecutionStrategy.IsConnectionLost(new NpgsqlException("Exception while reading from stream", new EndOfStreamException())));
        Assert.False(CaseTrackerExecutionStrategy.IsConnectionLost(new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation)));
    }
}
