using System.Reflection;

namespace CaseTracker.Core.Accounts;

/// <summary>
/// Password rules after OWASP ASVS 2.1: at least 12 characters, up to 128 so passphrases fit, no
/// composition rules, and common or breached passwords refused, as are passwords made of the user's
/// own name or email.
/// </summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 128;

    private static readonly (HashSet<string> Full, HashSet<string> Bases) Lists = Load();

    /// <summary>The reasons a password is refused; empty when it is acceptable.</summary>
    public static IReadOnlyList<string> Check(string password, string? email = null, string? displayName = null)
    {
        var problems = new List<string>();
        if (password.Length < MinimumLength)
        {
            problems.Add($"Use at least {MinimumLength} characters. A phrase of several words is easiest to remember.");
        }
        if (password.Length > MaximumLength)
        {
            problems.Add($"Use at most {MaximumLength} characters.");
        }
        var lower = password.ToLowerInvariant();
        var letters = new string(lower.Where(char.IsLetter).ToArray());
        if (Lists.Full.Contains(lower) || IsCommonWords(letters) || lower.Distinct().Count() <= 2 || IsSequence(lower))
        {
            problems.Add("This password is too common: it appears in lists of breached passwords. Choose another.");
        }
        else if (ContainsIdentity(letters, email, displayName))
        {
            problems.Add("Do not build the password from your own name or email address.");
        }
        return problems;
    }

    private static bool ContainsIdentity(string letters, string? email, string? displayName)
    {
        var words = new List<string>();
        if (email is not null)
        {
            words.Add(new string(email.Split('@')[0].ToLowerInvariant().Where(char.IsLetter).ToArray()));
        }
        if (displayName is not null)
        {
            words.AddRange(displayName.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(w => new string(w.Where(char.IsLetter).ToArray())));
        }
        var identity = words.Where(w => w.Length >= 4).ToList();
        // Refused when, with the user's own words taken out, too little of the password is left.
        var rest = identity.Aggregate(letters, (s, w) => s.Replace(w, "", StringComparison.Ordinal));
        return identity.Count > 0 && rest.Length < letters.Length && rest.Length < 6;
    }

    /// <summary>A common word alone, repeated, or two common words together ("qwertyqwerty", "iloveyoupassword").</summary>
    private static bool IsCommonWords(string letters)
    {
        if (letters.Length == 0 || Lists.Bases.Contains(letters))
        {
            return true;
        }
        for (var split = 3; split <= letters.Length - 3; split++)
        {
            var head = letters[..split];
            var tail = letters[split..];
            if (Lists.Bases.Contains(head) && (Lists.Bases.Contains(tail) || tail.Replace(head, "", StringComparison.Ordinal).Length == 0))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsSequence(string s)
    {
        var ascending = true;
        var descending = true;
        for (var i = 1; i < s.Length; i++)
        {
            ascending &= s[i] == s[i - 1] + 1;
            descending &= s[i] == s[i - 1] - 1;
        }
        return ascending || descending;
    }

    private static (HashSet<string>, HashSet<string>) Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("CaseTracker.Core.Accounts.common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is missing from the build.");
        using var reader = new StreamReader(stream);
        var full = new HashSet<string>(StringComparer.Ordinal);
        var bases = new HashSet<string>(StringComparer.Ordinal);
        var current = full;
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith("# [base]", StringComparison.Ordinal))
            {
                current = bases;
            }
            else if (line.Length > 0 && line[0] != '#')
            {
                current.Add(line.Trim().ToLowerInvariant());
            }
        }
        return (full, bases);
    }
}
