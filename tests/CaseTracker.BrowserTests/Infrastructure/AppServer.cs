using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using CaseTracker.Tests.Infrastructure;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(CaseTracker.BrowserTests.Infrastructure.AppServer))]

namespace CaseTracker.BrowserTests.Infrastructure;

/// <summary>
/// The app under test, once per run, as it runs in production: a throwaway PostgreSQL (the integration tests'
/// <see cref="PostgresServer"/>), the built <c>CaseTracker.Web.dll</c> started as a child process on a real
/// Kestrel (<c>migrate</c>, then <c>seed-demo</c>, then serving on a free port), and Debian's Chromium driven by
/// Playwright. The tests share the app and its database, so each one creates the data it changes, under unique names.
/// </summary>
public sealed class AppServer : IAsyncLifetime
{
    public const string DemoPassword = "Browser-tests-Geneva-1985";
    public const string Caseworker = "caseworker@casetracker.local";
    public const string Supervisor = "supervisor@casetracker.local";
    public const string Administrator = "admin@casetracker.local";

    /// <summary>The flags every browser of the suite starts with (see CONVENTIONS.md, "Tests").</summary>
    public static readonly string[] ChromiumFlags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(120);

    private readonly PostgresServer _postgres = new();
    private readonly ConcurrentQueue<string> _appOutput = new();
    private readonly ConcurrentBag<AxePageReport> _axeReports = [];
    private readonly SemaphoreSlim _adminLock = new(1, 1);
    private Process? _app;
    private string _connectionString = "";
    private string _webDirectory = "";
    private string _webDll = "";
    private long _lastTotpStep;
    private bool _postgresStopped;

    public string BaseUrl { get; private set; } = "";
    public string RepositoryRoot { get; private set; } = "";
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The demo administrator's authenticator key, once a test has turned on two-factor sign-in.</summary>
    private string? _adminKey;

    public async ValueTask InitializeAsync()
    {
        // Playwright must never fetch a browser of its own: the tests use the machine's Chromium.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        RepositoryRoot = FindRepositoryRoot();
        _webDirectory = Path.Combine(RepositoryRoot, "src", "CaseTracker.Web");
        var configuration = typeof(AppServer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "Configuration")?.Value ?? "Debug";
        _webDll = Path.Combine(_webDirectory, "bin", configuration, "net10.0", "CaseTracker.Web.dll");
        if (!File.Exists(_webDll))
        {
            throw new InvalidOperationException($"The app is not built: {_webDll} is missing (build CaseTracker.sln in {configuration}).");
        }

        try
        {
            await _postgres.InitializeAsync();
            _connectionString = await _postgres.CreateDatabaseAsync("casetracker_browser");
            BaseUrl = $"http://127.0.0.1:{FreePort()}";

            await RunCommandAsync("migrate");
            await RunCommandAsync("seed-demo");
            _app = StartApp();
            await WaitUntilReadyAsync();

            Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
            Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath(),
                Headless = true,
                Args = ChromiumFlags,
            });
        }
        catch
        {
            // Leave no app process or database cluster behind when the run cannot start.
            await DisposeAsync();
            throw;
        }
    }

    /// <summary><c>CASETRACKER_CHROMIUM</c>, or Debian's <c>/usr/bin/chromium</c>.</summary>
    public static string ChromiumPath()
    {
        var configured = Environment.GetEnvironmentVariable("CASETRACKER_CHROMIUM");
        var path = string.IsNullOrWhiteSpace(configured) ? "/usr/bin/chromium" : configured;
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"Chromium was not found at {path}: install Debian's chromium (scripts/test does this) or set CASETRACKER_CHROMIUM.");
    }

    /// <summary>A new browser context: its own cookies and storage, a 1366×900 viewport, the app as base address.</summary>
    public async Task<IBrowserContext> NewContextAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
            Locale = "en-GB",
            TimezoneId = "UTC",
        });
        context.SetDefaultTimeout(20_000);
        // Generous for a loaded 2-core CI machine, where both test projects and PostgreSQL share the cores.
        context.SetDefaultNavigationTimeout(60_000);
        return context;
    }

    /// <summary>
    /// The next authenticator code for the demo administrator, given the key the setup page showed the first
    /// time. Never the same code twice: a used code may be refused, so this waits for the next 30-second step.
    /// </summary>
    public async Task<string> NextAdminCodeAsync(string? keyShownOnSetup = null)
    {
        await _adminLock.WaitAsync();
        try
        {
            if (keyShownOnSetup is not null)
            {
                _adminKey = keyShownOnSetup.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
            }
            var key = _adminKey ?? throw new InvalidOperationException("The administrator's two-factor sign-in has not been set up yet.");
            var now = DateTimeOffset.UtcNow;
            var step = now.ToUnixTimeSeconds() / 30;
            if (step <= _lastTotpStep)
            {
                await Task.Delay(TimeSpan.FromSeconds(((_lastTotpStep + 1) * 30) - now.ToUnixTimeSeconds() + 1));
                now = DateTimeOffset.UtcNow;
                step = now.ToUnixTimeSeconds() / 30;
            }
            _lastTotpStep = step;
            return Totp.Code(key, now);
        }
        finally
        {
            _adminLock.Release();
        }
    }

    public bool AdminTwoFactorIsSetUp => _adminKey is not null;

    /// <summary>Fails at once, with the app's last words, when the app is no longer running.</summary>
    public void EnsureRunning()
    {
        if (_app is { HasExited: true } app)
        {
            throw new InvalidOperationException($"The app stopped (exit code {app.ExitCode}) during the run:{Environment.NewLine}{AppOutputTail()}");
        }
    }

    /// <summary>The last lines the app wrote, for failure messages.</summary>
    public string AppOutputTail(int lines = 60) => string.Join(Environment.NewLine, _appOutput.TakeLast(lines));

    public void Record(AxePageReport report) => _axeReports.Add(report);

    public async ValueTask DisposeAsync()
    {
        try
        {
            WriteAxeSummary();
            if (Browser is not null)
            {
                await Browser.CloseAsync();
                Browser = null!;
            }
            Playwright?.Dispose();
            Playwright = null!;
        }
        finally
        {
            if (_app is not null)
            {
                if (!_app.HasExited)
                {
                    _app.Kill(entireProcessTree: true);
                    await _app.WaitForExitAsync();
                }
                _app.Dispose();
                _app = null;
            }
            if (!_postgresStopped)
            {
                _postgresStopped = true;
                await _postgres.DisposeAsync();
            }
            _adminLock.Dispose();
        }
    }

    /// <summary>Every page's axe results, serious or not, in <c>.test-output/axe-report.txt</c>.</summary>
    private void WriteAxeSummary()
    {
        if (_axeReports.IsEmpty || string.IsNullOrEmpty(RepositoryRoot))
        {
            return;
        }
        var lines = new List<string>();
        foreach (var report in _axeReports.OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            lines.Add($"{report.Name} ({report.Url}): {report.Violations.Count} violation(s)");
            lines.AddRange(report.Violations.Select(v => "  " + v));
        }
        var dir = Path.Combine(RepositoryRoot, ".test-output");
        Directory.CreateDirectory(dir);
        File.WriteAllLines(Path.Combine(dir, "axe-report.txt"), lines);
    }

    private Dictionary<string, string> AppEnvironment() => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["ASPNETCORE_URLS"] = BaseUrl,
        ["ConnectionStrings__CaseTracker"] = _connectionString,
        ["CASETRACKER_DEMO_PASSWORD"] = DemoPassword,
        ["Serilog__MinimumLevel__Default"] = "Warning",
        // Every test signs in from 127.0.0.1; the login rate limit has its own integration test.
        ["CaseTracker__LoginAttemptsPerMinute"] = "100000",
    };

    private ProcessStartInfo StartInfo(string? command)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        var psi = new ProcessStartInfo(string.IsNullOrEmpty(dotnet) || !File.Exists(dotnet) ? "dotnet" : dotnet)
        {
            // The content root is the project folder, where wwwroot is.
            WorkingDirectory = _webDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(_webDll);
        if (command is not null)
        {
            psi.ArgumentList.Add(command);
        }
        foreach (var (name, value) in AppEnvironment())
        {
            psi.Environment[name] = value;
        }
        return psi;
    }

    private async Task RunCommandAsync(string command)
    {
        using var process = Process.Start(StartInfo(command))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(StartupTimeout);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"CaseTracker.Web.dll {command} failed ({process.ExitCode}): {await stdout} {await stderr}");
        }
    }

    private Process StartApp()
    {
        var process = new Process { StartInfo = StartInfo(null), EnableRaisingEvents = true };
        void Keep(object? sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }
            _appOutput.Enqueue(e.Data);
            while (_appOutput.Count > 500)
            {
                _appOutput.TryDequeue(out _);
            }
        }
        process.OutputDataReceived += Keep;
        process.ErrorDataReceived += Keep;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartupTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_app!.HasExited)
            {
                throw new InvalidOperationException($"The app stopped with exit code {_app.ExitCode}:{Environment.NewLine}{AppOutputTail()}");
            }
            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Slow to answer while starting.
            }
            await Task.Delay(250);
        }
        throw new InvalidOperationException($"The app was not ready at {BaseUrl}/health/ready within {StartupTimeout.TotalSeconds} s:{Environment.NewLine}{AppOutputTail()}");
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CaseTracker.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"CaseTracker.sln was not found above {AppContext.BaseDirectory}.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
