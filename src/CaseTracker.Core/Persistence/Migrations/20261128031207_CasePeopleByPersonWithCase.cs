using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseTracker.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CasePeopleByPersonWithCase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_case_people_person_id",
                table: "case_people");

            migrationBuilder.CreateIndex(
                name: "ix_case_people_person_id",
                table: "case_people",
                column: "person_id")
                .Annotation("Npgsql:IndexInclude", new[] { "case_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_case_people_person_id",
                table: "case_people");

            migrationBuilder.CreateIndex(
                name: "ix_case_people_person_id",
                table: "case_people",
                column: "person_id");
        }
    }
}
