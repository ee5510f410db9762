using System.Globalization;
using CaseTracker.Resilience;

// The drivers of scripts/resilience. Each command prints "name: value" lines (its figures) on standard
// output and its progress on standard error. Options are "--name value".
//   edits      --url U --db CS --email E --password P --case ID --clients 20 --rounds 50
//   fuzz       --url U --db CS --password P --submissions N --seed S [--log FILE]
//   db-load    --url U --email E --password P --case ID --out DIR --stop-file F --max-seconds S
//   db-report  --out DIR --db CS --window S
//   scale-out  --a URL --b URL --proxy URL --db CS --email E --password P --case ID --rounds R
var command = args.Length > 0 ? args[0] : "";
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 1; i + 1 < args.Length; i += 2)
{
    options[args[i].TrimStart('-')] = args[i + 1];
}
string Opt(string name) => options.TryGetValue(name, out var v) ? v : throw new ArgumentException($"--{name} is required");
int Int(string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
void Progress(string message) => Console.Error.WriteLine($"[resilience {DateTime.Now:HH:mm:ss}] {message}");

using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cts.Cancel();
};
var ct = cts.Token;

switch (command)
{
    case "edits":
    {
        var url = new Uri(Opt("url"));
        var clients = new List<WebUser>();
        for (var i = 0; i < Int("clients", 20); i++)
        {
            var user = new WebUser(url);
            if (!await user.SignInAsync(Opt("email"), Opt("password"), ct))
            {
                throw new InvalidOperationException("sign-in failed");
            }
            clients.Add(user);
        }
        Progress($"{clients.Count} editors signed in; {Int("rounds", 50)} rounds each on case {Opt("case")}");
        var started = DateTime.UtcNow;
        var report = await ConcurrentEdits.RunAsync(clients, Int("case", 0), Int("rounds", 50), Opt("db"), ct);
        foreach (var problem in report.Problems.Take(50))
        {
            Progress(problem);
        }
        foreach (var line in report.Figures("concurrent_edits"))
        {
            Console.WriteLine(line);
        }
        Console.WriteLine($"concurrent_edits.seconds: {(DateTime.UtcNow - started).TotalSeconds:F1}");
        clients.ForEach(c => c.Dispose());
        return 0;
    }
    case "fuzz":
    {
        var url = new Uri(Opt("url"));
        var password = Opt("password");
        using var logFile = options.TryGetValue("log", out var logPath) ? new StreamWriter(logPath) { AutoFlush = true } : null;
        void Log(string line) => logFile?.WriteLine(line);
        var setup = await FormDiscovery.PrepareAsync(() => new WebUser(url),
            new Account("Caseworker", "caseworker@casetracker.local", password),
            new Account("Supervisor", "supervisor@casetracker.local", password),
            new Account("Administrator", "admin@casetracker.local", password), ct);
        Progress($"{setup.Targets.Count} forms found:");
        foreach (var t in setup.Targets)
        {
            Progress($"  {t.Key} ({t.Form.Fields.Count} fields)");
            Log($"form {t.Key}: {string.Join(' ', t.Form.Fields.Select(f => f.Name))}");
        }
        var fuzzer = new FormFuzzer(Opt("db"), Log);
        var started = DateTime.UtcNow;
        var report = await fuzzer.RunAsync(setup.Targets, Int("submissions", 10_000), Opt("seed"), setup.SignInAgain, ct);
        var stored = await FormFuzzer.StoredEchoesAsync(setup.Pages, ct);
        foreach (var problem in report.Problems)
        {
            Log($"problem {problem}");
        }
        foreach (var (form, n) in report.PerForm.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            Log($"submissions {n} {form}");
        }
        foreach (var line in report.Figures("fuzz"))
        {
            Console.WriteLine(line);
        }
        Console.WriteLine($"fuzz.stored_unencoded_echo: {stored}");
        Console.WriteLine($"fuzz.seconds: {(DateTime.UtcNow - started).TotalSeconds:F0}");
        foreach (var u in setup.Users)
        {
            u.Dispose();
        }
        return 0;
    }
    case "db-load":
        return await DatabaseRestart.LoadAsync(new Uri(Opt("url")), Opt("email"), Opt("password"), Int("case", 0), Opt("out"), Opt("stop-file"),
            TimeSpan.FromSeconds(Int("max-seconds", 600)), Progress, ct);
    case "db-report":
        foreach (var line in await DatabaseRestart.ReportAsync(Opt("out"), Opt("db"), Int("window", 10), Progress, ct))
        {
            Console.WriteLine(line);
        }
        return 0;
    case "scale-out":
        foreach (var line in await ScaleOut.RunAsync([new Uri(Opt("a")), new Uri(Opt("b")), new Uri(Opt("proxy"))], Opt("db"), Opt("email"), Opt("password"),
            Int("case", 0), Int("rounds", 5), Progress, ct))
        {
            Console.WriteLine(line);
        }
        return 0;
    default:
        await Console.Error.WriteLineAsync("usage: CaseTracker.Resilience edits|fuzz|db-load|db-report|scale-out --option value ... (see Program.cs)");
        return 2;
}
