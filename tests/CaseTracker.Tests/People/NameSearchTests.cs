using System.Net;
using CaseTracker.Core.Accounts;
using CaseTracker.Core.Cases;
using CaseTracker.Core.Common;
using CaseTracker.Core.Demo;
using CaseTracker.Core.Names;
using CaseTracker.Core.People;
using CaseTracker.Tests.Cases;
using CaseTracker.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CaseTracker.Tests.People;

public sealed class NameSearchTests(TestApp app) : IntegrationTest(app)
{
    private static readonly RomanizationSystem[] OtherSystems = [RomanizationSystem.Icao9303, RomanizationSystem.German, RomanizationSystem.French];

    private static CreateCaseCommand Shcharansky()
    {
        var c = CaseBuilder.Spouse("Shcharanskiy", "Щаранский");
        c.Category = CaseCategory.Emigration;
        c.EmigrationGroup = EmigrationGroup.Jewish;
        c.Title = "Shcharanskiy – emigration to Israel";
        c.People[0].GivenName = "Anatoliy";
        c.People[0].Patronymic = "Borisovich";
        c.People[0].NativeGivenName = "Анатолий";
        c.People[0].NativePatronymic = "Борисович";
        c.People[0].Sex = Sex.Male;
        c.People[0].BirthYear = 1948;
        c.People[0].IllnessOrDisability = null;
        return c;
    }

    [Theory]
    [InlineData("Щаранский")]
    [InlineData("Shcharansky")]
    [InlineData("Sharansky")]
    [InlineData("Scharanski")]
    [InlineData("Chtcharanski")]
    [InlineData("Anatoly Sharansky")]
    [InlineData("Sharansky Anatoly")]
    [InlineData("Щаранский Анатолий Борисович")]
    [InlineData("Щаранская")]
    public async Task A_person_is_found_under_any_script_spelling_order_and_surname_form(string query)
    {
        var (client, user) = await SignInAsync();
        var wanted = await CreatedAsync(Shcharansky(), user);
        await CreatedAsync(CaseBuilder.Spouse("Orlova", "Орлова"), user);

        var page = await client.GetPageAsync("/Cases?q=" + Uri.EscapeDataString(query));
        var first = page.QuerySelector("[data-testid=case-table] tbody tr").Text();
        Assert.Contains(wanted.Reference, first);
        var csv = await client.Http.GetStringAsync("/Cases/Export?q=" + Uri.EscapeDataString(query), Ct);
        Assert.Contains(wanted.Reference, csv);
        Assert.DoesNotContain("Orlova", csv);
    }

    [Fact]
    public async Task A_later_name_recorded_as_an_alias_finds_the_person_with_the_matched_form_shown()
    {
        var (client, user) = await SignInAsync();
        var c = await CreatedAsync(Shcharansky(), user);
        var form = await client.GetFormAsync($"/People/{c.People[0].PersonId}", "[data-testid=alias-form]");
        form["Alias.FamilyName"] = "Sharansky";
        form["Alias.GivenName"] = "Natan";
        form["Alias.Kind"] = "2";
        form["Alias.Source"] = "Israeli press, 1986";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(form)).StatusCode);

        var page = await client.GetPageAsync("/People?q=Natan%20Sharansky");
        var row = page.QuerySelector("[data-testid=people-results] tbody tr");
        Assert.Contains("Shcharanskiy Anatoliy", row.Text());
        Assert.Equal("Sharansky Natan", row!.QuerySelector("[data-testid=matched-form]").Text());
        Assert.Contains(c.Reference, (await client.GetPageAsync("/Cases?q=Natan%20Sharansky")).QuerySelector("[data-testid=case-table]").Text());
    }

    [Fact]
    public async Task People_search_ranks_the_closest_name_first()
    {
        var (client, user) = await SignInAsync();
        await CreatedAsync(CaseBuilder.Spouse("Zakharova", "Захарова"), user);
        await CreatedAsync(CaseBuilder.Spouse("Sakharova", "Сахарова"), user);

        var page = await client.GetPageAsync("/People?q=%D0%A1%D0%B0%D1%85%D0%B0%D1%80%D0%BE%D0%B2%D0%B0");
        var rows = page.QuerySelectorAll("[data-testid=people-results] tbody tr").Select(r => r.Text()).ToList();

        Assert.Contains("Sakharova", rows[0]);
        var scores = page.QuerySelectorAll("[data-testid=score]").Select(s => double.Parse(s.Text(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
    }

    [Fact]
    public async Task Every_demo_person_is_found_by_the_cyrillic_name_and_three_other_romanisations()
    {
        Assert.True(await WithServiceAsync<DemoDataSeeder, bool>(s => s.SeedAsync("a demo password for the names test", Ct)));
        var supervisor = await App.CreateUserAsync(Roles.Supervisor);
        using var client = App.CreateUserClient();
        await client.SignInAsync(supervisor.Email!, TestApp.Password);
        var persons = await WithDbAsync(db => db.Persons.AsNoTracking()
            .Where(p => p.NativeFamilyName != null && p.NativeGivenName != null)
            .Select(p => new { p.Id, p.NativeFamilyName, p.NativeGivenName, References = p.Cases.Select(c => c.Case.Reference).ToList() })
            .ToListAsync(Ct));
        var misses = new List<string>();
        var queries = 0;
        foreach (var p in persons)
        {
            var native = $"{p.NativeFamilyName} {p.NativeGivenName}";
            var forms = new[] { native }.Concat(OtherSystems.Select(s => Transliteration.Romanize(native, s))).Distinct().ToList();
            foreach (var form in forms)
            {
                foreach (var endpoint in new[] { "/Cases/Export?q=", "/Cases?q=" })
                {
                    var body = await client.Http.GetStringAsync(endpoint + Uri.EscapeDataString(form), Ct);
                    queries++;
                    if (!p.References.All(r => body.Contains(r, StringComparison.Ordinal)))
                    {
                        misses.Add($"{native} as “{form}” ({endpoint})");
                    }
                }
            }
        }
        TestContext.Current.TestOutputHelper?.WriteLine($"{persons.Count} demo persons with Cyrillic names, {queries} queries, {misses.Count} misses");
        Assert.True(persons.Count > 200);
        Assert.Empty(misses);
    }

    [Fact]
    public async Task A_typed_beginning_finds_the_name_in_any_script_and_spelling()
    {
        var (client, user) = await SignInAsync();
        var wanted = await CreatedAsync(Shcharansky(), user);
        var other = await CreatedAsync(CaseBuilder.Spouse("Orlova", "Орлова"), user);
        // The case was entered as Shcharanskiy / Щаранский; a caseworker types the beginning of any spelling.
        foreach (var typed in new[] { "Shchar", "Щаран", "Scharan", "Sharan", "shcharanskiy anat" })
        {
            var page = await client.GetPageAsync("/Cases?q=" + Uri.EscapeDataString(typed));
            var table = page.QuerySelector("[data-testid=case-table]")?.Text() ?? "";
            Assert.True(table.Contains(wanted.Reference, StringComparison.Ordinal), typed);
            Assert.False(table.Contains(other.Reference, StringComparison.Ordinal), typed);
        }
        // A name whose key alone begins alike (Zharkova: "zh" and "shch" are one key letter) comes after the names that
        // begin with the very letters typed, though its reference sorts first.
        var zharkovaCase = CaseBuilder.Spouse("Zharkova", "Жаркова");
        zharkovaCase.Category = CaseCategory.DualNational;
        var zharkova = await CreatedAsync(zharkovaCase, user);
        Assert.True(string.CompareOrdinal(zharkova.Reference, wanted.Reference) < 0);
        var typing = (await client.GetPageAsync("/Cases?q=Shchar")).QuerySelector("[data-testid=case-table]")!.Text();
        Assert.True(typing.IndexOf(zharkova.Reference, StringComparison.Ordinal) > typing.IndexOf(wanted.Reference, StringComparison.Ordinal),
            typing);
        // Every typed word must begin a word of the name: another given name does not.
        var wrong = await client.GetPageAsync("/Cases?q=" + Uri.EscapeDataString("Shchar Ivan"));
        Assert.DoesNotContain(wanted.Reference, wrong.QuerySelector("main")!.Text(), StringComparison.Ordinal);
        // Two letters begin too many names to be a beginning (the similar keys alone look at them).
        var tooShort = await client.GetPageAsync("/Cases?q=Sh");
        Assert.DoesNotContain(wanted.Reference, tooShort.QuerySelector("main")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_given_name_and_surname_find_the_person_among_thousands_with_the_same_given_name()
    {
        await using (var conn = new NpgsqlConnection(App.ConnectionString))
        {
            await conn.OpenAsync(Ct);
            // More persons called Elena than the search takes candidates for one word, and one Elena Bonner.
            await using var load = new NpgsqlCommand($$"""
                INSERT INTO persons (family_name, given_name, sex, citizenships, hunger_strikes, created_at, updated_at)
                SELECT 'Surname' || chr(97 + g % 26) || chr(97 + (g / 26) % 26) || chr(97 + (g / 676) % 26), 'Elena', 'Female', '{}', 0, now(), now()
                FROM generate_series(1, {{PeopleSearch.CandidateLimit + 500}}) g;
                INSERT INTO persons (family_name, given_name, sex, citizenships, hunger_strikes, created_at, updated_at)
                VALUES ('Bonner', 'Elena', 'Female', '{}', 0, now(), now());
                """, conn);
            await load.ExecuteNonQueryAsync(Ct);
        }
        await WithServiceAsync<PersonNameBackfill, int>(b => b.RunAsync(Ct));

        var found = await WithServiceAsync<PeopleSearch, IReadOnlyList<PersonMatch>>(s => s.MatchAsync("Elena Bonner", Ct));
        var bonner = await WithDbAsync(db => db.Persons.Where(p => p.FamilyName == "Bonner").Select(p => p.Id).SingleAsync(Ct));
        Assert.Equal(bonner, found[0].PersonId);
        // The surname first works the same.
        Assert.Equal(bonner, (await WithServiceAsync<PeopleSearch, IReadOnlyList<PersonMatch>>(s => s.MatchAsync("Боннэр Елена", Ct)))[0].PersonId);
    }

    [Fact]
    public async Task A_name_shared_by_more_persons_than_a_search_ranks_is_said_to_be_partial_and_a_given_name_narrows_it()
    {
        var (client, user) = await SignInAsync();
        // One case of a Maria Kuznetsova, then more persons of that name than the search reads candidates for, and one
        // Zinaida Kuznetsova.
        var wanted = await CreatedAsync(CaseBuilder.Spouse("Kuznetsova", "Кузнецова"), user);
        await using (var conn = new NpgsqlConnection(App.ConnectionString))
        {
            await conn.OpenAsync(Ct);
            await using var load = new NpgsqlCommand($$"""
                INSERT INTO persons (family_name, given_name, sex, citizenships, hunger_strikes, created_at, updated_at)
                SELECT 'Kuznetsova', 'Maria', 'Female', '{}', 0, now(), now()
                FROM generate_series(1, {{PeopleSearch.CandidateLimit + 100}}) g;
                INSERT INTO persons (family_name, given_name, sex, citizenships, hunger_strikes, created_at, updated_at)
                VALUES ('Kuznetsova', 'Zinaida', 'Female', '{}', 0, now(), now());
                """, conn);
            await load.ExecuteNonQueryAsync(Ct);
        }
        await WithServiceAsync<PersonNameBackfill, int>(b => b.RunAsync(Ct));

        var common = await WithServiceAsync<PeopleSearch, NameMatches>(s => s.FindAsync("Kuznetsova", Ct));
        Assert.True(common.Partial);
        Assert.Equal(500, common.Matches.Count);
        var narrowed = await WithServiceAsync<PeopleSearch, NameMatches>(s => s.FindAsync("Zinaida Kuznetsova", Ct));
        Assert.False(narrowed.Partial);
        var zinaida = await WithDbAsync(db => db.Persons.Where(p => p.GivenName == "Zinaida").Select(p => p.Id).SingleAsync(Ct));
        Assert.Equal(zinaida, narrowed.Matches[0].PersonId);

        // The case list says so next to its count, and does not claim an exact count.
        var list = await client.GetPageAsync("/Cases?q=Kuznetsova");
        Assert.Contains(wanted.Reference, list.QuerySelector("[data-testid=case-table]").Text());
        Assert.Contains("of at least 1 cases", list.QuerySelector("[data-testid=result-count]").Text(), StringComparison.Ordinal);
        Assert.Contains("Add a given name", list.QuerySelector("[data-testid=partial-names]").Text(), StringComparison.Ordinal);
        // A name whose every match was ranked is not partial: the same case, found by the spouse's name.
        var exact = await client.GetPageAsync("/Cases?q=" + Uri.EscapeDataString("Ivan Petrov"));
        Assert.Contains(wanted.Reference, exact.QuerySelector("[data-testid=case-table]").Text());
        Assert.Contains("of 1 cases", exact.QuerySelector("[data-testid=result-count]").Text(), StringComparison.Ordinal);
        Assert.Null(exact.QuerySelector("[data-testid=partial-names]"));

        // The people search shows the best 50 and says that more match.
        var people = await client.GetPageAsync("/People?q=Kuznetsova");
        Assert.Equal(50, people.QuerySelectorAll("[data-testid=people-results] tbody tr").Length);
        Assert.Contains("more persons match this name", people.QuerySelector("[data-testid=more-people]").Text(), StringComparison.Ordinal);
        var one = await client.GetPageAsync("/People?q=" + Uri.EscapeDataString("Zinaida Kuznetsova"));
        Assert.Null(one.QuerySelector("[data-testid=more-people]"));
    }

    /// <summary>
    /// A beginning of several words finds the persons with a key that begins with each of them, led by the word that
    /// begins fewer keys; and, when every word begins more keys than are counted to choose
    /// (<see cref="PeopleSearch.BeginningCountCap"/>), by reading every word's keys: the same persons, up to the limit.
    /// Here 20,001 persons have a key that begins with one word only, 20,001 with the other only, 30 with both, and 12 with
    /// the first and a rare word.
    /// </summary>
    [Fact]
    public async Task A_beginning_of_several_words_finds_the_persons_with_every_word_however_common_the_words()
    {
        var first = NameForm.Of("Zorbalak").Words.Single().Key;
        var second = NameForm.Of("Quintevar").Words.Single().Key;
        var rare = NameForm.Of("Rarikon").Words.Single().Key;
        Assert.True(PeopleSearch.BeginningCountCap <= 20_001);
        await WithDbAsync(db => db.Database.ExecuteSqlAsync($$"""
            INSERT INTO persons (family_name, given_name, sex, citizenships, hunger_strikes, created_at, updated_at)
            SELECT f, g, 'Unknown', '{}', 0, now(), now()
            FROM (SELECT 'Zorbalakova' AS f, 'Ada' AS g, generate_series(1, 20001)
                  UNION ALL SELECT 'Lind', 'Quintevarin', generate_series(1, 20001)
                  UNION ALL SELECT 'Zorbalak', 'Quintevar', generate_series(1, 30)
                  UNION ALL SELECT 'Zorbalaki', 'Rarikon', generate_series(1, 12)) p;
            INSERT INTO person_name_keys (person_id, key, form)
            SELECT p.id, k.key, p.family_name || ' ' || p.given_name
            FROM persons p
            CROSS JOIN LATERAL (VALUES
                (CASE WHEN p.family_name LIKE 'Zorbalak%' THEN {{first}} || CASE p.family_name WHEN 'Zorbalakova' THEN 'ova' WHEN 'Zorbalaki' THEN 'i' ELSE '' END END),
                (CASE WHEN p.given_name = 'Quintevarin' THEN {{second}} || 'in' WHEN p.given_name = 'Quintevar' THEN {{second}} END),
                (CASE WHEN p.given_name = 'Rarikon' THEN {{rare}} END)) k(key)
            WHERE k.key IS NOT NULL;
            ANALYZE person_name_keys;
            """));
        var both = await WithDbAsync(db => db.Persons.Where(p => p.FamilyName == "Zorbalak").Select(p => p.Id).ToListAsync(Ct));
        var withRare = await WithDbAsync(db => db.Persons.Where(p => p.GivenName == "Rarikon").Select(p => p.Id).ToListAsync(Ct));
        Assert.Equal((30, 12), (both.Count, withRare.Count));

        await WithServiceAsync<PeopleSearch, bool>(async search =>
        {
            // Both words begin more keys than are counted.
            var (persons, literal, more) = await search.BeginningWithAsync("Zorbalak Quintevar", 1000, rank: true, Ct);
            Assert.Equal(both.Order(), persons.Order());
            Assert.Equal(both.Order(), literal.Order());
            Assert.False(more);
            // In either order, up to a limit, and then said to be more.
            (persons, literal, more) = await search.BeginningWithAsync("Quintevar Zorbalak", 20, rank: false, Ct);
            Assert.Equal(20, persons.Count);
            Assert.Subset(both.ToHashSet(), persons.ToHashSet());
            Assert.Empty(literal);
            Assert.True(more);
            // A rare word leads.
            (persons, literal, more) = await search.BeginningWithAsync("Zorbalak Rarikon", 1000, rank: true, Ct);
            Assert.Equal(withRare.Order(), persons.Order());
            Assert.Equal(withRare.Order(), literal.Order());
            Assert.False(more);
            // One word: every person with a key that begins with it, past the limit.
            (persons, _, more) = await search.BeginningWithAsync("Quintevar", 30_000, rank: false, Ct);
            Assert.Equal(20_031, persons.Count);
            Assert.False(more);
            return true;
        });
    }

    /// <summary>
    /// The statement of <see cref="PeopleSearch"/> that finds persons by a key, as PostgreSQL plans it: the similar keys
    /// by the vocabulary's trigram index (inside similar_name_keys), their persons by the key index, and no table read
    /// whole. Two shapes of data, with keys made of syllables as names are: every person with a key of their own (a large
    /// vocabulary), and 100,000 persons sharing 3,000 keys, as the bench's generated names do, where the planner had scanned the small vocabulary and, misled
    /// about how many keys it returns, read every person key; and 100,000 persons sharing 25 keys, 4,000 each, more than
    /// a search reads, where a bitmap scan had read every person of a key before the limit applied.
    /// </summary>
    [Theory]
    [InlineData(100_000)]
    [InlineData(3_000)]
    [InlineData(25)]
    public async Task Name_search_on_100000_persons_finds_similar_keys_in_the_vocabulary_by_trigrams_and_their_persons_by_index(int distinctKeys)
    {
        await using var conn = new NpgsqlConnection(App.ConnectionString);
        await conn.OpenAsync(Ct);
        var key = NameKey.For("Sharansky");
        await using (var load = new NpgsqlCommand("""
            INSERT INTO persons (family_name, sex, citizenships, hunger_strikes, created_at, updated_at)
            SELECT 'Person' || g, 'Unknown', '{}', 0, now(), now() FROM generate_series(1, 100000) g;
            INSERT INTO person_name_keys (person_id, key, form)
            SELECT id, CASE WHEN n = 0 THEN @key ELSE s[1 + n % 20] || s[1 + n / 20 % 20] || s[1 + n / 400 % 20] || e[1 + n / 8000 % 13] END,
                family_name
            FROM (SELECT id, family_name, id % @keys AS n FROM persons) p,
                (SELECT ARRAY['ka','ro','mi','sel','tu','van','le','bor','shi','na','dem','po','gri','zu','fa','yel','ko','ri','ta','mar'] AS s,
                        ARRAY['ov','in','ski','ev','enko','man','ich','ova','er','ik','el','yan','us'] AS e) syllables;
            ANALYZE persons;
            ANALYZE person_name_keys;
            ANALYZE name_key_vocabulary;
            """, conn))
        {
            load.CommandTimeout = 300;
            load.Parameters.AddWithValue("keys", distinctKeys);
            load.Parameters.AddWithValue("key", key);
            await load.ExecuteNonQueryAsync(Ct);
        }
        // The trigger on person_name_keys kept the vocabulary of distinct keys.
        await using (var count = new NpgsqlCommand("SELECT count(*) FROM name_key_vocabulary", conn))
        {
            Assert.Equal(distinctKeys, (long)(await count.ExecuteScalarAsync(Ct))!);
        }
        // Every plan of the statement, the function's included, comes back as a message (auto_explain, for this session).
        var plans = new List<string>();
        conn.Notice += (_, e) => plans.Add(e.Notice.MessageText);
        await using (var explain = new NpgsqlCommand("""
            LOAD 'auto_explain';
            SET auto_explain.log_min_duration = 0;
            SET auto_explain.log_nested_statements = on;
            SET client_min_messages = log;
            """, conn))
        {
            await explain.ExecuteNonQueryAsync(Ct);
        }
        var found = new List<int>();
        await using (var search = new NpgsqlCommand(PeopleSearch.SimilarKeyFormsSql, conn))
        {
            search.Parameters.AddRange(PeopleSearch.SimilarKeyFormsParameters(key, among: null));
            await using var reader = await search.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                found.Add(reader.GetInt32(0));
            }
        }
        var text = string.Join("\n", plans);
        plans.Clear();
        // Among given persons (the other words of a name, among the persons of its rarest): their keys by the person index.
        var among = 0;
        await using (var search = new NpgsqlCommand(PeopleSearch.SimilarKeyFormsAmongSql, conn))
        {
            search.Parameters.AddRange(PeopleSearch.SimilarKeyFormsParameters(key, found.Take(50).ToList()));
            await using var reader = await search.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                among++;
            }
        }
        var amongPlan = string.Join("\n", plans);
        TestContext.Current.TestOutputHelper?.WriteLine(amongPlan);
        Assert.True(among >= Math.Min(found.Count, 50), $"{among} rows among {Math.Min(found.Count, 50)} persons");
        Assert.Contains("ix_person_name_keys_person_id", amongPlan);
        Assert.DoesNotContain("using ix_person_name_keys_key", amongPlan);
        Assert.DoesNotContain("Bitmap Heap Scan on person_name_keys", amongPlan);
        Assert.DoesNotContain("Seq Scan on person_name_keys", amongPlan);
        TestContext.Current.TestOutputHelper?.WriteLine(text);
        // The persons of the key itself: one in every distinctKeys, as many as are read.
        Assert.True(found.Count >= Math.Min(100_000 / distinctKeys, PeopleSearch.CandidateLimit), $"{found.Count} rows");
        Assert.Contains("similar_name_keys", text);
        if (distinctKeys >= 3_000)
        {
            // (A vocabulary of 25 keys is read whole, as cheaply.)
            Assert.Contains("ix_name_key_vocabulary_key_trgm", text);
            Assert.DoesNotContain("name_key_vocabulary_pkey", text);
            Assert.DoesNotContain("Seq Scan", text);
        }
        Assert.Contains("Index Scan using ix_person_name_keys_key", text);
        Assert.DoesNotContain("Bitmap Heap Scan on person_name_keys", text);
        Assert.DoesNotContain("Seq Scan on person_name_keys", text);
    }
}
