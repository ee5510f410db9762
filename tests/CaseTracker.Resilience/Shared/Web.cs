using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using CaseTracker.Tests.Infrastructure;

namespace CaseTracker.Resilience;

/// <summary>Keeps cookies as a browser would, for any inner handler (a real socket or ASP.NET Core's test server).</summary>
public sealed class CookieHandler(CookieContainer cookies) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var header = cookies.GetCookieHeader(uri);
        if (header.Length > 0)
        {
            request.Headers.Remove("Cookie");
            request.Headers.TryAddWithoutValidation("Cookie", header);
        }
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            foreach (var value in values)
            {
                try
                {
                    cookies.SetCookies(uri, value);
                }
                catch (CookieException)
                {
                    // A cookie the container cannot hold: a browser would ignore it too.
                }
            }
        }
        return response;
    }
}

/// <summary>A response as a user sees it: status, redirect target, body and its parsed document.</summary>
public sealed record WebPage(int Status, string Body, IHtmlDocument Document, string? Location, Uri Url)
{
    public bool IsRedirect => Status is >= 300 and < 400;

    /// <summary>The first form matching the selector (or the main content's last post form).</summary>
    public HtmlForm? Form(string? selector = null) => HtmlForm.ReadAll(Document, Url).FirstOrDefault(f => selector is null
        ? f.Method == "post" && !f.Action.StartsWith("/Account/Logout", StringComparison.Ordinal)
        : f.Element.Matches(selector));
}

/// <summary>One user's browser: its own cookies, plain HTTP requests, no redirects followed.</summary>
public sealed class WebUser : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public WebUser(Uri baseAddress, HttpMessageHandler? inner = null, TimeSpan? timeout = null, CookieContainer? cookies = null)
    {
        Cookies = cookies ?? new CookieContainer();
        inner ??= new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(2) };
        Http = new HttpClient(new CookieHandler(Cookies) { InnerHandler = inner })
        {
            BaseAddress = baseAddress,
            Timeout = timeout ?? TimeSpan.FromSeconds(60),
        };
    }

    public CookieContainer Cookies { get; }

    public HttpClient Http { get; }

    /// <summary>The authenticator key of this user's two-factor sign-in, once enrolled.</summary>
    public string? AuthenticatorKey { get; set; }

    public async Task<WebPage> GetAsync(string url, CancellationToken ct = default)
    {
        using var response = await Http.GetAsync(url, ct);
        return await ReadAsync(response, ct);
    }

    /// <summary>Submits a form with the given fields, to its own action or to the same path on another address.</summary>
    public async Task<WebPage> SubmitAsync(HtmlForm form, IReadOnlyList<KeyValuePair<string, string>> fields, Uri? other = null, CancellationToken ct = default)
    {
        var action = other is null ? form.Action : new Uri(other, form.Action).ToString();
        if (form.Method == "get")
        {
            var query = string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
            var path = action.Split('?')[0];
            using var get = await Http.GetAsync(query.Length == 0 ? path : path + "?" + query, ct);
            return await ReadAsync(get, ct);
        }
        HttpContent content;
        if (form.Multipart)
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (name, value) in fields)
            {
                if (form.Fields.Any(f => f.Name == name && f.Type == "file"))
                {
                    if (value.Length > 0)
                    {
                        multipart.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(value)), name, "upload.csv");
                    }
                }
                else
                {
                    multipart.Add(new StringContent(value, Encoding.UTF8), name);
                }
            }
            content = multipart;
        }
        else
        {
            content = new FormUrlEncodedContent(fields);
        }
        using (content)
        {
            using var response = await Http.PostAsync(action, content, ct);
            return await ReadAsync(response, ct);
        }
    }

    public Task<WebPage> SubmitAsync(HtmlForm form, Uri? other = null, CancellationToken ct = default) =>
        SubmitAsync(form, form.DefaultFields(), other, ct);

    private async Task<WebPage> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        var url = response.RequestMessage?.RequestUri ?? Http.BaseAddress!;
        var document = await Parser.ParseDocumentAsync(body, ct);
        return new WebPage((int)response.StatusCode, body, document, response.Headers.Location?.OriginalString, url);
    }

    /// <summary>
    /// Signs in by posting the login form (with its antiforgery token), answering the two-factor step with
    /// <see cref="AuthenticatorKey"/>, and turning two-factor sign-in on first where the app demands it
    /// (administrators). True when the user ends up signed in.
    /// </summary>
    public async Task<bool> SignInAsync(string email, string password, CancellationToken ct = default)
    {
        var login = await GetAsync("/Account/Login", ct);
        var form = login.Form() ?? throw new InvalidOperationException($"No login form ({login.Status})");
        var fields = form.DefaultFields().With("Input.Email", email).With("Input.Password", password);
        var answer = await SubmitAsync(form, fields, ct: ct);
        if (!answer.IsRedirect)
        {
            return false;
        }
        if (answer.Location!.StartsWith("/Account/LoginWith2fa", StringComparison.OrdinalIgnoreCase))
        {
            if (AuthenticatorKey is null)
            {
                return false;
            }
            var second = await GetAsync(answer.Location, ct);
            var codeForm = second.Form() ?? throw new InvalidOperationException("No two-factor form");
            answer = await SubmitAsync(codeForm, codeForm.DefaultFields().With("Code", Totp.Code(AuthenticatorKey, DateTimeOffset.UtcNow)), ct: ct);
            if (!answer.IsRedirect)
            {
                return false;
            }
        }
        var home = await GetAsync("/", ct);
        if (home.IsRedirect && home.Location!.StartsWith("/Account/Manage/TwoFactor", StringComparison.OrdinalIgnoreCase))
        {
            var setup = await GetAsync("/Account/Manage/TwoFactor", ct);
            var key = setup.Document.QuerySelector("[data-testid=authenticator-key]")?.TextContent.Replace(" ", "", StringComparison.Ordinal)
                ?? throw new InvalidOperationException("No authenticator key on the two-factor page");
            var enable = setup.Form("main form[method=post]:not([action*='handler='])") ?? throw new InvalidOperationException("No two-factor form");
            var enabled = await SubmitAsync(enable, enable.DefaultFields().With("Code", Totp.Code(key, DateTimeOffset.UtcNow)), ct: ct);
            if (!enabled.IsRedirect)
            {
                return false;
            }
            AuthenticatorKey = key;
            home = await GetAsync("/", ct);
        }
        // Signed in: the home page, or where it sends this role (administrators go to the user list).
        return home.Status == 200 || (home.IsRedirect && !home.Location!.StartsWith("/Account/", StringComparison.OrdinalIgnoreCase));
    }

    public void Dispose() => Http.Dispose();
}

/// <summary>A form control as the page renders it.</summary>
public sealed record FormField(string Name, string Type, string Value, bool Checked, IReadOnlyList<string> Options);

/// <summary>An HTML form read from a page: where it goes, how, and its controls.</summary>
public sealed class HtmlForm
{
    public required IElement Element { get; init; }
    public required string Action { get; init; }
    public required string Method { get; init; }
    public required bool Multipart { get; init; }
    public required IReadOnlyList<FormField> Fields { get; init; }

    /// <summary>The handler named in the action's query string, if any.</summary>
    public string? Handler => Action.Split('?').Skip(1).SelectMany(q => q.Split('&'))
        .Where(p => p.StartsWith("handler=", StringComparison.OrdinalIgnoreCase)).Select(p => p[8..]).FirstOrDefault();

    /// <summary>A name for reports: method, path with numbers replaced, handler.</summary>
    public string Key => $"{Method.ToUpperInvariant()} {System.Text.RegularExpressions.Regex.Replace(Action.Split('?')[0], "/[0-9]+", "/{id}")}" +
        (Handler is { } h ? "?handler=" + h : "") + (Element.GetAttribute("data-testid") is { } t ? $" [{t}]" : "") +
        (Element.GetAttribute("aria-label") is { } label ? $" ({label})" : "");

    public static IReadOnlyList<HtmlForm> ReadAll(IHtmlDocument document, Uri pageUrl)
    {
        var forms = new List<HtmlForm>();
        foreach (var element in document.QuerySelectorAll("form").OfType<IHtmlFormElement>())
        {
            var action = element.GetAttribute("action");
            if (string.IsNullOrEmpty(action))
            {
                action = pageUrl.PathAndQuery;
            }
            var fields = new List<FormField>();
            foreach (var control in element.Elements)
            {
                switch (control)
                {
                    case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is not ("submit" or "button" or "image" or "reset"):
                        fields.Add(new FormField(input.Name!, input.Type ?? "text", input.Value, input.IsChecked, []));
                        break;
                    case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                        var selected = select.Options.FirstOrDefault(o => o.IsSelected) ?? (select.Options.Length > 0 ? select.Options[0] : null);
                        fields.Add(new FormField(select.Name!, "select", selected?.Value ?? "", true, select.Options.Select(o => o.Value).ToList()));
                        break;
                    case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                        fields.Add(new FormField(area.Name!, "textarea", area.Value, true, []));
                        break;
                }
            }
            forms.Add(new HtmlForm
            {
                Element = element,
                Action = action,
                Method = (element.GetAttribute("method") ?? "get").ToLowerInvariant(),
                Multipart = string.Equals(element.GetAttribute("enctype"), "multipart/form-data", StringComparison.OrdinalIgnoreCase),
                Fields = fields,
            });
        }
        return forms;
    }

    /// <summary>The fields a browser would submit unchanged: checked boxes only, no empty file.</summary>
    public List<KeyValuePair<string, string>> DefaultFields() => Fields
        .Where(f => f.Type != "file" && (f.Type is not ("checkbox" or "radio") || f.Checked))
        .Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
}

public static class FieldListExtensions
{
    /// <summary>The list with every field of that name replaced by one with the value.</summary>
    public static List<KeyValuePair<string, string>> With(this List<KeyValuePair<string, string>> fields, string name, string value)
    {
        fields.RemoveAll(f => f.Key == name);
        fields.Add(new(name, value));
        return fields;
    }

    public static string? Get(this IEnumerable<KeyValuePair<string, string>> fields, string name) =>
        fields.LastOrDefault(f => f.Key == name).Value;
}
