using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseTracker.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PersonsWithoutSearchText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The case list found typed text in a lower-cased text of each person's names (search_text) through this
            // trigram index, which every write of a person kept; it now finds the beginnings of names through the name
            // keys (PeopleSearch.BeginningWithAsync), in any script and spelling (docs/people.md). Nothing reads or fills
            // the text any more. The column stays, empty by default, for one release: the previous release's schema
            // requires it, and this release's writes must fit it during an upgrade. The next release drops it.
            migrationBuilder.DropIndex(
                name: "ix_persons_search_text",
                table: "persons");

            migrationBuilder.AlterColumn<string>(
                name: "search_text",
                table: "persons",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(1000)",
                oldMaxLength: 1000);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Persons written since the upgrade have an empty text: the code that filled it is gone.
            migrationBuilder.AlterColumn<string>(
                name: "search_text",
                table: "persons",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(1000)",
                oldMaxLength: 1000,
                oldDefaultValue: "");

            migrationBuilder.CreateIndex(
                name: "ix_persons_search_text",
                table: "persons",
                column: "search_text")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }
    }
}
