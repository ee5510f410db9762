using CaseTracker.Core.Cases;
using CaseTracker.Core.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseTracker.Web.Pages.Cases;

public sealed class CreateModel(CaseService cases) : PageModel
{
    [BindProperty]
    public CreateCaseCommand Input { get; set; } = new();

    public void OnGet() => Input.People.Add(new PersonInput { Role = PersonRole.ApplicantInUssr });

    public IActionResult OnPostAddPerson()
    {
        ModelState.Clear();
        Input.People.Add(new PersonInput { Role = Input.People.Count == 0 ? PersonRole.ApplicantInUssr : PersonRole.RelativeAbroad });
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await cases.CreateAsync(Input, User.ToActor(), ct);
        switch (result)
        {
            case Result<CaseDetails>.Ok ok:
                TempData["StatusMessage"] = $"Case {ok.Value.Reference} opened.";
                return Redirect($"/Cases/{ok.Value.Id}");
            case Result<CaseDetails>.Invalid invalid:
                ModelState.AddFieldErrors(invalid.Errors, nameof(Input));
                if (Input.People.Count == 0)
                {
                    Input.People.Add(new PersonInput { Role = PersonRole.ApplicantInUssr });
                }
                return Page();
            default:
                return NotFound();
        }
    }
}
