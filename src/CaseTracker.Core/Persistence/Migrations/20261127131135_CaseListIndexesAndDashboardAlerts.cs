using CaseTracker.Core.CaseWork;
using CaseTracker.Core.Dashboard;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseTracker.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CaseListIndexesAndDashboardAlerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_cases_urgency_score",
                table: "cases");

            migrationBuilder.CreateIndex(
                name: "ix_cases_category_urgency_score_id",
                table: "cases",
                columns: new[] { "category", "urgency_score", "id" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "ix_cases_urgency_score_id",
                table: "cases",
                columns: new[] { "urgency_score", "id" },
                descending: new[] { true, false });

            // The dashboard's alerts and overdue tasks, from summaries refreshed with the others
            // (DashboardService.RefreshAsync) rather than counted on every request; and each list's progress as of
            // the last refresh. The thresholds are the service's constants as of this migration: a change to them
            // needs a migration that recreates the view.
            migrationBuilder.Sql($"""
                CREATE MATERIALIZED VIEW dashboard_case_alerts AS
                SELECT c.category, COALESCE(c.assigned_caseworker_id, '') AS assigned, c.is_restricted,
                       (count(*) FILTER (WHERE c.status = 'ReleasePromised'
                           AND c.status_since < (now() AT TIME ZONE 'UTC')::date - {CaseWorkService.PromisedAlertDays}))::int AS promised_overdue,
                       (count(*) FILTER (WHERE c.urgency_score >= {DashboardService.UrgentScore}
                           AND c.updated_at < now() - interval '{CaseWorkService.QuietDays} days'
                           AND NOT EXISTS (SELECT 1 FROM case_events e
                                           WHERE e.case_id = c.id AND e.recorded_at >= now() - interval '{CaseWorkService.QuietDays} days')))::int AS urgent_quiet
                FROM cases c WHERE c.status NOT IN ('Reunited', 'Closed') GROUP BY 1, 2, 3;
                CREATE UNIQUE INDEX ux_dashboard_case_alerts ON dashboard_case_alerts (category, assigned, is_restricted);

                CREATE MATERIALIZED VIEW dashboard_overdue_tasks AS
                SELECT t.assignee_id AS assignee, count(*)::int AS tasks
                FROM case_tasks t
                WHERE t.completed_at IS NULL AND t.assignee_id IS NOT NULL AND t.due_on < (now() AT TIME ZONE 'UTC')::date
                GROUP BY 1;
                CREATE UNIQUE INDEX ux_dashboard_overdue_tasks ON dashboard_overdue_tasks (assignee);

                CREATE TABLE dashboard_list_rows (list_id int PRIMARY KEY, position int NOT NULL, row jsonb NOT NULL);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TABLE IF EXISTS dashboard_list_rows;
                DROP MATERIALIZED VIEW IF EXISTS dashboard_overdue_tasks;
                DROP MATERIALIZED VIEW IF EXISTS dashboard_case_alerts;
                """);

            migrationBuilder.DropIndex(
                name: "ix_cases_category_urgency_score_id",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_urgency_score_id",
                table: "cases");

            migrationBuilder.CreateIndex(
                name: "ix_cases_urgency_score",
                table: "cases",
                column: "urgency_score");
        }
    }
}
