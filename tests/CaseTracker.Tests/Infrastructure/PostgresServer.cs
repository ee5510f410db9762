using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace CaseTracker.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL for the whole test run: the server named by <c>CASETRACKER_TEST_DB</c> (a connection
/// string to a server where the tests may create databases), or else a throwaway cluster started from the
/// machine's own binaries in a temporary folder on a free port, and removed at the end.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private string? _dataDir;
    private string? _pgBin;
    private bool _runAsPostgres;

    /// <summary>A connection string to the server's maintenance database.</summary>
    public string AdminConnectionString { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable("CASETRACKER_TEST_DB");
        if (!string.IsNullOrWhiteSpace(external))
        {
            AdminConnectionString = external;
            return;
        }
        _pgBin = FindBinaries();
        _runAsPostgres = Environment.UserName == "root";
        _dataDir = Path.Combine(Path.GetTempPath(), "casetracker-test-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_dataDir);
        if (_runAsPostgres)
        {
            await RunAsync("chown", $"postgres:postgres {_dataDir}", asPostgres: false);
        }
        var port = FreePort();
        await RunAsync(Path.Combine(_pgBin, "initdb"), $"-D {_dataDir}/data -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8", _runAsPostgres);
        var options = $"-p {port} -k {_dataDir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
        await RunAsync(Path.Combine(_pgBin, "pg_ctl"), $"-D {_dataDir}/data -l {_dataDir}/server.log -w -t 60 -o \"{options}\" start", _runAsPostgres);
        AdminConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false";
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(60, prefix.Length + 33)];
        await using (var conn = new NpgsqlConnection(AdminConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true };
        return builder.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataDir is null || _pgBin is null)
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunAsync(Path.Combine(_pgBin, "pg_ctl"), $"-D {_dataDir}/data -m immediate -w stop", _runAsPostgres);
        }
        finally
        {
            Directory.Delete(_dataDir, recursive: true);
        }
    }

    private static string FindBinaries()
    {
        var configured = Environment.GetEnvironmentVariable("CASETRACKER_PG_BIN");
        if (!string.IsNullOrWhiteSpace(configured) && File.Exists(Path.Combine(configured, "initdb")))
        {
            return configured;
        }
        var found = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return found ?? throw new InvalidOperationException(
            "PostgreSQL server binaries were not found: install postgresql (scripts/test does this), set CASETRACKER_PG_BIN, or set CASETRACKER_TEST_DB to a server.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, string arguments, bool asPostgres)
    {
        var psi = asPostgres
            ? new ProcessStartInfo("runuser", $"-u postgres -- {file} {arguments}")
            : new ProcessStartInfo(file, arguments);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.UseShellExecute = false;
        psi.WorkingDirectory = "/";
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {await stdout} {await stderr}");
        }
    }
}
