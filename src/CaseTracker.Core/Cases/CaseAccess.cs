using System.Linq.Expressions;
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

    /// <summary>
    /// The same rule in a compiled query, which takes who is asking as parameters (<paramref name="supervisor"/>,
    /// <paramref name="userId"/>) and so cannot choose its statement by the actor as <see cref="VisibleTo(IQueryable{Case}, Actor)"/>
    /// does. Write it in the query and compile the query through <see cref="Compiled{TContext, T1, T2, T3, T4, TResult}"/>,
    /// which puts the rule in its place; called anywhere else, it throws.
    /// </summary>
    public static bool Sees(Case c, bool supervisor, string userId) =>
        throw new InvalidOperationException($"{nameof(Sees)} stands for the visibility rule inside a query compiled through {nameof(CaseAccess)}.{nameof(Compiled)}.");

    private static readonly Expression<Func<Case, bool, string, bool>> Rule =
        (c, supervisor, userId) => supervisor || !c.IsRestricted || c.AssignedCaseworkerId == userId;

    /// <summary>A compiled query's expression with every <see cref="Sees"/> replaced by the rule.</summary>
    public static Expression<Func<TContext, T1, T2, T3, T4, TResult>> Compiled<TContext, T1, T2, T3, T4, TResult>(
        Expression<Func<TContext, T1, T2, T3, T4, TResult>> query) => Inlined(query);

    /// <inheritdoc cref="Compiled{TContext, T1, T2, T3, T4, TResult}"/>
    public static Expression<Func<TContext, T1, T2, T3, T4, T5, TResult>> Compiled<TContext, T1, T2, T3, T4, T5, TResult>(
        Expression<Func<TContext, T1, T2, T3, T4, T5, TResult>> query) => Inlined(query);

    /// <inheritdoc cref="Compiled{TContext, T1, T2, T3, T4, TResult}"/>
    public static Expression<Func<TContext, T1, T2, T3, T4, T5, T6, TResult>> Compiled<TContext, T1, T2, T3, T4, T5, T6, TResult>(
        Expression<Func<TContext, T1, T2, T3, T4, T5, T6, TResult>> query) => Inlined(query);

    /// <inheritdoc cref="Compiled{TContext, T1, T2, T3, T4, TResult}"/>
    public static Expression<Func<TContext, T1, T2, T3, TResult>> Compiled<TContext, T1, T2, T3, TResult>(
        Expression<Func<TContext, T1, T2, T3, TResult>> query) => Inlined(query);

    private static T Inlined<T>(T query) where T : LambdaExpression => (T)new RuleInliner().Visit(query);

    private sealed class RuleInliner : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType != typeof(CaseAccess) || node.Method.Name != nameof(Sees))
            {
                return base.VisitMethodCall(node);
            }
            var arguments = node.Arguments.Select(Visit).ToArray();
            return new Substitution(Rule.Parameters.Zip(arguments!).ToDictionary(p => p.First, p => p.Second!)).Visit(Rule.Body);
        }
    }

    private sealed class Substitution(Dictionary<ParameterExpression, Expression> values) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => values.GetValueOrDefault(node, node);
    }
}
