using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseTracker.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MyWorkIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_cases_assigned_caseworker_id",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_status",
                table: "cases");

            migrationBuilder.CreateIndex(
                name: "ix_cases_assigned_caseworker_id_status_status_since",
                table: "cases",
                columns: new[] { "assigned_caseworker_id", "status", "status_since" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_status_status_since",
                table: "cases",
                columns: new[] { "status", "status_since" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_cases_assigned_caseworker_id_status_status_since",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_status_status_since",
                table: "cases");

            migrationBuilder.CreateIndex(
                name: "ix_cases_assigned_caseworker_id",
                table: "cases",
                column: "assigned_caseworker_id");

            migrationBuilder.CreateIndex(
                name: "ix_cases_status",
                table: "cases",
                column: "status");
        }
    }
}
