using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseTracker.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SearchChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The transactions that changed what a case search finds (SearchResults, docs/decisions/0009): one row per
            // transaction, written by statement triggers on the tables a search reads, whoever writes them (the DbContext,
            // the import's COPY, another instance, a hand-written statement). A kept search result stays valid while no
            // transaction here committed after the snapshot it was read in. Each transaction writes its own row, so
            // writers never wait for each other; the row's time is that of its last writing statement, and rows an hour
            // old are removed now and then (kept results live for minutes).
            migrationBuilder.Sql("""
                CREATE TABLE search_changes (
                    xid xid8 PRIMARY KEY,
                    changed_at timestamptz NOT NULL DEFAULT clock_timestamp());
                CREATE FUNCTION search_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO search_changes (xid) VALUES (pg_current_xact_id())
                    ON CONFLICT (xid) DO UPDATE SET changed_at = clock_timestamp();
                    IF random() < 0.01 THEN
                        DELETE FROM search_changes WHERE xid IN (
                            SELECT s.xid FROM search_changes s
                            WHERE s.changed_at < clock_timestamp() - interval '1 hour'
                            FOR UPDATE SKIP LOCKED);
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER cases_search_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON cases
                    FOR EACH STATEMENT EXECUTE FUNCTION search_changed();
                CREATE TRIGGER case_people_search_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON case_people
                    FOR EACH STATEMENT EXECUTE FUNCTION search_changed();
                CREATE TRIGGER person_name_keys_search_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON person_name_keys
                    FOR EACH STATEMENT EXECUTE FUNCTION search_changed();
                CREATE TRIGGER list_entries_search_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON list_entries
                    FOR EACH STATEMENT EXECUTE FUNCTION search_changed();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS list_entries_search_changed ON list_entries;
                DROP TRIGGER IF EXISTS person_name_keys_search_changed ON person_name_keys;
                DROP TRIGGER IF EXISTS case_people_search_changed ON case_people;
                DROP TRIGGER IF EXISTS cases_search_changed ON cases;
                DROP FUNCTION IF EXISTS search_changed();
                DROP TABLE IF EXISTS search_changes;
                """);
        }
    }
}
