namespace CaseTracker.Core.Persistence;

/// <summary>
/// Compiled queries whose first execution compiles them on one thread while the others wait. EF Core compiles a query
/// made by <c>EF.CompileAsyncQuery</c> at its first execution, on every thread that executes it before the first
/// compilation is done (its cache of ordinary queries, by contrast, lets one thread compile the same query while the
/// others wait). When a page is first asked for by many at once, as after a restart, up to as many threads as requests
/// compiled the same query at the same moment, each with a few megabytes of the runtime compiler's native memory: 42 MB
/// at once for the case page under 16 requests, which the C library's allocator then kept (docs/performance.md).
/// Wrap the compiled query's delegate: <c>CompiledQueries.OneCompile(EF.CompileAsyncQuery(...))</c>. Once the first
/// execution has compiled it, a call costs one read of a flag.
/// </summary>
public static class CompiledQueries
{
    public static Func<TContext, T1, TResult> OneCompile<TContext, T1, TResult>(Func<TContext, T1, TResult> query)
    {
        var first = new FirstExecution();
        return (db, a) => first.Done ? query(db, a) : first.Run(static s => s.query(s.db, s.a), (query, db, a));
    }

    public static Func<TContext, T1, T2, T3, TResult> OneCompile<TContext, T1, T2, T3, TResult>(
        Func<TContext, T1, T2, T3, TResult> query)
    {
        var first = new FirstExecution();
        return (db, a, b, c) => first.Done ? query(db, a, b, c) : first.Run(static s => s.query(s.db, s.a, s.b, s.c), (query, db, a, b, c));
    }

    public static Func<TContext, T1, T2, T3, T4, TResult> OneCompile<TContext, T1, T2, T3, T4, TResult>(
        Func<TContext, T1, T2, T3, T4, TResult> query)
    {
        var first = new FirstExecution();
        return (db, a, b, c, d) => first.Done ? query(db, a, b, c, d) : first.Run(static s => s.query(s.db, s.a, s.b, s.c, s.d), (query, db, a, b, c, d));
    }

    public static Func<TContext, T1, T2, T3, T4, T5, TResult> OneCompile<TContext, T1, T2, T3, T4, T5, TResult>(
        Func<TContext, T1, T2, T3, T4, T5, TResult> query)
    {
        var first = new FirstExecution();
        return (db, a, b, c, d, e) => first.Done ? query(db, a, b, c, d, e) : first.Run(static s => s.query(s.db, s.a, s.b, s.c, s.d, s.e), (query, db, a, b, c, d, e));
    }

    /// <summary>
    /// Runs executions one at a time until one has returned. An execution returns once EF Core has compiled the query
    /// and started it (an asynchronous query's task or sequence is returned, not awaited, under the lock); one that
    /// throws leaves the next to compile.
    /// </summary>
    private sealed class FirstExecution
    {
        private readonly Lock compiling = new();
        private volatile bool done;

        public bool Done => done;

        // The execution comes as a static function of its arguments: a lambda that captured them would be allocated on
        // every call, the calls after the first included.
        public TResult Run<TState, TResult>(Func<TState, TResult> execution, TState state)
        {
            lock (compiling)
            {
                var result = execution(state);
                done = true;
                return result;
            }
        }
    }
}
