using CaseTracker.Core.Cases;
using CaseTracker.Core.Common;
using Microsoft.AspNetCore.Mvc;
using CaseTracker.Core.People;

namespace CaseTracker.Web.Pages.Cases;

public sealed class CreateModel(CaseService cases, DuplicateCheck duplicates) : CaseFormModel<CreateCaseCommand>(cases, duplicates)
{
    public void OnGet() => Input.People.Add(new PersonInput { Role = PersonRole.ApplicantInUssr });

    public async Task<IActionResult> OnPostUseExistingAsync(int row, int personId, CancellationToken ct) =>
        await UseExistingAsync(row, personId, ct) ? Page() : NotFound();

    public IActionResult OnPostAddPerson()
    {
        ModelState.Clear();
        Input.People.Add(new PersonInput { Role = Input.People.Count == 0 ? PersonRole.ApplicantInUssr : PersonRole.RelativeAbroad });
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid || await HasUnconfirmedDuplicatesAsync(ct))
        {
            return Page();
        }
        var result = await Cases.CreateAsync(Input, User.ToActor(), ct);
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
