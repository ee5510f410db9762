using CaseTracker.Core.Names;

namespace CaseTracker.Tests.Names;

public sealed class NameSimilarityTests
{
    private const double Threshold = NameSimilarity.MatchThreshold;

    [Theory]
    [InlineData("Sharansky", "Щаранский")]
    [InlineData("Chtcharanski", "Shcharanskiy")]
    [InlineData("Gorbatschow", "Горбачёв")]
    [InlineData("Orlova", "Орлов")]
    [InlineData("Hélène", "Елена")]
    [InlineData("Anatolij", "Анатолий")]
    public void Spellings_of_one_name_score_at_least_0_99(string a, string b) =>
        Assert.InRange(NameSimilarity.Score(a, b), 0.99, 1.0);

    [Fact]
    public void The_upper_bound_is_never_below_the_score_and_rules_out_most_pairs_of_different_names()
    {
        // Every spelling of every test name, single words and "family given" pairs in both orders and scripts, given names
        // and adopted names, misspellings and decoys: the bound may be loose, never low.
        var words = NameVariants.Groups.Concat(HeldOutNameVariants.Groups).Concat(HeldOutNameVariants.Misspellings)
            .SelectMany(g => g.Attested.Concat(g.Generated).Prepend(g.Original))
            .Concat(HeldOutNameVariants.Distractors)
            .Concat(["Yelena", "Елена", "Hélène", "Anatoly", "Natan", "Анатолий", "Maria", "Мария", "Ivan", "Иван", "Ida", "Ира"])
            .Distinct().ToList();
        var names = words.Concat(words.Take(60).SelectMany(w => new[] { $"{w} Maria", $"Anatoly {w}", $"{w} Ivan Ivanovich" }))
            .Select(NameForm.Of).ToList();
        var ruledOut = 0;
        var pairs = 0;
        foreach (var a in names)
        {
            foreach (var b in names)
            {
                var score = NameSimilarity.Score(a, b);
                var bound = NameSimilarity.UpperBound(a, b);
                Assert.True(bound >= score - 1e-12, $"{a} ~ {b}: bound {bound} below score {score}");
                pairs++;
                ruledOut += bound < 0.97 ? 1 : 0;
            }
        }
        Assert.True(ruledOut > pairs * 0.8, $"only {ruledOut} of {pairs} pairs ruled out at 0.97");
    }

    [Fact]
    public void A_word_is_prepared_once_and_shared_by_every_name_it_appears_in()
    {
        var alone = NameForm.Of("Shcharansky");
        var inFullName = NameForm.Of("Anatoly Shcharansky");
        Assert.Same(alone.Words[0], inFullName.Words[1]);
        Assert.Equal(["xaranski"], alone.Words[0].Keys.Take(1));
        // A word without a key is remembered as such, and still left out.
        Assert.Empty(NameForm.Of("-").Words);
        Assert.Empty(NameForm.Of("-").Words);
        // Words are told apart as written: a different case is a different word, prepared to the same key.
        var lower = NameForm.Of("shcharansky").Words[0];
        Assert.NotSame(alone.Words[0], lower);
        Assert.Equal(alone.Words[0].Key, lower.Key);
    }

    [Fact]
    public void Identical_names_score_1_and_scores_are_symmetric()
    {
        Assert.Equal(1.0, NameSimilarity.Score("Щаранский", "Щаранский"));
        Assert.Equal(1.0, NameSimilarity.Score("Yelena Bonner", "Yelena Bonner"));
        var names = NameVariants.Groups.Take(12).SelectMany(g => g.Attested.Take(2).Prepend(g.Original)).ToArray();
        foreach (var a in names)
        {
            foreach (var b in names)
            {
                var ab = NameSimilarity.Score(a, b);
                Assert.InRange(ab, 0.0, 1.0);
                Assert.Equal(ab, NameSimilarity.Score(b, a), 12);
            }
        }
    }

    [Fact]
    public void A_match_through_another_reading_of_an_ambiguous_letter_scores_just_below_1()
    {
        var score = NameSimilarity.Score("Joukov", "Жуков"); // French j = ж
        Assert.InRange(score, Threshold, 0.99);
        Assert.InRange(NameSimilarity.Score("Jruschov", "Хрущёв"), Threshold, 0.99); // Spanish j = х
    }

    [Fact]
    public void An_adopted_given_name_is_a_weaker_match()
    {
        Assert.Equal(GivenNames.AdoptedNameScore, NameSimilarity.Score("Natan", "Анатолий"));
        var full = NameSimilarity.Score("Natan Sharansky", "Щаранский Анатолий");
        Assert.InRange(full, Threshold, 0.99);
        Assert.True(NameSimilarity.Score("Anatoly Shcharansky", "Щаранский Анатолий") > full);
    }

    [Fact]
    public void Full_names_match_in_any_order_and_a_full_match_beats_a_partial_one()
    {
        Assert.InRange(NameSimilarity.Score("Andrei Sakharov", "Сахаров Андрей"), 0.99, 1.0);
        Assert.InRange(NameSimilarity.Score("Sacharow, Andrej", "Andrei Sakharov"), 0.99, 1.0);
        var partial = NameSimilarity.Score("Sakharov", "Сахаров Андрей Дмитриевич");
        Assert.InRange(partial, Threshold, 0.99);
        Assert.True(NameSimilarity.Score("Andrei Sakharov", "Сахаров Андрей Дмитриевич") > partial);
    }

    [Theory]
    [InlineData("Mikhail", "Михайлов")]
    [InlineData("Andrei", "Андреев")]
    [InlineData("Aleksandr", "Александров")]
    [InlineData("Fyodor", "Фёдоров")]
    [InlineData("Ivan", "Иванов")]
    [InlineData("Hrushevsky", "Хрущёв")]
    [InlineData("Jewtuschenko", "Шевченко")]
    [InlineData("Mikhail Ivanov", "Иван Михайлов")]
    public void Names_derived_from_one_another_stay_below_the_threshold(string a, string b) =>
        Assert.True(NameSimilarity.Score(a, b) < Threshold, $"{a} ~ {b}: {NameSimilarity.Score(a, b):0.000}");

    [Theory]
    [InlineData("Ivanov", "Щаранский")]
    [InlineData("Bonner", "Горбачёв")]
    [InlineData("Yelena", "Юрий")]
    public void Unrelated_names_score_low(string a, string b) =>
        Assert.True(NameSimilarity.Score(a, b) < 0.75, $"{a} ~ {b}: {NameSimilarity.Score(a, b):0.000}");

    [Fact]
    public void Among_names_with_one_key_the_closer_spelling_ranks_first()
    {
        Assert.True(NameSimilarity.Score("Orlova", "Орлова") > NameSimilarity.Score("Orlova", "Орлов"));
        Assert.True(NameSimilarity.Score("Orlov", "Орлов") > NameSimilarity.Score("Orlov", "Орлова"));
        Assert.True(NameSimilarity.Score("Orlov", "Орлова") >= Threshold);
    }

    [Fact]
    public void Typical_misspellings_still_rank_the_name_first()
    {
        var candidates = new[] { "Хрущёв", "Кузнецов", "Крылов", "Ельцин", "Сахаров", "Захаров", "Макаров" }.Select(NameForm.Of).ToArray();
        string Best(string query)
        {
            var q = NameForm.Of(query);
            return candidates.MaxBy(c => NameSimilarity.Score(q, c))!.Text;
        }
        Assert.Equal("Хрущёв", Best("Krushchev"));
        Assert.Equal("Ельцин", Best("Yelstin"));
        Assert.Equal("Сахаров", Best("Sakarov"));
    }

    [Theory]
    [InlineData("", "Щаранский")]
    [InlineData("1985", "Щаранский")]
    [InlineData("", "")]
    public void Names_without_letters_score_0(string a, string b) => Assert.Equal(0.0, NameSimilarity.Score(a, b));

    [Theory]
    [InlineData("MARTHA", "MARHTA", 0.961)]
    [InlineData("DWAYNE", "DUANE", 0.840)]
    [InlineData("DIXON", "DICKSONX", 0.813)]
    [InlineData("ABC", "XYZ", 0.0)]
    public void Jaro_Winkler_gives_the_textbook_values(string a, string b, double expected) =>
        Assert.Equal(expected, NameSimilarity.JaroWinkler(a, b), 3);

    [Fact]
    public void A_prepared_name_can_be_reused()
    {
        var stored = NameForm.Of("Щаранский Анатолий Борисович");
        Assert.Equal(["xaranski", "anatoli", "borisovix"], stored.Words.Select(w => w.Key));
        Assert.Equal("shcharanskiy", stored.Words[0].Spelling);
        Assert.Equal(NameSimilarity.Score("Sharansky", stored.Text), NameSimilarity.Score(NameForm.Of("Sharansky"), stored));
    }
}
