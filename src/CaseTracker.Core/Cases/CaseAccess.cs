using CaseTracker.Core.Accounts;

namespace CaseTracker.Core.Cases;

/// <summary>Which cases an actor may see. Every read of cases goes through here.</summary>
public static class CaseAccess
{
    /// <summary>
    /// Restricted cases are visible to their assigned caseworker and to supervisors only; for anyone else
    /// they do not exist (absent from lists, search, exports and counts; 404 on their pages).
    /// </summary>
    public static IQueryable<Case> VisibleTo(this IQueryable<Case> cases, Actor actor) =>
        actor.IsSupervisor ? cases : cases.Where(c => !c.IsRestricted || c.AssignedCaseworkerId == actor.UserId);

    /// <summary>
    /// A person exists for an actor through a case they may see, or when in no case at all; someone known only
    /// through restricted cases does not exist for them.
    /// </summary>
    public static IQueryable<People.Person> VisibleTo(this IQueryable<People.Person> persons, IQueryable<Case> cases, Actor actor)
    {
        var visible = cases.VisibleTo(actor);
        return persons.Where(p => !p.Cases.Any() || p.Cases.Any(cp => visible.Any(c => c.Id == cp.CaseId)));
    }
}
