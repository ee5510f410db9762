using System.Net;
using System.Text.RegularExpressions;

namespace CaseTracker.Resilience;

/// <summary>A sign-in of one role.</summary>
public sealed record Account(string Role, string Email, string Password)
{
    public string? AuthenticatorKey { get; set; }
}

/// <summary>The forms to fuzz, their users, and the pages to re-read for stored input afterwards.</summary>
public sealed record FuzzSetup(
    IReadOnlyList<FuzzTarget> Targets, Func<FuzzTarget, Task<bool>> SignInAgain, IReadOnlyList<(WebUser User, string Url)> Pages, IReadOnlyList<WebUser> Users);

/// <summary>
/// Finds the forms a user can reach: reads the pages of each role, follows links to one or two of each kind
/// of record page (a case, its edit page, a person, a list, an answer, a reconciliation), and reads every
/// &lt;form&gt; with its fields. Forms that only end sessions or change accounts' standing (sign out, disable,
/// roles, reset two-factor, undo a merge) are left out, so the run keeps its users.
/// </summary>
public static partial class FormDiscovery
{
    private static readonly string[] DeniedHandlers = ["Disable", "Enable", "Roles", "ResetTwoFactor", "Invitation", "Unmerge"];

    private static readonly Regex[] RecordPages =
    [
        CaseRegex(), CaseEditRegex(), PersonRegex(), ListRegex(), AnswerRegex(), ReconcileRegex(),
    ];

    public static async Task<FuzzSetup> PrepareAsync(Func<WebUser> newUser, Account caseworker, Account supervisor, Account admin, CancellationToken ct)
    {
        var users = new List<WebUser>();
        async Task<WebUser> SignedIn(Account account)
        {
            var user = newUser();
            users.Add(user);
            user.AuthenticatorKey = account.AuthenticatorKey;
            if (!await user.SignInAsync(account.Email, account.Password, ct))
            {
                throw new InvalidOperationException($"{account.Role} could not sign in");
            }
            account.AuthenticatorKey = user.AuthenticatorKey;
            return user;
        }
        var cw = await SignedIn(caseworker);
        var sv = await SignedIn(supervisor);
        var ad = await SignedIn(admin);

        var targets = new List<FuzzTarget>();
        var pages = new List<(WebUser, string)>();
        await DiscoverAsync("caseworker", cw, ["/Cases", "/Cases/Create", "/People?q=Sharansky", "/Lists", "/Import"], targets, pages, ct);
        await DiscoverAsync("supervisor", sv, ["/Dashboard", "/Audit", "/Cases", "/Account/Manage/TwoFactor"], targets, pages, ct);
        await DiscoverAsync("admin", ad, ["/Admin/Users/Create", "/Admin/Users"], targets, pages, ct);

        // Anonymous forms: sign-in, the second step of an administrator's sign-in, and an invitation's set-password page.
        var anonymous = newUser();
        users.Add(anonymous);
        await DiscoverAsync("anonymous", anonymous, ["/Account/Login"], targets, pages, ct);

        var create = (await ad.GetAsync("/Admin/Users/Create", ct)).Form("main form[method=post]")
            ?? throw new InvalidOperationException("No user creation form");
        var invitee = create.DefaultFields()
            .With("Input.DisplayName", "Fuzz invitee")
            .With("Input.Email", $"fuzz-invitee-{Guid.NewGuid():N}@example.org")
            .With("Input.Roles", "Caseworker");
        var created = await ad.SubmitAsync(create, invitee, ct: ct);
        if (SetPasswordLink().Match(created.Body) is { Success: true } link)
        {
            var invited = newUser();
            users.Add(invited);
            await DiscoverAsync("anonymous", invited, [WebUtility.HtmlDecode(link.Value)], targets, pages, ct);
        }

        var second = newUser();
        users.Add(second);
        var login = (await second.GetAsync("/Account/Login", ct)).Form()!;
        var step = await second.SubmitAsync(login, login.DefaultFields().With("Input.Email", admin.Email).With("Input.Password", admin.Password), ct: ct);
        if (step.IsRedirect && step.Location!.StartsWith("/Account/LoginWith2fa", StringComparison.OrdinalIgnoreCase))
        {
            await DiscoverAsync("anonymous-2fa", second, [step.Location], targets, pages, ct);
        }

        var accounts = new Dictionary<WebUser, Account> { [cw] = caseworker, [sv] = supervisor, [ad] = admin };
        async Task<bool> SignInAgain(FuzzTarget target) =>
            !accounts.TryGetValue(target.User, out var account) || await target.User.SignInAsync(account.Email, account.Password, ct);
        return new FuzzSetup(targets, SignInAgain, pages, users);
    }

    /// <summary>Reads the seed pages and up to two pages of each kind of record linked from them; adds their forms.</summary>
    public static async Task DiscoverAsync(string role, WebUser user, IEnumerable<string> seeds, List<FuzzTarget> targets, List<(WebUser, string)> pages, CancellationToken ct)
    {
        var queue = new Queue<string>(seeds);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var perKind = new int[RecordPages.Length];
        while (queue.Count > 0 && seen.Count < 40)
        {
            var url = queue.Dequeue();
            if (!seen.Add(url))
            {
                continue;
            }
            var page = await user.GetAsync(url, ct);
            if (page.Status != 200)
            {
                continue;
            }
            pages.Add((user, url));
            foreach (var form in HtmlForm.ReadAll(page.Document, page.Url))
            {
                var path = form.Action.Split('?')[0];
                if (path.StartsWith("/Account/Logout", StringComparison.OrdinalIgnoreCase) || DeniedHandlers.Contains(form.Handler, StringComparer.OrdinalIgnoreCase))
                {
                    continue;
                }
                var target = new FuzzTarget(role, user, form);
                if (targets.All(t => t.Key != target.Key))
                {
                    targets.Add(target);
                }
            }
            foreach (var href in page.Document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!.Split('#')[0].Split('?')[0]))
            {
                for (var k = 0; k < RecordPages.Length; k++)
                {
                    if (RecordPages[k].IsMatch(href) && perKind[k] < 2 && !seen.Contains(href) && !queue.Contains(href))
                    {
                        perKind[k]++;
                        queue.Enqueue(href);
                    }
                }
            }
        }
    }

    [GeneratedRegex("^/Cases/[0-9]+$")]
    private static partial Regex CaseRegex();

    [GeneratedRegex("^/Cases/[0-9]+/Edit$")]
    private static partial Regex CaseEditRegex();

    [GeneratedRegex("^/People/[0-9]+$")]
    private static partial Regex PersonRegex();

    [GeneratedRegex("^/Lists/[0-9]+$")]
    private static partial Regex ListRegex();

    [GeneratedRegex("^/Lists/[0-9]+/Answer/[0-9]+$")]
    private static partial Regex AnswerRegex();

    [GeneratedRegex("^/Lists/[0-9]+/Reconcile$")]
    private static partial Regex ReconcileRegex();

    [GeneratedRegex("/Account/SetPassword\\?[^\"'<\\s]+")]
    private static partial Regex SetPasswordLink();
}
