using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseTracker.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class NameKeyVocabulary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_person_name_keys_key",
                table: "person_name_keys");

            migrationBuilder.DropIndex(
                name: "ix_person_name_keys_key_trgm",
                table: "person_name_keys");

            migrationBuilder.CreateIndex(
                name: "ix_person_name_keys_key",
                table: "person_name_keys",
                column: "key")
                .Annotation("Npgsql:IndexInclude", new[] { "person_id" });

            // The distinct name keys, for finding similar keys by trigrams (PeopleSearch.MatchAsync): a few thousand
            // to a few hundred thousand rows where person_name_keys has millions. Kept by a statement trigger on
            // person_name_keys, so that every writer (the DbContext, the import, COPY) keeps it. Keys no person has any
            // more stay; they lead to no one.
            migrationBuilder.Sql("""
                CREATE TABLE name_key_vocabulary (key varchar(100) PRIMARY KEY);
                INSERT INTO name_key_vocabulary (key) SELECT DISTINCT key FROM person_name_keys WHERE key <> '';
                CREATE INDEX ix_name_key_vocabulary_key_trgm ON name_key_vocabulary USING gin (key gin_trgm_ops);

                CREATE FUNCTION name_key_vocabulary_add() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO name_key_vocabulary (key)
                    SELECT DISTINCT key FROM new_keys WHERE key <> ''
                    ON CONFLICT DO NOTHING;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER person_name_keys_vocabulary AFTER INSERT ON person_name_keys
                    REFERENCING NEW TABLE AS new_keys FOR EACH STATEMENT EXECUTE FUNCTION name_key_vocabulary_add();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS person_name_keys_vocabulary ON person_name_keys;
                DROP FUNCTION IF EXISTS name_key_vocabulary_add();
                DROP TABLE IF EXISTS name_key_vocabulary;
                """);

            migrationBuilder.DropIndex(
                name: "ix_person_name_keys_key",
                table: "person_name_keys");

            migrationBuilder.CreateIndex(
                name: "ix_person_name_keys_key",
                table: "person_name_keys",
                column: "key");

            migrationBuilder.CreateIndex(
                name: "ix_person_name_keys_key_trgm",
                table: "person_name_keys",
                column: "key")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }
    }
}
