using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseTracker.Web.Pages;

public class PrivacyModel : PageModel
{
    public void OnGet()
    {
    }
}

