using CaseTracker.Web;
using Npgsql;
using Serilog;

namespace CaseTracker.Bench;

/// <summary>
/// scripts/bench's helper. Commands:
/// <c>generate --cases N [--seed S]</c> loads N generated cases by binary COPY;
/// <c>write-path --cases N [--rounds R]</c> times the product's CSV import of N cases against binary COPY of the same cases,
/// R times each (3 unless told), side by side;
/// <c>import-csv --cases N</c> writes N generated cases as an import file to standard output;
/// <c>import-preview --cases N</c> times the import's preview of N cases (read, check, duplicate warnings), writing nothing;
/// no command serves the product (its own <c>AddCaseTracker</c>/<c>UseCaseTracker</c>) plus the baseline page
/// <c>/BenchBaseline</c>, so that both run in one process.
/// The database is ConnectionStrings__CaseTracker, as for the app.
/// </summary>
public static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        var command = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : null;
        switch (command)
        {
            case "generate":
                return await Generator.RunAsync(ConnectionString(), Option(args, "--cases", 1_000_000), Option(args, "--seed", 1985), CancellationToken.None);
            case "write-path":
                return await WritePathBench.RunAsync(ConnectionString(), Option(args, "--cases", 100_000), Math.Max(1, Option(args, "--rounds", 3)), CancellationToken.None);
            case "import-csv":
                // N generated cases as an import file, to standard output (for trying the import page by hand).
                Console.Out.Write(WritePathBench.Csv(WritePathBench.Generate(Option(args, "--cases", 100_000), Option(args, "--seed", 11))));
                return 0;
            case "import-phases":
                return ImportPhases.Run(Option(args, "--cases", 100_000));
            case "import-preview":
                return await WritePathBench.PreviewAsync(ConnectionString(), Option(args, "--cases", 100_000), CancellationToken.None);
            case null:
                return await ServeAsync(args);
            default:
                await Console.Error.WriteLineAsync($"unknown command {command}");
                return 2;
        }
    }

    private static async Task<int> ServeAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // The product's appsettings (logging) apply to the bench host as to the app.
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.AddCaseTracker();
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(ConnectionString()));
        var app = builder.Build();
        app.UseCaseTracker();
        try
        {
            await app.RunAsync();
            return 0;
        }
        finally
        {
            await Log.CloseAndFlushAsync();
        }
    }

    internal static string ConnectionString() =>
        Environment.GetEnvironmentVariable("ConnectionStrings__CaseTracker") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException("Set ConnectionStrings__CaseTracker.");

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    }
}
