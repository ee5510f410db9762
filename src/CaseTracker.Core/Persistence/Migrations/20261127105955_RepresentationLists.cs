using System;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CaseTracker.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RepresentationLists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "declines_listing",
                table: "persons",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "lists",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    purpose = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    classification = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    target_date = table.Column<DateOnly>(type: "date", nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    their_stated_count = table.Column<int>(type: "integer", nullable: true),
                    carried_over_from_id = table.Column<int>(type: "integer", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by_id = table.Column<string>(type: "text", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    check_acknowledged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    check_acknowledged_by_id = table.Column<string>(type: "text", nullable: true),
                    approved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    approved_by_id = table.Column<string>(type: "text", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lists", x => x.id);
                    table.ForeignKey(
                        name: "fk_lists_lists_carried_over_from_id",
                        column: x => x.carried_over_from_id,
                        principalTable: "lists",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "list_deliveries",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    list_id = table.Column<int>(type: "integer", nullable: false),
                    instalment = table.Column<int>(type: "integer", nullable: false),
                    delivered_on = table.Column<DateOnly>(type: "date", nullable: false),
                    occasion = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    delivered_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    delivered_to = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    snapshot = table.Column<JsonDocument>(type: "jsonb", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by_id = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_list_deliveries", x => x.id);
                    table.ForeignKey(
                        name: "fk_list_deliveries_lists_list_id",
                        column: x => x.list_id,
                        principalTable: "lists",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "list_reconciliations",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    list_id = table.Column<int>(type: "integer", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    by_id = table.Column<string>(type: "text", nullable: true),
                    their_names = table.Column<string>(type: "character varying(200000)", maxLength: 200000, nullable: false),
                    matched = table.Column<int>(type: "integer", nullable: false),
                    only_ours = table.Column<int>(type: "integer", nullable: false),
                    only_theirs = table.Column<int>(type: "integer", nullable: false),
                    result = table.Column<JsonDocument>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_list_reconciliations", x => x.id);
                    table.ForeignKey(
                        name: "fk_list_reconciliations_lists_list_id",
                        column: x => x.list_id,
                        principalTable: "lists",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "list_entries",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    list_id = table.Column<int>(type: "integer", nullable: false),
                    case_id = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    added_by_id = table.Column<string>(type: "text", nullable: true),
                    removed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    removed_by_id = table.Column<string>(type: "text", nullable: true),
                    removal_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    hold_until_family_told = table.Column<bool>(type: "boolean", nullable: false),
                    delivery_id = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_list_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_list_entries_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_list_entries_list_deliveries_delivery_id",
                        column: x => x.delivery_id,
                        principalTable: "list_deliveries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_list_entries_lists_list_id",
                        column: x => x.list_id,
                        principalTable: "lists",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "list_answers",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    entry_id = table.Column<int>(type: "integer", nullable: false),
                    received_on = table.Column<DateOnly>(type: "date", nullable: false),
                    channel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    their_words = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    verification = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by_id = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_list_answers", x => x.id);
                    table.ForeignKey(
                        name: "fk_list_answers_list_entries_entry_id",
                        column: x => x.entry_id,
                        principalTable: "list_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_list_answers_entry_id_received_on",
                table: "list_answers",
                columns: new[] { "entry_id", "received_on" });

            migrationBuilder.CreateIndex(
                name: "ix_list_deliveries_list_id_instalment",
                table: "list_deliveries",
                columns: new[] { "list_id", "instalment" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_list_entries_case_id",
                table: "list_entries",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_list_entries_delivery_id",
                table: "list_entries",
                column: "delivery_id");

            migrationBuilder.CreateIndex(
                name: "ix_list_entries_list_id_case_id",
                table: "list_entries",
                columns: new[] { "list_id", "case_id" },
                unique: true,
                filter: "removed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_list_entries_list_id_position",
                table: "list_entries",
                columns: new[] { "list_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_list_reconciliations_list_id",
                table: "list_reconciliations",
                column: "list_id");

            migrationBuilder.CreateIndex(
                name: "ix_lists_carried_over_from_id",
                table: "lists",
                column: "carried_over_from_id");

            migrationBuilder.CreateIndex(
                name: "ix_lists_name",
                table: "lists",
                column: "name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "list_answers");

            migrationBuilder.DropTable(
                name: "list_reconciliations");

            migrationBuilder.DropTable(
                name: "list_entries");

            migrationBuilder.DropTable(
                name: "list_deliveries");

            migrationBuilder.DropTable(
                name: "lists");

            migrationBuilder.DropColumn(
                name: "declines_listing",
                table: "persons");
        }
    }
}
