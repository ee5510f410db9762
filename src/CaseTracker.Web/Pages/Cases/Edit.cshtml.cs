using CaseTracker.Core.Cases;
using CaseTracker.Core.Common;
using Microsoft.AspNetCore.Mvc;
using CaseTracker.Core.People;

namespace CaseTracker.Web.Pages.Cases;

public sealed class EditModel(CaseService cases, DuplicateCheck duplicates) : CaseFormModel<UpdateCaseCommand>(cases, duplicates)
{
    public string Reference { get; private set; } = "";

    /// <summary>Set when someone else saved the case first: what they saved, field by field where it differs from the form.</summary>
    public CaseDetails? Theirs { get; private set; }

    public IReadOnlyList<ConflictField> Differences { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var current = await Cases.ViewAsync(id, User.ToActor(), ct);
        if (current is null)
        {
            return NotFound();
        }
        Reference = current.Reference;
        Input = CaseService.ToCommand(current);
        return Page();
    }

    public async Task<IActionResult> OnPostUseExistingAsync(int id, int row, int personId, CancellationToken ct)
    {
        var current = await Cases.GetAsync(id, User.ToActor(), ct);
        if (current is null || !await UseExistingAsync(row, personId, ct))
        {
            return NotFound();
        }
        Reference = current.Reference;
        Input.Id = id;
        return Page();
    }

    public async Task<IActionResult> OnPostAddPersonAsync(int id, CancellationToken ct)
    {
        var current = await Cases.GetAsync(id, User.ToActor(), ct);
        if (current is null)
        {
            return NotFound();
        }
        Reference = current.Reference;
        ModelState.Clear();
        Input.Id = id;
        Input.People.Add(new PersonInput { Role = PersonRole.RelativeAbroad });
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        Input.Id = id;
        if (!ModelState.IsValid || await HasUnconfirmedDuplicatesAsync(ct))
        {
            var current = await Cases.GetAsync(id, User.ToActor(), ct);
            if (current is null)
            {
                return NotFound();
            }
            Reference = current.Reference;
            return Page();
        }
        var result = await Cases.UpdateAsync(Input, User.ToActor(), ct);
        switch (result)
        {
            case Result<CaseDetails>.Ok ok:
                TempData["StatusMessage"] = $"Case {ok.Value.Reference} saved.";
                return Redirect($"/Cases/{ok.Value.Id}");
            case Result<CaseDetails>.Invalid invalid:
                Reference = (await Cases.GetAsync(id, User.ToActor(), ct))?.Reference ?? "";
                ModelState.AddFieldErrors(invalid.Errors, nameof(Input));
                return Page();
            case Result<CaseDetails>.Conflict conflict:
                ShowConflict(conflict.Current);
                return Page();
            default:
                return NotFound();
        }
    }

    /// <summary>
    /// Keeps everything the user typed, shows what the other person saved, and takes the new versions,
    /// so saving again is a deliberate choice to replace their changes with the form's.
    /// </summary>
    private void ShowConflict(CaseDetails current)
    {
        Theirs = current;
        Reference = current.Reference;
        Differences = ConflictField.Compare(CaseService.ToCommand(current), Input);
        Input.Version = current.Version;
        ModelState.Remove($"{nameof(Input)}.{nameof(Input.Version)}");
        for (var i = 0; i < Input.People.Count; i++)
        {
            var person = current.People.FirstOrDefault(p => p.PersonId == Input.People[i].PersonId);
            if (person is not null)
            {
                Input.People[i].Version = person.Version;
                ModelState.Remove($"{nameof(Input)}.People[{i}].Version");
            }
        }
        ModelState.AddModelError("", "Someone else saved this case while you were editing it. Your changes are not saved yet: compare them with theirs below, then save again to keep yours, or cancel to keep theirs.");
    }
}

/// <summary>A field whose saved value differs from the form's, shown after a conflict.</summary>
public sealed record ConflictField(string Label, string Theirs, string Yours)
{
    public static IReadOnlyList<ConflictField> Compare(UpdateCaseCommand theirs, UpdateCaseCommand yours)
    {
        var fields = new List<ConflictField>();
        void Add(string label, object? a, object? b)
        {
            var ta = Text(a);
            var tb = Text(b);
            if (ta != tb)
            {
                fields.Add(new ConflictField(label, ta, tb));
            }
        }
        Add("Title", theirs.Title, yours.Title);
        Add("Group", theirs.EmigrationGroup, yours.EmigrationGroup);
        Add("Internationally known", theirs.IsInternationallyKnown, yours.IsInternationallyKnown);
        Add("Restricted", theirs.IsRestricted, yours.IsRestricted);
        Add("Summary", theirs.Summary, yours.Summary);
        Add("First exit application", theirs.FirstExitApplicationOn, yours.FirstExitApplicationOn);
        Add("Separated since", theirs.SeparatedSince, yours.SeparatedSince);
        Add("Refusals", theirs.RefusalCount, yours.RefusalCount);
        Add("Stated reason", theirs.RefusalReason, yours.RefusalReason);
        foreach (var mine in yours.People)
        {
            var other = theirs.People.FirstOrDefault(p => mine.PersonId is not null && p.PersonId == mine.PersonId);
            var who = string.IsNullOrWhiteSpace(mine.FamilyName) ? "New person" : mine.FamilyName;
            if (other is null)
            {
                if (mine.PersonId is not null)
                {
                    fields.Add(new ConflictField(who, "removed from the case", "kept"));
                }
                continue;
            }
            Add($"{who}: role", other.Role, mine.Role);
            Add($"{who}: family name", other.FamilyName, mine.FamilyName);
            Add($"{who}: given name", other.GivenName, mine.GivenName);
            Add($"{who}: patronymic", other.Patronymic, mine.Patronymic);
            Add($"{who}: family name (Cyrillic)", other.NativeFamilyName, mine.NativeFamilyName);
            Add($"{who}: given name (Cyrillic)", other.NativeGivenName, mine.NativeGivenName);
            Add($"{who}: patronymic (Cyrillic)", other.NativePatronymic, mine.NativePatronymic);
            Add($"{who}: date of birth", other.BirthDate, mine.BirthDate);
            Add($"{who}: year of birth", other.BirthYear, mine.BirthYear);
            Add($"{who}: sex", other.Sex, mine.Sex);
            Add($"{who}: city", other.City, mine.City);
            Add($"{who}: citizenships", other.Citizenships, PersonInput.ParseCitizenships(mine.Citizenships) is { Count: > 0 } c ? string.Join(", ", c) : null);
            Add($"{who}: illness or disability", other.IllnessOrDisability, mine.IllnessOrDisability);
            Add($"{who}: hunger strikes", other.HungerStrikes, mine.HungerStrikes);
            Add($"{who}: declines listing", other.DeclinesListing, mine.DeclinesListing);
        }
        foreach (var added in theirs.People.Where(t => yours.People.All(y => y.PersonId != t.PersonId)))
        {
            fields.Add(new ConflictField(added.FamilyName ?? "Person", "added to the case", "not on your form"));
        }
        return fields;
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s.Trim(),
        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
