using CaseTracker.Core.Accounts;
using CaseTracker.Core.Cases;
using CaseTracker.Core.Common;
using CaseTracker.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CaseTracker.Tests.Cases;

/// <summary>
/// A search's result is kept for its next pages, sorts and repeats (SearchResults) only while nothing it read has changed:
/// a change by this app, by another instance or by hand invalidates it once it commits, and not before.
/// </summary>
public sealed class SearchResultsTests(TestApp app) : IntegrationTest(app)
{
    private SearchResults Kept => App.Factory.Services.GetRequiredService<SearchResults>();

    /// <summary>The references a search lists, and whether it was answered from a kept result.</summary>
    private async Task<(string[] References, int Total, bool Kept)> SearchAsync(CaseListQuery query, Actor actor)
    {
        var before = Kept.Counts;
        var page = await WithServiceAsync<CaseService, PagedResult<CaseListItem>>(s => s.ListAsync(query, actor, Ct));
        var after = Kept.Counts;
        Assert.Equal(1, after.Hits - before.Hits + after.Misses - before.Misses);
        return (page.Items.Select(i => i.Reference).ToArray(), page.TotalCount, after.Hits > before.Hits);
    }

    private static NpgsqlCommand Command(NpgsqlConnection conn, string sql, (string Name, object Value)[] parameters)
    {
        var cmd = new NpgsqlCommand(sql, conn);
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value);
        }
        return cmd;
    }

    private async Task ExecuteAsync(NpgsqlConnection conn, string sql, params (string Name, object Value)[] parameters)
    {
        await using var cmd = Command(conn, sql, parameters);
        await cmd.ExecuteNonQueryAsync(Ct);
    }

    [Fact]
    public async Task A_kept_search_answers_its_pages_and_sorts_until_a_change_to_what_it_read_commits_wherever_it_comes_from()
    {
        var actor = await ActorAsync();
        var other = await ActorAsync();
        var first = await CreatedAsync(CaseBuilder.Spouse("Sakharova", "Сахарова"), actor);
        var second = await CreatedAsync(CaseBuilder.Spouse("Sakharov", "Сахаров"), actor);
        var query = new CaseListQuery { Q = "Sakharov", Sort = CaseSort.Relevance };

        var read = await SearchAsync(query, actor);
        Assert.False(read.Kept);
        Assert.Equal([second.Reference, first.Reference], read.References);

        // Its next page and another sort of it are answered from what it found.
        var again = await SearchAsync(query with { PageSize = 1, Page = 2 }, actor);
        Assert.True(again.Kept);
        Assert.Equal([first.Reference], again.References);
        Assert.Equal(2, again.Total);
        var byReference = await SearchAsync(query with { Sort = CaseSort.Reference, Descending = true }, actor);
        Assert.True(byReference.Kept);
        Assert.Equal(new[] { first.Reference, second.Reference }.OrderDescending(StringComparer.Ordinal), byReference.References);

        // A case saved through the service layer.
        var third = await CreatedAsync(CaseBuilder.Spouse("Sakharov", "Сахаров"), actor);
        var afterCreate = await SearchAsync(query, actor);
        Assert.False(afterCreate.Kept);
        Assert.Equal(3, afterCreate.Total);
        Assert.Contains(third.Reference, afterCreate.References);
        Assert.True((await SearchAsync(query, actor)).Kept);

        // A change by another writer (another instance, an operator's statement): not before it commits, then at once.
        await using var conn = new NpgsqlConnection(App.ConnectionString);
        await conn.OpenAsync(Ct);
        await using (var tx = await conn.BeginTransactionAsync(Ct))
        {
            await ExecuteAsync(conn, "UPDATE cases SET is_restricted = true, assigned_caseworker_id = @other WHERE id = @id",
                ("other", other.UserId), ("id", third.Id));
            var uncommitted = await SearchAsync(query, actor);
            Assert.True(uncommitted.Kept);
            Assert.Equal(3, uncommitted.Total);
            await tx.CommitAsync(Ct);
        }
        var afterCommit = await SearchAsync(query, actor);
        Assert.False(afterCommit.Kept);
        Assert.Equal([second.Reference, first.Reference], afterCommit.References);

        // A change rolled back changes nothing, and a change of a person's name keys alone counts too.
        await using (var tx = await conn.BeginTransactionAsync(Ct))
        {
            await ExecuteAsync(conn, "DELETE FROM case_people WHERE case_id = @id", ("id", first.Id));
            await tx.RollbackAsync(Ct);
        }
        Assert.True((await SearchAsync(query, actor)).Kept);
        await ExecuteAsync(conn, "DELETE FROM person_name_keys WHERE person_id IN (SELECT person_id FROM case_people WHERE case_id = @id)", ("id", first.Id));
        var afterKeys = await SearchAsync(query, actor);
        Assert.False(afterKeys.Kept);
        Assert.Equal([second.Reference], afterKeys.References);

        // A filter is its own search: a list entry added by another writer changes what the list's filter finds.
        var listId = await WithDbAsync(async db =>
        {
            var list = new CaseTracker.Core.Lists.RepresentationList { Name = "XVII", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };
            db.Lists.Add(list);
            await db.SaveChangesAsync(Ct);
            return list.Id;
        });
        var onList = query with { ListId = listId };
        Assert.Empty((await SearchAsync(onList, actor)).References);
        Assert.True((await SearchAsync(onList, actor)).Kept);
        await ExecuteAsync(conn, "INSERT INTO list_entries (list_id, case_id, position, added_at, hold_until_family_told) VALUES (@list, @case, 1, now(), false)",
            ("list", listId), ("case", second.Id));
        var listed = await SearchAsync(onList, actor);
        Assert.False(listed.Kept);
        Assert.Equal([second.Reference], listed.References);
    }

    [Fact]
    public async Task Kept_searches_are_kept_per_viewer_so_a_restricted_case_stays_with_those_who_may_see_it()
    {
        var assigned = await ActorAsync();
        var colleague = await ActorAsync();
        var supervisor = await ActorAsync(Roles.Supervisor);
        var restricted = CaseBuilder.Spouse("Sakharov", "Сахаров");
        restricted.IsRestricted = true;
        var created = await CreatedAsync(restricted, assigned);
        var query = new CaseListQuery { Q = "Сахаров" };

        Assert.Equal([created.Reference], (await SearchAsync(query, assigned)).References);
        var seenByColleague = await SearchAsync(query, colleague);
        Assert.False(seenByColleague.Kept);
        Assert.Empty(seenByColleague.References);
        Assert.Equal([created.Reference], (await SearchAsync(query, supervisor)).References);
        Assert.True((await SearchAsync(query, assigned)).Kept);
        Assert.Empty((await SearchAsync(query, colleague)).References);
    }

    [Fact]
    public async Task The_changes_table_keeps_each_writing_transaction_once_and_sheds_rows_an_hour_old()
    {
        var actor = await ActorAsync();
        var created = await CreatedAsync(CaseBuilder.Spouse(), actor);
        await using var conn = new NpgsqlConnection(App.ConnectionString);
        await conn.OpenAsync(Ct);
        async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
        {
            await using var cmd = Command(conn, sql, parameters);
            return (T)(await cmd.ExecuteScalarAsync(Ct))!;
        }

        // One transaction writing several tables in several statements leaves one row, with its own id.
        await using (var tx = await conn.BeginTransactionAsync(Ct))
        {
            await ExecuteAsync(conn, "UPDATE cases SET title = 'Renamed' WHERE id = @id", ("id", created.Id));
            await ExecuteAsync(conn, "UPDATE case_people SET position = position WHERE case_id = @id", ("id", created.Id));
            await ExecuteAsync(conn, "UPDATE person_name_keys SET key = key WHERE person_id IN (SELECT person_id FROM case_people WHERE case_id = @id)", ("id", created.Id));
            var own = await ScalarAsync<string>("SELECT pg_current_xact_id()::text");
            Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM search_changes WHERE xid = @xid::xid8", ("xid", own)));
            await tx.CommitAsync(Ct);
        }

        // Now and then (one write statement in a hundred, by random()) a writer removes the rows an hour old: the
        // session's random() is seeded so that the next draw is one of those.
        await ExecuteAsync(conn, "INSERT INTO search_changes (xid, changed_at) VALUES ('1'::xid8, now() - interval '61 minutes'), ('2'::xid8, now() - interval '59 minutes')");
        async Task<bool> FirstDrawPrunesAsync(double seed)
        {
            await ExecuteAsync(conn, "SELECT setseed(@seed)", ("seed", seed));
            return await ScalarAsync<bool>("SELECT random() < 0.01");
        }
        var seed = 0.0;
        while (!await FirstDrawPrunesAsync(seed))
        {
            seed += 0.001;
            Assert.True(seed < 1, "no seed in a thousand gives a draw under 0.01");
        }
        await ExecuteAsync(conn, "SELECT setseed(@seed)", ("seed", seed));
        await ExecuteAsync(conn, "UPDATE cases SET title = 'Renamed again' WHERE id = @id", ("id", created.Id));
        Assert.False(await ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM search_changes WHERE xid = '1'::xid8)"));
        Assert.True(await ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM search_changes WHERE xid = '2'::xid8)"));
    }
}
