using System.Globalization;
using System.Text;
using CaseTracker.Core.Names;

namespace CaseTracker.Tests.Names;

/// <summary>
/// Measures the matching as a search or a list reconciliation uses it: every spelling of a table is ranked by
/// <see cref="NameSimilarity.Score(NameForm, NameForm)"/> against a set of candidate originals, and we count
/// <list type="bullet">
/// <item>recall@1: the share of spellings whose best-scoring candidate is their own original (a tie with another
/// candidate counts as a miss);</item>
/// <item>wrong matches: for each spelling, the other candidates among its top 10 that score at least
/// <see cref="NameSimilarity.MatchThreshold"/>, summed over the table.</item>
/// </list>
/// Three measurements: the tuning table (<see cref="NameVariants"/>) against its originals; the held-out table
/// (<see cref="HeldOutNameVariants"/>), which the rules were not fitted to; and the single names of both against all
/// their originals plus 170-odd common surnames as distractors. The figures are printed to the test output
/// (<c>dotnet test --project tests/CaseTracker.Tests --output detailed -- --filter-namespace CaseTracker.Tests.Names</c>)
/// and quoted in docs/names.md. The bounds sit at the measured figures so that a regression fails.
/// </summary>
public sealed class NameMatchingQualityTests
{
    private const double MinRecall = 0.95;

    private sealed record Outcome(
        string Original, string Variant, double OwnScore, string BestOther, double BestOtherScore,
        IReadOnlyList<(string Candidate, double Score)> WrongMatches)
    {
        public bool RankedFirst => OwnScore > BestOtherScore;
    }

    private sealed record Figures(int Spellings, int Candidates, int RankedFirst, int WrongMatches, int WithWrong, int Below, string Report)
    {
        public double Recall => (double)RankedFirst / Spellings;
    }

    private static Figures Measure(string title, IReadOnlyList<NameVariantGroup> groups, IReadOnlyList<string> distractors)
    {
        var candidates = groups.Select(g => g.Original).Concat(distractors).ToArray();
        var forms = candidates.Select(NameForm.Of).ToArray();
        var outcomes = new List<Outcome>();
        for (var gi = 0; gi < groups.Count; gi++)
        {
            foreach (var variant in groups[gi].Attested.Concat(groups[gi].Generated))
            {
                var form = NameForm.Of(variant);
                var scores = forms.Select(o => NameSimilarity.Score(form, o)).ToArray();
                var bestOther = Enumerable.Range(0, scores.Length).Where(i => i != gi).MaxBy(i => scores[i]);
                var wrong = Enumerable.Range(0, scores.Length)
                    .OrderByDescending(i => scores[i]).ThenBy(i => i == gi ? 0 : 1)
                    .Take(10)
                    .Where(i => i != gi && scores[i] >= NameSimilarity.MatchThreshold)
                    .Select(i => (candidates[i], scores[i]))
                    .ToList();
                outcomes.Add(new Outcome(groups[gi].Original, variant, scores[gi], candidates[bestOther], scores[bestOther], wrong));
            }
        }

        var n = outcomes.Count;
        var first = outcomes.Count(o => o.RankedFirst);
        var wrongTotal = outcomes.Sum(o => o.WrongMatches.Count);
        var withWrong = outcomes.Count(o => o.WrongMatches.Count > 0);
        var below = outcomes.Count(o => o.OwnScore < NameSimilarity.MatchThreshold);
        var sameKey = outcomes.Count(o => o.OwnScore >= 0.99);
        var r = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        r.AppendLine(c, $"{title}: {n} spellings of {groups.Count} originals, ranked against {candidates.Length} candidates, threshold {NameSimilarity.MatchThreshold:0.00}");
        r.AppendLine(c, $"  recall@1 {first}/{n} = {(double)first / n:P1}; same key or given name as the own original (score >= 0.99): {sameKey}; own original below the threshold: {below}");
        r.AppendLine(c, $"  wrong matches (other candidates >= threshold in the top 10): {wrongTotal}, on {withWrong} spellings");
        foreach (var o in outcomes.Where(o => !o.RankedFirst))
        {
            r.AppendLine(c, $"  not first: {o.Variant} [{Keys(o.Variant)}] own {o.Original} [{Keys(o.Original)}] {o.OwnScore:0.000} < {o.BestOther} [{Keys(o.BestOther)}] {o.BestOtherScore:0.000}");
        }
        foreach (var o in outcomes.Where(o => o.OwnScore < NameSimilarity.MatchThreshold))
        {
            r.AppendLine(c, $"  below threshold: {o.Variant} [{Keys(o.Variant)}] ~ {o.Original} [{Keys(o.Original)}] {o.OwnScore:0.000}");
        }
        foreach (var o in outcomes.Where(o => o.WrongMatches.Count > 0))
        {
            r.AppendLine(c, $"  wrong: {o.Variant} (of {o.Original}) ~ {string.Join(", ", o.WrongMatches.Select(w => $"{w.Candidate} {w.Score:0.000}"))}");
        }
        var report = r.ToString();
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        return new Figures(n, candidates.Length, first, wrongTotal, withWrong, below, report);
    }

    private static string Keys(string name) => string.Join(' ', NameKey.ForFullName(name));

    [Fact]
    public void The_tables_hold_at_least_150_spellings_most_of_them_attested()
    {
        var groups = NameVariants.Groups.Concat(HeldOutNameVariants.Groups).ToList();
        var attested = NameVariants.Groups.Sum(g => g.Attested.Length);
        var generated = NameVariants.Groups.Sum(g => g.Generated.Length);
        var heldOut = HeldOutNameVariants.Groups.Sum(g => g.Attested.Length + g.Generated.Length);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Tuning table: {NameVariants.Groups.Count} originals, {attested + generated} spellings ({attested} attested, {generated} generated). " +
            $"Held-out table: {HeldOutNameVariants.Groups.Count} originals, {heldOut} spellings. Distractors: {HeldOutNameVariants.Distractors.Count}.");
        Assert.True(attested + generated >= 150);
        Assert.True(attested > 2 * generated);
        var all = groups.SelectMany(g => g.Attested.Concat(g.Generated).Prepend(g.Original)).ToList();
        Assert.Equal(all.Count, all.Distinct(StringComparer.Ordinal).Count());
        var originals = groups.Select(g => g.Original).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(HeldOutNameVariants.Distractors, originals.Contains);
        Assert.Equal(HeldOutNameVariants.Distractors.Count, HeldOutNameVariants.Distractors.Distinct().Count());
    }

    [Fact]
    public void Spellings_of_the_tuning_table_rank_their_own_original_first()
    {
        var f = Measure("Tuning table", NameVariants.Groups, []);
        Assert.True(f.Recall >= MinRecall, f.Report);
        Assert.True(f.WrongMatches <= 0, f.Report);
    }

    [Fact]
    public void Spellings_of_the_held_out_table_rank_their_own_original_first()
    {
        var f = Measure("Held-out table", HeldOutNameVariants.Groups, []);
        Assert.True(f.Recall >= MinRecall, f.Report);
        Assert.True(f.WrongMatches <= 0, f.Report);
    }

    [Fact]
    public void Misspellings_rank_their_own_original_first_among_common_surnames()
    {
        var originals = NameVariants.Groups.Where(g => NameKey.Words(g.Original).Count == 1).ToList();
        var misspellings = HeldOutNameVariants.Misspellings;
        // Every original of the tuning table is a candidate; only the misspelt ones have spellings to rank.
        var groups = misspellings
            .Concat(originals.Where(g => misspellings.All(m => m.Original != g.Original)).Select(g => g with { Attested = [], Generated = [] }))
            .ToList();
        var f = Measure("Misspellings with distractors", groups, HeldOutNameVariants.Distractors);
        Assert.True(f.Recall >= MinRecall, f.Report);
        Assert.True(f.WrongMatches <= 5, f.Report);
    }

    [Fact]
    public void Spellings_rank_their_own_original_first_among_common_surnames_too()
    {
        // Single names only: a full name of the held-out table is the same person as its surname in the tuning table.
        var groups = NameVariants.Groups.Concat(HeldOutNameVariants.Groups)
            .Where(g => NameKey.Words(g.Original).Count == 1)
            .ToList();
        var f = Measure("Single names of both tables with distractors", groups, HeldOutNameVariants.Distractors);
        Assert.True(f.Recall >= MinRecall, f.Report);
        Assert.True(f.WrongMatches <= 7, f.Report);
    }
}
