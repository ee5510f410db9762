using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseTracker.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CaseWork : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "status_since",
                table: "cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "urgency_factors",
                table: "cases",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");

            migrationBuilder.AddColumn<int>(
                name: "urgency_score",
                table: "cases",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "case_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    occurred_on = table.Column<DateOnly>(type: "date", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    author_id = table.Column<string>(type: "text", nullable: true),
                    text = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    contact_kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    from_status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    to_status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    closure_reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    corrects_id = table.Column<Guid>(type: "uuid", nullable: true),
                    task_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_events_case_events_corrects_id",
                        column: x => x.corrects_id,
                        principalTable: "case_events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_case_events_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_case_events_users_author_id",
                        column: x => x.author_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "case_tasks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    assignee_id = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by_id = table.Column<string>(type: "text", nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_tasks", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_tasks_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_case_tasks_users_assignee_id",
                        column: x => x.assignee_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "ix_cases_first_exit_application_on",
                table: "cases",
                column: "first_exit_application_on");

            migrationBuilder.CreateIndex(
                name: "ix_cases_urgency_score",
                table: "cases",
                column: "urgency_score");

            migrationBuilder.CreateIndex(
                name: "ix_case_events_author_id",
                table: "case_events",
                column: "author_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_events_case_id_occurred_on_recorded_at",
                table: "case_events",
                columns: new[] { "case_id", "occurred_on", "recorded_at" });

            migrationBuilder.CreateIndex(
                name: "ix_case_events_corrects_id",
                table: "case_events",
                column: "corrects_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_tasks_assignee_id_due_on",
                table: "case_tasks",
                columns: new[] { "assignee_id", "due_on" },
                filter: "completed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_case_tasks_case_id",
                table: "case_tasks",
                column: "case_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_events");

            migrationBuilder.DropTable(
                name: "case_tasks");

            migrationBuilder.DropIndex(
                name: "ix_cases_first_exit_application_on",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_urgency_score",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "status_since",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "urgency_factors",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "urgency_score",
                table: "cases");
        }
    }
}
