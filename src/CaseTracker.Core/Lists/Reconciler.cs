using System.Globalization;
using CaseTracker.Core.Names;
using CaseTracker.Core.People;

namespace CaseTracker.Core.Lists;

/// <summary>A name from the other side's list: one line, with a year of birth if given after a comma.</summary>
public sealed record TheirName(int Line, string Name, int? BirthYear);

/// <summary>A person on our list: every form of their name (both scripts, aliases).</summary>
public sealed record OurName(int EntryId, int CaseId, int Position, string Reference, int PersonId, string LatinName, string NativeName, int? BirthYear, IReadOnlyList<string> Forms);

public sealed record ReconciledPair(TheirName Theirs, OurName Ours, double Score);

public sealed record ReconciliationResult(
    IReadOnlyList<ReconciledPair> Matched, IReadOnlyList<OurName> OnlyOurs, IReadOnlyList<TheirName> OnlyTheirs);

/// <summary>
/// Compares the other side's names with ours, name by name, whatever the script or spelling: pure code,
/// using the names module. Each of our persons and each of their names is matched at most once, best
/// pairs first.
/// </summary>
public static class Reconciler
{
    /// <summary>Pairs from this score up are matched.</summary>
    public const double Threshold = NameSimilarity.MatchThreshold;

    public const int MaxLines = 5000;

    public static IReadOnlyList<TheirName> Parse(string text)
    {
        var names = new List<TheirName>();
        var line = 0;
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            line++;
            var s = raw.Trim().Trim('\t', ';');
            // A leading number ("12." or "12)") is the other side's own position.
            var firstSpace = s.IndexOf(' ', StringComparison.Ordinal);
            if (firstSpace > 0 && s[..firstSpace].TrimEnd('.', ')').All(char.IsAsciiDigit))
            {
                s = s[(firstSpace + 1)..].Trim();
            }
            if (s.Length == 0)
            {
                continue;
            }
            int? year = null;
            var comma = s.LastIndexOf(',');
            if (comma > 0 && int.TryParse(s[(comma + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1850 and <= 2100)
            {
                year = y;
                s = s[..comma].Trim();
            }
            if (NameKey.Words(s).Count > 0)
            {
                names.Add(new TheirName(line, s.Length > 300 ? s[..300] : s, year));
            }
            if (names.Count >= MaxLines)
            {
                break;
            }
        }
        return names;
    }

    public static ReconciliationResult Match(IReadOnlyList<TheirName> theirs, IReadOnlyList<OurName> ours)
    {
        var ourForms = ours.Select(o => o.Forms.Select(NameForm.Of).ToList()).ToList();
        var pairs = new List<(int T, int O, double Score)>();
        for (var t = 0; t < theirs.Count; t++)
        {
            var their = NameForm.Of(theirs[t].Name);
            for (var o = 0; o < ours.Count; o++)
            {
                var score = ourForms[o].Max(form => Math.Max(NameSimilarity.Score(their, form), PeopleSearch.Coverage(their, form)));
                if (theirs[t].BirthYear is { } ty && ours[o].BirthYear is { } oy)
                {
                    score = Math.Abs(ty - oy) <= 1 ? Math.Min(1.0, score + 0.02) : score * 0.9;
                }
                if (score >= Threshold)
                {
                    pairs.Add((t, o, score));
                }
            }
        }
        var usedTheirs = new HashSet<int>();
        var usedOurs = new HashSet<int>();
        var matched = new List<ReconciledPair>();
        foreach (var (t, o, score) in pairs.OrderByDescending(p => p.Score).ThenBy(p => p.T).ThenBy(p => p.O))
        {
            if (usedTheirs.Add(t))
            {
                if (usedOurs.Add(o))
                {
                    matched.Add(new ReconciledPair(theirs[t], ours[o], Math.Round(score, 3)));
                }
                else
                {
                    usedTheirs.Remove(t);
                }
            }
        }
        return new ReconciliationResult(
            matched.OrderBy(m => m.Ours.Position).ThenBy(m => m.Theirs.Line).ToList(),
            ours.Where((_, i) => !usedOurs.Contains(i)).ToList(),
            theirs.Where((_, i) => !usedTheirs.Contains(i)).ToList());
    }
}
