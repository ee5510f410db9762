using System.Linq.Expressions;
using CaseTracker.Core.Accounts;
using CaseTracker.Core.Persistence;
using CaseTracker.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CaseTracker.Tests.Operations;

/// <summary>
/// The guard on the app's native memory: a compiled query compiled by one thread however many execute it first.
/// </summary>
public sealed class NativeMemoryTests(TestApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Threads_that_execute_a_compiled_query_at_once_for_the_first_time_compile_it_once_and_all_read_its_row()
    {
        var user = await App.CreateUserAsync(Roles.Caseworker);
        // A query of its own: the app's compiled queries may have been compiled by earlier tests.
        var emailOf = CompiledQueries.OneCompile(EF.CompileAsyncQuery((CaseTrackerDbContext db, string id) =>
            db.Users.Where(u => u.Id == id).Select(u => u.Email).FirstOrDefault()));
        var compilations = new CompilationCounter();
        var options = new DbContextOptionsBuilder<CaseTrackerDbContext>();
        DatabaseSetup.Configure(options, App.ConnectionString);
        options.AddInterceptors(compilations);

        const int threads = 8;
        using var together = new Barrier(threads);
        var executions = Enumerable.Range(0, threads).Select(_ => Task.Factory.StartNew(() =>
        {
            var db = new CaseTrackerDbContext(options.Options);
            together.SignalAndWait(Ct);
            return (Db: db, Email: emailOf(db, user.Id));
        }, Ct, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();

        foreach (var execution in executions)
        {
            var (db, email) = await execution;
            Assert.Equal(user.Email, await email);
            await db.DisposeAsync();
        }
        Assert.Equal(1, compilations.Count);
    }

    private sealed class CompilationCounter : IQueryExpressionInterceptor
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData)
        {
            Interlocked.Increment(ref count);
            return queryExpression;
        }
    }
}
