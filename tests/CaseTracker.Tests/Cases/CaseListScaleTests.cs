using System.Net;
using CaseTracker.Core.Accounts;
using CaseTracker.Core.Cases;
using CaseTracker.Core.Common;
using CaseTracker.Core.Names;
using CaseTracker.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CaseTracker.Tests.Cases;

/// <summary>The case list over more cases than it counts: capped counts and paging, and the indexes its order needs.</summary>
public sealed class CaseListScaleTests(TestApp app) : IntegrationTest(app)
{
    /// <summary>Copies one case <paramref name="copies"/> times under new references (<paramref name="prefix"/> and a number), in one statement.</summary>
    private async Task CopyCaseAsync(int caseId, int copies, string prefix = "SP-X")
    {
        await using var conn = new NpgsqlConnection(App.ConnectionString);
        await conn.OpenAsync(Ct);
        await using var cmd = new NpgsqlCommand($$"""
            DO $$
            DECLARE cols text;
            BEGIN
              SELECT string_agg(quote_ident(column_name), ', ') INTO cols FROM information_schema.columns
              WHERE table_schema = 'public' AND table_name = 'cases' AND column_name NOT IN ('id', 'reference', 'urgency_score');
              EXECUTE format('INSERT INTO cases (reference, urgency_score, %s) SELECT ''{{prefix}}'' || g, g %% 97, %s FROM cases, generate_series(1, {{copies}}) g WHERE id = {{caseId}}', cols, cols);
            END $$;
            ANALYZE cases;
            """, conn);
        cmd.CommandTimeout = 120;
        await cmd.ExecuteNonQueryAsync(Ct);
    }

    /// <summary>
    /// Gives each copy of <paramref name="seedCaseId"/> (references beginning with <paramref name="prefix"/>) a person of its
    /// own: a copy of the seed's first person with another family name, <paramref name="familyName"/>, which is also its
    /// one name key and form; in one statement.
    /// </summary>
    private async Task GivePersonsToCopiesAsync(int seedCaseId, string prefix, string familyName)
    {
        var key = NameForm.Of(familyName).Words.Single().Key;
        await using var conn = new NpgsqlConnection(App.ConnectionString);
        await conn.OpenAsync(Ct);
        await using var cmd = new NpgsqlCommand($$"""
            DO $$
            DECLARE cols text; source int; before int;
            BEGIN
              SELECT person_id INTO source FROM case_people WHERE case_id = {{seedCaseId}} ORDER BY position LIMIT 1;
              SELECT max(id) INTO before FROM persons;
              SELECT string_agg(quote_ident(column_name), ', ') INTO cols FROM information_schema.columns
              WHERE table_schema = 'public' AND table_name = 'persons' AND column_name NOT IN ('id', 'family_name');
              EXECUTE format('INSERT INTO persons (family_name, %s) SELECT %L, %s FROM persons, generate_series(1, %s) WHERE id = %s',
                cols, '{{familyName}}', cols, (SELECT count(*) FROM cases WHERE reference LIKE '{{prefix}}%'), source);
              INSERT INTO case_people (case_id, person_id, role, position)
              SELECT c.id, p.id, 'ApplicantInUssr', 0
              FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM cases WHERE reference LIKE '{{prefix}}%') c
              JOIN (SELECT id, row_number() OVER (ORDER BY id) AS n FROM persons WHERE id > before) p USING (n);
              INSERT INTO person_name_keys (person_id, key, form) SELECT id, '{{key}}', '{{familyName}}' FROM persons WHERE id > before;
            END $$;
            ANALYZE persons;
            ANALYZE case_people;
            ANALYZE person_name_keys;
            """, conn);
        cmd.CommandTimeout = 120;
        await cmd.ExecuteNonQueryAsync(Ct);
    }

    /// <summary>A caseworker signed in, and one case of theirs copied <paramref name="copies"/> times.</summary>
    private async Task<(UserClient Client, AppUser User, CaseDetails Seed)> SignInWithCopiesAsync(int copies, string prefix = "SP-X")
    {
        var (client, user) = await SignInAsync(Roles.Caseworker);
        var seed = await CreatedAsync(CaseBuilder.Spouse(), user);
        await CopyCaseAsync(seed.Id, copies, prefix);
        return (client, user, seed);
    }

    /// <summary>What the list says it shows ("Showing 1–50 of …").</summary>
    private static string CountOf(AngleSharp.Dom.IDocument page) => page.QuerySelector("[data-testid=result-count]")!.TextContent;

    /// <summary>The references of the cases a page of the list shows, in order.</summary>
    private static List<string> ReferencesOf(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("[data-testid=case-table] tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim()).ToList();

    [Fact]
    public async Task Past_the_count_limit_the_list_says_more_than_and_pages_up_to_the_limit()
    {
        var (client, _, _) = await SignInWithCopiesAsync(CaseService.CountLimit + 50);

        var first = await client.GetPageAsync("/Cases?category=SeparatedSpouse&sort=Urgency");
        Assert.Contains("Showing 1–50 of more than 10,000 cases", CountOf(first), StringComparison.Ordinal);
        Assert.Contains("Page 1 of 200", first.QuerySelector("nav[aria-label='Pages of cases']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Add the first 5,000 matching", first.QuerySelector("[data-testid=bulk-actions]")!.TextContent, StringComparison.Ordinal);

        // A page past the limit shows the last page within it.
        var deep = await client.GetPageAsync("/Cases?category=SeparatedSpouse&sort=Urgency&p=999");
        Assert.Contains("Showing 9,951–10,000 of more than 10,000", CountOf(deep), StringComparison.Ordinal);
        Assert.Equal(50, deep.QuerySelectorAll("[data-testid=case-table] tbody tr").Length);

        // The export still has every case.
        var csv = await client.Http.GetStringAsync("/Cases/Export?category=SeparatedSpouse", Ct);
        Assert.Equal(CaseService.CountLimit + 51, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1);
    }

    [Fact]
    public async Task A_search_past_the_limit_still_ranks_the_cases_of_the_persons_it_found_first()
    {
        // The seed's applicant is Petrova; each copy's, Petrovanovichenkovskaya: a name that begins like the query but is
        // not similar to it, so that the copies are found by that beginning and only the seed by her name. A hundred more
        // copies (SP-Y) have the seed's applicant, so that, with the cases found by the beginning, more than the limit
        // match; and by reference they come after the copies found by the beginning.
        var (client, _, seed) = await SignInWithCopiesAsync(CaseService.CountLimit + 50);
        await GivePersonsToCopiesAsync(seed.Id, "SP-X", "Petrovanovichenkovskaya");
        await CopyCaseAsync(seed.Id, 100, "SP-Y");
        Assert.Equal(100, await WithDbAsync(db => db.Database.ExecuteSqlAsync($"""
            INSERT INTO case_people (case_id, person_id, role, position)
            SELECT c.id, (SELECT person_id FROM case_people WHERE case_id = {seed.Id} ORDER BY position LIMIT 1), 'ApplicantInUssr', 0
            FROM cases c WHERE c.reference LIKE 'SP-Y%'
            """, Ct)));

        // First the cases of the persons found by their name (the seed and SP-Y), then the others, each by reference.
        var first = await client.GetPageAsync("/Cases?q=Petrov");
        Assert.Contains("Showing 1–50 of more than 10,000 cases", CountOf(first), StringComparison.Ordinal);
        var references = ReferencesOf(first);
        Assert.Equal(50, references.Count);
        Assert.Equal(seed.Reference, references[0]);
        Assert.All(references.Skip(1), r => Assert.StartsWith("SP-Y", r, StringComparison.Ordinal));
        Assert.Equal(references.Skip(1).Order(StringComparer.Ordinal), references.Skip(1));

        // What it found is kept, past the limit too: its next pages and its last one within the limit are read from it,
        // in the same order, without searching again.
        var kept = App.Factory.Services.GetRequiredService<SearchResults>();
        var before = kept.Counts;
        var second = ReferencesOf(await client.GetPageAsync("/Cases?q=Petrov&p=2"));
        var third = ReferencesOf(await client.GetPageAsync("/Cases?q=Petrov&p=3"));
        var last = await client.GetPageAsync("/Cases?q=Petrov&p=999");
        Assert.Equal((before.Hits + 3, before.Misses), kept.Counts);
        Assert.Equal(references.Skip(1).Concat(second).Concat(third.Take(1)),
            references.Skip(1).Concat(second).Concat(third.Take(1)).Order(StringComparer.Ordinal));
        Assert.All(second.Concat(third.Take(1)), r => Assert.StartsWith("SP-Y", r, StringComparison.Ordinal));
        Assert.Equal(49, third.Count(r => r.StartsWith("SP-X", StringComparison.Ordinal)));
        Assert.Equal(third.Skip(1).Order(StringComparer.Ordinal), third.Skip(1));
        Assert.Contains("Showing 9,951–10,000 of more than 10,000", CountOf(last), StringComparison.Ordinal);
        var lastKept = ReferencesOf(last);
        Assert.Equal(50, lastKept.Count);

        // Sorted otherwise, the same search is counted the same way, and reads every match, not only those kept: by
        // reference from the last, after the hundred SP-Y, come the SP-X copies past the last one kept. The same page
        // when the search is run for it and when it was kept.
        kept.Clear();
        foreach (var fresh in new[] { true, false })
        {
            var counts = kept.Counts;
            var byReference = await client.GetPageAsync("/Cases?q=Petrov&sort=Reference&desc=true&p=3");
            Assert.Equal(fresh ? (counts.Hits, counts.Misses + 1) : (counts.Hits + 1, counts.Misses), kept.Counts);
            Assert.Contains("Showing 101–150 of more than 10,000 cases", CountOf(byReference), StringComparison.Ordinal);
            var descending = ReferencesOf(byReference);
            Assert.All(descending, r => Assert.StartsWith("SP-X", r, StringComparison.Ordinal));
            Assert.Equal(descending.OrderDescending(StringComparer.Ordinal), descending);
            Assert.True(string.CompareOrdinal(descending[0], lastKept.Max(StringComparer.Ordinal)!) > 0,
                $"{descending[0]} after {lastKept.Max(StringComparer.Ordinal)}");
        }
    }

    [Fact]
    public async Task A_filter_past_the_limit_is_remembered_and_counted_again_when_a_page_comes_back_short()
    {
        var (client, _, _) = await SignInWithCopiesAsync(CaseService.CountLimit + 50);
        const string filter = "/Cases?category=SeparatedSpouse&sort=Urgency";

        Assert.Contains("of more than 10,000 cases", CountOf(await client.GetPageAsync(filter)), StringComparison.Ordinal);

        // Behind the list's back, all but 5,001 of the matching cases go (the seed and 5,000 copies stay).
        await using (var conn = new NpgsqlConnection(App.ConnectionString))
        {
            await conn.OpenAsync(Ct);
            await using var delete = new NpgsqlCommand("DELETE FROM cases WHERE reference LIKE 'SP-X%' AND substr(reference, 5)::int > 5000", conn);
            Assert.Equal(CaseService.CountLimit + 50 - 5000, await delete.ExecuteNonQueryAsync(Ct));
        }

        // Within the minute, a full page keeps the remembered "more than 10,000" (docs/decisions/0008)...
        Assert.Contains("of more than 10,000 cases", CountOf(await client.GetPageAsync(filter)), StringComparison.Ordinal);

        // ...and a page it makes short is counted again: page 150 no longer exists, so the last page is shown.
        var deep = await client.GetPageAsync(filter + "&p=150");
        Assert.Contains("Showing 5,001–5,001 of 5,001 cases", CountOf(deep), StringComparison.Ordinal);
        Assert.Single(deep.QuerySelectorAll("[data-testid=case-table] tbody tr"));
        Assert.Contains("Showing 1–50 of 5,001 cases", CountOf(await client.GetPageAsync(filter)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_urgency_order_walks_its_index_overall_and_within_a_category()
    {
        var (_, user, seed) = await SignInWithCopiesAsync(20_000);
        await using var conn = new NpgsqlConnection(App.ConnectionString);
        await conn.OpenAsync(Ct);

        async Task<string> PlanAsync(string sql)
        {
            await using var explain = new NpgsqlCommand("EXPLAIN " + sql, conn);
            var lines = new List<string>();
            await using var reader = await explain.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                lines.Add(reader.GetString(0));
            }
            return string.Join("\n", lines);
        }

        var overall = await PlanAsync("SELECT id FROM cases ORDER BY urgency_score DESC, id LIMIT 50 OFFSET 9950");
        Assert.Contains("ix_cases_urgency_score_id", overall, StringComparison.Ordinal);
        Assert.DoesNotContain("Sort", overall.Replace("Sort Key", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var byCategory = await PlanAsync("SELECT id FROM cases WHERE category = 'SeparatedSpouse' ORDER BY urgency_score DESC, id LIMIT 50 OFFSET 9950");
        Assert.Contains("ix_cases_category_urgency_score_id", byCategory, StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan", byCategory, StringComparison.Ordinal);

        // "My work": the releases promised longest ago, of one caseworker and of everyone, are read in that order from
        // an index (at a million cases a bitmap over status and caseworker and a sort took 80–170 ms).
        await using (var promise = new NpgsqlCommand(
            "UPDATE cases SET status = 'ReleasePromised', status_since = DATE '2020-01-01' + (id % 900) WHERE id % 3 = 0; ANALYZE cases", conn))
        {
            await promise.ExecuteNonQueryAsync(Ct);
        }
        var mine = await PlanAsync($"SELECT id FROM cases WHERE assigned_caseworker_id = '{user.Id}' AND status = 'ReleasePromised' AND status_since < DATE '2021-06-01' ORDER BY status_since LIMIT 100");
        Assert.Matches("ix_cases_(assigned_caseworker_id_)?status_status_since", mine);
        Assert.DoesNotContain("Sort", mine, StringComparison.Ordinal);
        var everyone = await PlanAsync("SELECT id FROM cases WHERE status = 'ReleasePromised' AND status_since < DATE '2021-06-01' ORDER BY status_since LIMIT 100");
        Assert.Contains("ix_cases_status_status_since", everyone, StringComparison.Ordinal);
        Assert.DoesNotContain("Sort", everyone, StringComparison.Ordinal);

        // Every list of cases shows each case's first person: one entry of the index of a case's people in order, and
        // one person (reading and sorting all of a case's people took two thirds of the list's page at a million cases).
        await using (var people = new NpgsqlCommand(
            $"INSERT INTO case_people (case_id, person_id, role, position) SELECT c.id, cp.person_id, cp.role, cp.position FROM cases c, case_people cp WHERE cp.case_id = {seed.Id} AND c.id <> {seed.Id}; ANALYZE case_people", conn))
        {
            await people.ExecuteNonQueryAsync(Ct);
        }
        var applicant = await PlanAsync($"SELECT p.family_name FROM case_people cp JOIN persons p ON cp.person_id = p.id WHERE cp.case_id = {seed.Id + 7} ORDER BY cp.position LIMIT 1");
        Assert.Contains("ix_case_people_case_id_position", applicant, StringComparison.Ordinal);
        Assert.DoesNotContain("Sort", applicant, StringComparison.Ordinal);
    }
}
