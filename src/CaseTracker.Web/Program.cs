using CaseTracker.Web;
using Serilog;

// One entry point, three commands: `migrate` applies the migrations, `seed-demo` loads the demo data once,
// and no command serves the app.
var command = args.FirstOrDefault(a => !a.StartsWith('-')) is { } first && HostCommands.IsCommand(first) ? first : null;
var hostArgs = command is null ? args : args.Where(a => a != command).ToArray();

var builder = WebApplication.CreateBuilder(hostArgs);
builder.AddCaseTracker();
var app = builder.Build();

if (command is not null)
{
    return await HostCommands.RunAsync(app, command);
}

if (!app.Environment.IsDevelopment() && !await HostCommands.DatabaseIsMigratedAsync(app))
{
    // Production never migrates by itself: migrations are their own step (the migrate command).
    return 3;
}

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

/// <summary>Visible to the integration tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;
