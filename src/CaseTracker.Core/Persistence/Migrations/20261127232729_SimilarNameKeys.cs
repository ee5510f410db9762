using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseTracker.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SimilarNameKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The keys of the vocabulary most similar to a query key, by the vocabulary's trigram index
            // (PeopleSearch.SimilarKeyFormsSql). The planner prices similarity() so cheaply that it scanned a vocabulary
            // of a few thousand keys instead, computing the similarity of each: 3.3 ms against 0.24 ms by the index
            // (docs/performance.md). So this statement alone runs without sequential scans, and is planned for the key
            // at hand (EXECUTE): planned once for any key, it read the whole primary key instead. A key is similar to
            // itself (similarity 1). ROWS: a key has a few dozen similar keys, not the default thousand, which made the
            // planner read every person key to join them.
            migrationBuilder.Sql("""
                CREATE FUNCTION similar_name_keys(q text, n int) RETURNS TABLE (key varchar, similarity real)
                LANGUAGE plpgsql STABLE PARALLEL SAFE ROWS 10 SET cpu_operator_cost = 0.25 AS $$
                BEGIN
                    RETURN QUERY EXECUTE
                        'SELECT v.key, similarity(v.key, $1) FROM name_key_vocabulary v WHERE v.key % $1 ORDER BY 2 DESC LIMIT $2'
                        USING q, n;
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS similar_name_keys(text, int);");
        }
    }
}
