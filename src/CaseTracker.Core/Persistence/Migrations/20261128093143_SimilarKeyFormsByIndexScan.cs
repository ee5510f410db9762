using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseTracker.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SimilarKeyFormsByIndexScan : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The persons with the keys most similar to a query key, each with the form of their name that has the key, the
            // most similar keys first, up to a limit (PeopleSearch.SimilarKeyFormsSql). Planned once for any key, the
            // statement expected a key's average number of persons (20,000 at 2.6 million cases) and chose a bitmap scan of
            // the key index, which reads every person of a key before the limit applies: 100,000–250,000 rows and 50–175 ms
            // for a common key such as Fedorovich's, against 2–7 ms when the index is read only up to the limit
            // (docs/performance.md); and where a key holds a large share of a small table, a sequential scan. So this
            // statement reads the person keys by the key index alone, up to the limit: without bitmap or sequential scans.
            // similar_name_keys, called from it, is planned as before, with both: its trigram index has only bitmap scans.
            migrationBuilder.Sql("""
                ALTER FUNCTION similar_name_keys(text, int) SET enable_bitmapscan = on SET enable_seqscan = on;

                CREATE FUNCTION similar_key_forms(q text, n int, lim int) RETURNS TABLE (person_id int, form varchar)
                LANGUAGE plpgsql STABLE PARALLEL SAFE ROWS 2000 SET enable_bitmapscan = off SET enable_seqscan = off AS $$
                #variable_conflict use_column
                BEGIN
                    RETURN QUERY
                        SELECT k.person_id, k.form
                        FROM (SELECT s.key, s.similarity FROM similar_name_keys(q, n) s ORDER BY s.similarity DESC) v
                        CROSS JOIN LATERAL (SELECT p.person_id, p.form FROM person_name_keys p WHERE p.key = v.key LIMIT lim) k
                        ORDER BY v.similarity DESC
                        LIMIT lim;
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP FUNCTION IF EXISTS similar_key_forms(text, int, int);
                ALTER FUNCTION similar_name_keys(text, int) RESET enable_bitmapscan RESET enable_seqscan;
                """);
        }
    }
}
