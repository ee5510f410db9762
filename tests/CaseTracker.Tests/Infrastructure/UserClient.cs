using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace CaseTracker.Tests.Infrastructure;

/// <summary>An HTTP client that uses the app as a browser would: reads pages, fills in their forms, posts them.</summary>
public sealed class UserClient(HttpClient http, System.Net.CookieContainer cookies, IReadOnlyDictionary<string, string>? authenticatorKeys = null) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http { get; } = http;

    public async Task SignInAsync(string email, string password)
    {
        var form = await GetFormAsync("/Account/Login");
        form["Input.Email"] = email;
        form["Input.Password"] = password;
        var response = await PostAsync(form);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in failed: {response.StatusCode}");
        }
        if (response.Headers.Location!.OriginalString.StartsWith("/Account/LoginWith2fa", StringComparison.Ordinal))
        {
            var second = await GetFormAsync(response.Headers.Location.OriginalString);
            second["Code"] = Totp.Code(authenticatorKeys![email], DateTimeOffset.UtcNow);
            response = await PostAsync(second);
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"Two-factor sign-in failed: {response.StatusCode}");
            }
        }
    }

    public async Task<IHtmlDocument> GetPageAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await Http.GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        Parser.ParseDocument(await response.Content.ReadAsStringAsync());

    /// <summary>Loads a page and reads its form (the one containing <paramref name="submitSelector"/>, or the main one).</summary>
    public async Task<Form> GetFormAsync(string url, string? formSelector = null)
    {
        var page = await GetPageAsync(url);
        return Form.Read(page, url, formSelector);
    }

    public async Task<HttpResponseMessage> PostAsync(Form form, string? handler = null)
    {
        var action = form.Action;
        if (handler is not null)
        {
            action += (action.Contains('?') ? "&" : "?") + "handler=" + handler;
        }
        return await Http.PostAsync(action, new FormUrlEncodedContent(form.Fields));
    }

    /// <summary>The cookies this client would send, as a Cookie header (to replay them elsewhere).</summary>
    public string CookieHeader() => cookies.GetCookieHeader(Http.BaseAddress!);

    public void Dispose() => Http.Dispose();
}

/// <summary>The fields of an HTML form, by name, as a browser would submit them.</summary>
public sealed class Form
{
    private readonly List<KeyValuePair<string, string>> _fields = [];

    public required string Action { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Fields => _fields;

    public string? this[string name]
    {
        get => _fields.FindLast(f => f.Key == name).Value;
        set
        {
            _fields.RemoveAll(f => f.Key == name);
            if (value is not null)
            {
                _fields.Add(new(name, value));
            }
        }
    }

    public static Form Read(IHtmlDocument page, string pageUrl, string? formSelector = null)
    {
        var mainForms = page.QuerySelectorAll("main form[method=post]");
        var element = (formSelector is null
            ? (mainForms.Length > 0 ? mainForms[^1] : page.QuerySelector("form[method=post]"))
            : page.QuerySelector(formSelector)) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form on {pageUrl}");
        var action = element.GetAttribute("action");
        var form = new Form { Action = string.IsNullOrEmpty(action) ? pageUrl : action };
        foreach (var control in element.Elements)
        {
            switch (control)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    if (input.Type is "checkbox" or "radio")
                    {
                        if (input.IsChecked)
                        {
                            form._fields.Add(new(input.Name!, input.Value));
                        }
                    }
                    else if (input.Type is not "submit" and not "button")
                    {
                        form._fields.Add(new(input.Name!, input.Value));
                    }
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    var selected = select.Options.FirstOrDefault(o => o.IsSelected) ?? (select.Options.Length > 0 ? select.Options[0] : null);
                    form._fields.Add(new(select.Name!, selected?.Value ?? ""));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    form._fields.Add(new(area.Name!, area.Value));
                    break;
            }
        }
        return form;
    }
}

public static class PageExtensions
{
    /// <summary>The validation message shown next to a field, or null.</summary>
    public static string? FieldError(this IHtmlDocument page, string field) =>
        page.QuerySelector($"span[data-valmsg-for='{field}']")?.TextContent.Trim() is { Length: > 0 } text ? text : null;

    public static string Text(this IElement? element) => element?.TextContent.Trim() ?? "";

    /// <summary>The current value of the input or text area matched by the selector.</summary>
    public static string? ValueOf(this IHtmlDocument page, string selector) => page.QuerySelector(selector) switch
    {
        IHtmlInputElement input => input.Value,
        IHtmlTextAreaElement area => area.Value,
        IHtmlSelectElement select => select.Value,
        _ => null,
    };
}
