using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseTracker.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CaseListCoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_cases_category_urgency_score_id",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_urgency_score_id",
                table: "cases");

            migrationBuilder.CreateIndex(
                name: "ix_cases_category_urgency_score_id",
                table: "cases",
                columns: new[] { "category", "urgency_score", "id" },
                descending: new[] { false, true, false })
                .Annotation("Npgsql:IndexInclude", new[] { "is_restricted", "assigned_caseworker_id" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_urgency_score_id",
                table: "cases",
                columns: new[] { "urgency_score", "id" },
                descending: new[] { true, false })
                .Annotation("Npgsql:IndexInclude", new[] { "is_restricted", "assigned_caseworker_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_cases_category_urgency_score_id",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_urgency_score_id",
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
        }
    }
}
