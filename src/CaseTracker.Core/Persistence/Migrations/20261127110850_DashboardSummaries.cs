using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseTracker.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DashboardSummaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Summaries for the supervisor dashboard, refreshed concurrently on a short schedule and on demand
            // (DashboardService.RefreshAsync), so that no request groups the whole case table.
            migrationBuilder.Sql("""
                CREATE TABLE dashboard_refreshes (id int PRIMARY KEY, refreshed_at timestamptz);
                INSERT INTO dashboard_refreshes (id, refreshed_at) VALUES (1, now());

                CREATE MATERIALIZED VIEW dashboard_case_totals AS
                SELECT c.category, c.status, COALESCE(c.assigned_caseworker_id, '') AS assigned, c.is_restricted,
                       count(*)::int AS cases, COALESCE(sum(p.n), 0)::int AS persons
                FROM cases c
                LEFT JOIN (SELECT case_id, count(*) AS n FROM case_people GROUP BY case_id) p ON p.case_id = c.id
                GROUP BY 1, 2, 3, 4;
                CREATE UNIQUE INDEX ux_dashboard_case_totals ON dashboard_case_totals (category, status, assigned, is_restricted);

                CREATE MATERIALIZED VIEW dashboard_case_months AS
                SELECT 'opened'::text AS kind, date_trunc('month', c.created_at AT TIME ZONE 'UTC')::date AS month, c.category,
                       COALESCE(c.assigned_caseworker_id, '') AS assigned, c.is_restricted, count(*)::int AS cases
                FROM cases c GROUP BY 1, 2, 3, 4, 5
                UNION ALL
                SELECT 'resolved'::text, date_trunc('month', c.status_since)::date, c.category,
                       COALESCE(c.assigned_caseworker_id, ''), c.is_restricted, count(*)::int
                FROM cases c WHERE c.status = 'Reunited' AND c.status_since IS NOT NULL GROUP BY 1, 2, 3, 4, 5;
                CREATE UNIQUE INDEX ux_dashboard_case_months ON dashboard_case_months (kind, month, category, assigned, is_restricted);

                CREATE MATERIALIZED VIEW dashboard_case_separated AS
                SELECT COALESCE(extract(year FROM c.separated_since)::int, 0) AS year, c.category,
                       COALESCE(c.assigned_caseworker_id, '') AS assigned, c.is_restricted, count(*)::int AS cases
                FROM cases c WHERE c.status NOT IN ('Reunited', 'Closed') GROUP BY 1, 2, 3, 4;
                CREATE UNIQUE INDEX ux_dashboard_case_separated ON dashboard_case_separated (year, category, assigned, is_restricted);

                CREATE MATERIALIZED VIEW dashboard_case_applications AS
                SELECT COALESCE(extract(year FROM c.first_exit_application_on)::int, 0) AS year, c.category,
                       COALESCE(c.assigned_caseworker_id, '') AS assigned, c.is_restricted, count(*)::int AS cases
                FROM cases c WHERE c.status NOT IN ('Reunited', 'Closed') GROUP BY 1, 2, 3, 4;
                CREATE UNIQUE INDEX ux_dashboard_case_applications ON dashboard_case_applications (year, category, assigned, is_restricted);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP MATERIALIZED VIEW IF EXISTS dashboard_case_applications;
                DROP MATERIALIZED VIEW IF EXISTS dashboard_case_separated;
                DROP MATERIALIZED VIEW IF EXISTS dashboard_case_months;
                DROP MATERIALIZED VIEW IF EXISTS dashboard_case_totals;
                DROP TABLE IF EXISTS dashboard_refreshes;
                """);
        }
    }
}
