using System.Globalization;
using CaseTracker.Core.Cases;
using CaseTracker.Core.CaseWork;
using CaseTracker.Core.Common;
using CaseTracker.Core.People;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CaseTracker.Web.Infrastructure;

/// <summary>How values are shown on the pages.</summary>
public static class Display
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-GB");

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public static string Date(DateOnly? date) => date?.ToString("d MMM yyyy", Culture) ?? "—";

    public static string DateTime(DateTimeOffset value) => value.UtcDateTime.ToString("d MMM yyyy HH:mm 'UTC'", Culture);

    /// <summary>"29 years" for a date in the past.</summary>
    public static string YearsSince(DateOnly? since, DateOnly today)
    {
        if (since is null)
        {
            return "—";
        }
        var years = Dates.WholeYears(since.Value, today);
        return years == 1 ? "1 year" : $"{years} years";
    }

    public static string Birth(DateOnly? date, int? year) =>
        date is not null ? Date(date) : year?.ToString(CultureInfo.InvariantCulture) ?? "—";

    public static string Sex(Sex sex) => sex switch
    {
        Core.People.Sex.Female => "Female",
        Core.People.Sex.Male => "Male",
        _ => "Unknown",
    };

    public static IEnumerable<SelectListItem> Categories(CaseCategory? selected = null) =>
        Enum.GetValues<CaseCategory>().Select(c => new SelectListItem(CaseCategories.DisplayName(c), c.ToString(), c == selected));

    public static IEnumerable<SelectListItem> Groups() =>
        Enum.GetValues<EmigrationGroup>().Select(g => new SelectListItem(CaseCategories.DisplayName(g), g.ToString()));

    public static IEnumerable<SelectListItem> Statuses(CaseStatus? selected = null) =>
        Enum.GetValues<CaseStatus>().Select(s => new SelectListItem(CaseStatuses.DisplayName(s), s.ToString(), s == selected));

    public static IEnumerable<SelectListItem> PersonRoles() =>
        Enum.GetValues<PersonRole>().Select(r => new SelectListItem(Core.Cases.PersonRoles.DisplayName(r), r.ToString()));

    public static IEnumerable<SelectListItem> Sexes() =>
        Enum.GetValues<Sex>().Select(s => new SelectListItem(Sex(s), s.ToString()));

    public static string Kind(CaseEventKind kind) => kind switch
    {
        CaseEventKind.StatusChange => "Status",
        CaseEventKind.Note => "Note",
        CaseEventKind.Contact => "Contact",
        CaseEventKind.Answer => "Answer",
        CaseEventKind.Task => "Task",
        CaseEventKind.Assignment => "Assignment",
        _ => kind.ToString(),
    };

    public static string Contact(ContactKind? kind) => kind switch
    {
        ContactKind.EmbassyVisit => "Embassy visit",
        ContactKind.Letter => "Letter",
        ContactKind.Call => "Call",
        ContactKind.MeetingWithOtherSide => "Meeting with the other side",
        ContactKind.CongressionalLetter => "Letter from a member of Congress",
        ContactKind.Other => "Other contact",
        _ => "",
    };

    public static IEnumerable<SelectListItem> ContactKinds() =>
        Enum.GetValues<ContactKind>().Select(k => new SelectListItem(Contact(k), k.ToString()));

    public static IEnumerable<SelectListItem> ClosureReasons() =>
        Enum.GetValues<ClosureReason>().Select(r => new SelectListItem(CaseWorkflow.DisplayName(r), r.ToString()));

    public static IEnumerable<SelectListItem> NextStatuses(CaseStatus from) =>
        CaseWorkflow.AllowedFrom(from).Select(s => new SelectListItem(
            CaseWorkflow.IsRescission(from, s) ? "Refused (permission rescinded)" : CaseStatuses.DisplayName(s), s.ToString()));

    /// <summary>"29 years ago", "3 months ago", "today".</summary>
    public static string Ago(DateOnly date, DateOnly today)
    {
        var years = Dates.WholeYears(date, today);
        if (years >= 1)
        {
            return years == 1 ? "a year ago" : $"{years} years ago";
        }
        var days = today.DayNumber - date.DayNumber;
        return days switch
        {
            <= 0 => "today",
            1 => "yesterday",
            < 31 => $"{days} days ago",
            < 60 => "a month ago",
            _ => $"{days / 30} months ago",
        };
    }

    public static string StatusBadge(CaseStatus status) => status switch
    {
        CaseStatus.Reunited => "text-bg-success",
        CaseStatus.PermissionGranted or CaseStatus.Departed => "text-bg-info",
        CaseStatus.ReleasePromised => "text-bg-primary",
        CaseStatus.Refused => "text-bg-danger",
        CaseStatus.Closed => "text-bg-secondary",
        _ => "text-bg-light border",
    };
}
