using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseTracker.Web.Pages;

/// <summary>The friendly page shown for 404, 403 and other status codes without a body.</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusCodeModel : PageModel
{
    public string Heading { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        (Heading, Explanation) = code switch
        {
            404 => ("Not found", "There is nothing at this address. The case may have a different number, or you may not have access to it."),
            403 => ("Not allowed", "Your role does not give access to this page."),
            400 => ("Request not accepted", "The form could not be accepted. Reload the page and try again."),
            429 => ("Too many requests", "Please wait a moment and try again."),
            503 => ("Temporarily unavailable", "CaseTracker cannot reach its database right now. Nothing you saved is lost; try again in a moment."),
            _ => ("Something went wrong", "The page could not be shown."),
        };
    }
}
