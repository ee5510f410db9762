using System.Security.Claims;
using CaseTracker.Core.Cases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;

namespace CaseTracker.Bench.Pages;

/// <summary>
/// The baseline of scripts/bench: the case list's first page (the same two statements EF Core sends for
/// /Cases?category=…&amp;sort=Urgency, the count capped at CaseService.CountLimit, and remembered past it as the product
/// remembers it (CappedCounts), and the page, taken from its
/// Database.Command log) run with raw Npgsql, and the
/// same rows rendered in the same layout. Same process, same pipeline, same sign-in and policy as the product page.
/// </summary>
[Authorize(Policy = "CaseWork")]
public sealed class BenchBaselineModel(NpgsqlDataSource dataSource, CappedCounts counts, TimeProvider clock) : PageModel
{
    private const string CountSql = """
        SELECT count(*)::int
        FROM (
            SELECT 1
            FROM cases AS c
            WHERE (NOT (c.is_restricted) OR c.assigned_caseworker_id = $1) AND c.category = $2
            LIMIT $3
        ) AS c0
        """;

    private const string PageSql = """
        SELECT c0.id, c0.reference, c0.title, c0.category, c0.status, (
            SELECT p.family_name || ' ' || COALESCE(p.given_name, '')
            FROM case_people AS c1
            INNER JOIN persons AS p ON c1.person_id = p.id
            WHERE c0.id = c1.case_id
            ORDER BY c1.position
            LIMIT 1), (
            SELECT COALESCE(p0.native_family_name, '') || ' ' || COALESCE(p0.native_given_name, '')
            FROM case_people AS c2
            INNER JOIN persons AS p0 ON c2.person_id = p0.id
            WHERE c0.id = c2.case_id
            ORDER BY c2.position
            LIMIT 1), (
            SELECT count(*)::int
            FROM case_people AS c3
            WHERE c0.id = c3.case_id), c0.separated_since, u.display_name, c0.updated_at, c0.urgency_score, c0.urgency_factors
        FROM (
            SELECT c.id, c.assigned_caseworker_id, c.category, c.reference, c.separated_since, c.status, c.title, c.updated_at, c.urgency_factors, c.urgency_score
            FROM cases AS c
            WHERE (NOT (c.is_restricted) OR c.assigned_caseworker_id = $1) AND c.category = $2
            ORDER BY c.urgency_score DESC, c.id
            LIMIT $3 OFFSET $4
        ) AS c0
        LEFT JOIN users AS u ON c0.assigned_caseworker_id = u.id
        ORDER BY c0.urgency_score DESC, c0.id
        """;

    [BindProperty(SupportsGet = true)]
    public CaseCategory Category { get; set; } = CaseCategory.DividedFamily;

    public List<CaseListItem> Items { get; } = [];

    public int TotalCount { get; private set; }

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var category = Category.ToString();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        // Counted as the product counts: a filter past the limit is remembered as such (CappedCounts).
        var (counted, _) = await counts.CountAsync("baseline|" + category + "|" + userId, async token =>
        {
            await using var count = new NpgsqlCommand(CountSql, connection);
            count.Parameters.Add(new NpgsqlParameter { Value = userId });
            count.Parameters.Add(new NpgsqlParameter { Value = category });
            count.Parameters.Add(new NpgsqlParameter { Value = CaseService.CountLimit + 1 });
            return (int)(await count.ExecuteScalarAsync(token))!;
        }, ct);
        TotalCount = Math.Min(counted, CaseService.CountLimit);
        await using var page = new NpgsqlCommand(PageSql, connection);
        page.Parameters.Add(new NpgsqlParameter { Value = userId });
        page.Parameters.Add(new NpgsqlParameter { Value = category });
        page.Parameters.Add(new NpgsqlParameter { Value = CaseListQuery.DefaultPageSize });
        page.Parameters.Add(new NpgsqlParameter { Value = 0 });
        await using var reader = await page.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            Items.Add(new CaseListItem(
                reader.GetInt32(0),
                reader.GetString(1),
                reader.GetString(2),
                Enum.Parse<CaseCategory>(reader.GetString(3)),
                Enum.Parse<CaseStatus>(reader.GetString(4)),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.GetInt32(7),
                reader.IsDBNull(8) ? null : reader.GetFieldValue<DateOnly>(8),
                reader.IsDBNull(9) ? null : reader.GetString(9),
                reader.GetFieldValue<DateTimeOffset>(10),
                reader.GetInt32(11),
                reader.GetFieldValue<string[]>(12)));
        }
    }
}
