using System.Diagnostics;
using System.Globalization;
using CaseTracker.Core;
using CaseTracker.Core.Accounts;
using CaseTracker.Core.Cases;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CaseTracker.Bench;

/// <summary>
/// The product's write path against raw binary COPY of the same cases. There is no CSV import service in
/// CaseTracker.Core yet, so this is a stand-in: N cases through <see cref="CaseService.CreateAsync"/> (validation,
/// reference number, people, name keys, urgency, audit row, commit; one transaction per case, as the service
/// opens its own), then the same N generated cases (new ids) by binary COPY of cases, persons, case_people and
/// person_name_keys. Prints name: value lines.
/// </summary>
internal static class WritePathBench
{
    public static async Task<int> RunAsync(string connectionString, int count, CancellationToken ct)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.ClearProviders());
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddCaseTrackerCore(connectionString);
        await using var provider = services.BuildServiceProvider();

        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync(ct);
        string caseworkerId;
        await using (var cmd = new NpgsqlCommand("SELECT id FROM users WHERE normalized_email = 'CASEWORKER@CASETRACKER.LOCAL'", db))
        {
            caseworkerId = (string)(await cmd.ExecuteScalarAsync(ct))!;
        }
        var actor = new Actor(caseworkerId, "caseworker@casetracker.local", new HashSet<string> { Roles.Caseworker });
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        // Same generator as the load, without shared people or odd spellings (the form takes new people only).
        var factory = new CaseFactory(new Random(7), [caseworkerId], today, sharePeople: false, onlyDisplaySpelling: true);
        var cases = Enumerable.Range(0, count).Select(_ => factory.Make(0, "")).ToList();

        // Warm up the service (EF model, compiled queries) on a few cases not timed.
        foreach (var c in cases.Take(20))
        {
            await CreateAsync(provider, c, actor, ct);
        }
        var create = Stopwatch.StartNew();
        var failed = 0;
        foreach (var c in cases)
        {
            failed += await CreateAsync(provider, c, actor, ct) ? 0 : 1;
        }
        create.Stop();

        var firstCaseId = await Generator.ScalarAsync<int>(db, "SELECT max(id) + 1 FROM cases", ct);
        var firstPersonId = await Generator.ScalarAsync<int>(db, "SELECT max(id) FROM persons", ct);
        var aliasId = await Generator.ScalarAsync<int>(db, "SELECT COALESCE(max(id), 0) FROM person_aliases", ct);
        var keyId = await Generator.ScalarAsync<long>(db, "SELECT max(id) FROM person_name_keys", ct);
        var nextPerson = firstPersonId;
        var copy = Stopwatch.StartNew();
        await using (var writer = await CopyWriter.OpenAsync(connectionString, aliasId, keyId, withCaseWork: false, ct))
        {
            var i = 0;
            foreach (var c in cases)
            {
                c.Id = firstCaseId + i;
                c.Reference = "BENCH-" + (i++).ToString(CultureInfo.InvariantCulture);
                foreach (var (person, _, _) in c.People)
                {
                    person.Id = ++nextPerson;
                }
                writer.Write(c);
            }
            await writer.CompleteAsync(ct);
        }
        copy.Stop();
        foreach (var (table, column) in new[] { ("cases", "id"), ("persons", "id"), ("person_name_keys", "id") })
        {
            await Generator.ExecAsync(db, $"SELECT setval(pg_get_serial_sequence('public.{table}', '{column}'), (SELECT max({column}) FROM {table}))", ct);
        }

        var createRate = (count - failed) / create.Elapsed.TotalSeconds;
        var copyRate = count / copy.Elapsed.TotalSeconds;
        Console.WriteLine($"write_path.cases: {count}");
        Console.WriteLine($"write_path.failed: {failed}");
        Console.WriteLine($"write_path.create_cases_per_s: {createRate.ToString("0", CultureInfo.InvariantCulture)}");
        Console.WriteLine($"write_path.copy_cases_per_s: {copyRate.ToString("0", CultureInfo.InvariantCulture)}");
        Console.WriteLine($"write_path.ratio_create_vs_copy: {(createRate / copyRate).ToString("0.000", CultureInfo.InvariantCulture)}");
        return failed == 0 ? 0 : 1;
    }

    private static async Task<bool> CreateAsync(IServiceProvider provider, GenCase c, Actor actor, CancellationToken ct)
    {
        // One scope (one DbContext) per case, as one request of the app.
        await using var scope = provider.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<CaseService>();
        var result = await service.CreateAsync(CaseFactory.ToCommand(c), actor, ct);
        if (result is Core.Common.Result<CaseDetails>.Invalid invalid)
        {
            await Console.Error.WriteLineAsync("invalid: " + string.Join("; ", invalid.Errors.Select(e => $"{e.Field}: {e.Message}")));
            return false;
        }
        return result is Core.Common.Result<CaseDetails>.Ok;
    }
}
