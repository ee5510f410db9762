using CaseTracker.Core.Accounts;
using CaseTracker.Core.Cases;
using CaseTracker.Core.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseTracker.Web.Pages.Cases;

/// <summary>
/// What the create and edit pages share: before a new person is saved, persons already known under a
/// similar name are shown, and the user links one of them or confirms they are different people.
/// </summary>
public abstract class CaseFormModel<TCommand>(CaseService cases, DuplicateCheck duplicates) : PageModel
    where TCommand : CaseCommand, new()
{
    protected CaseService Cases { get; } = cases;

    [BindProperty]
    public TCommand Input { get; set; } = new();

    /// <summary>Ticked by the user: the new persons are not any of the matches shown.</summary>
    [BindProperty]
    public bool ConfirmDistinct { get; set; }

    /// <summary>Likely and possible matches of each new person on the form, by row.</summary>
    public Dictionary<int, IReadOnlyList<DuplicateCandidate>> Duplicates { get; } = [];

    /// <summary>Finds matches for the new persons; true when there are some the user has not yet dismissed.</summary>
    protected async Task<bool> HasUnconfirmedDuplicatesAsync(CancellationToken ct)
    {
        if (ConfirmDistinct)
        {
            return false;
        }
        for (var i = 0; i < Input.People.Count; i++)
        {
            var row = Input.People[i];
            if (row.PersonId is null && row.IsToSave)
            {
                var found = await duplicates.FindAsync(row, User.ToActor(), ct);
                if (found.Count > 0)
                {
                    Duplicates[i] = found;
                }
            }
        }
        return Duplicates.Count > 0;
    }

    /// <summary>Replaces a row of the form by an existing person, who is then linked rather than created again.</summary>
    protected async Task<bool> UseExistingAsync(int row, int personId, CancellationToken ct)
    {
        if (row < 0 || row >= Input.People.Count)
        {
            return false;
        }
        var person = await Cases.GetPersonAsync(personId, User.ToActor(), ct);
        if (person is null)
        {
            return false;
        }
        person.Role = Input.People[row].Role;
        Input.People[row] = person;
        ModelState.Clear();
        return true;
    }
}
