using CaseTracker.Core.Names;

namespace CaseTracker.Tests.Names;

public sealed class GivenNamesTests
{
    [Theory]
    [InlineData("Yelena", "Hélène")]
    [InlineData("Elena", "Helene")]
    [InlineData("Елена", "Olena")]
    [InlineData("Anatoly", "Anatole")]
    [InlineData("Mikhail", "Michael")]
    [InlineData("Михаил", "Michel")]
    [InlineData("Aleksandr", "Alexandre")]
    [InlineData("Андрей", "André")]
    [InlineData("Yuri", "Iouri")]
    [InlineData("Yevgeny", "Eugene")]
    [InlineData("Pyotr", "Pierre")]
    [InlineData("Fyodor", "Theodore")]
    [InlineData("Natalya", "Nathalie")]
    public void Forms_of_one_given_name_are_equivalent(string a, string b)
    {
        Assert.True(GivenNames.AreEquivalent(a, b));
        Assert.Equal(1.0, GivenNames.Match(b, a));
        Assert.Equal(1.0, NameSimilarity.Score(a, b));
    }

    [Fact]
    public void An_adopted_name_is_a_weaker_match_and_not_an_equivalent()
    {
        Assert.Equal(GivenNames.AdoptedNameScore, GivenNames.Match("Anatoly", "Natan"));
        Assert.Equal(GivenNames.AdoptedNameScore, GivenNames.Match("Натан", "Анатолий"));
        Assert.False(GivenNames.AreEquivalent("Anatoly", "Natan"));
        Assert.Equal(GivenNames.AdoptedNameScore, GivenNames.Match("Natalya", "Avital"));
    }

    [Theory]
    [InlineData("Ivan", "John")]
    [InlineData("Ivan", "Johann")]
    [InlineData("Ivan", "Jean")]
    [InlineData("Yuri", "George")]
    [InlineData("Yuri", "Georgiy")]
    [InlineData("Natan", "Nikolai")]
    public void Names_left_out_on_purpose_do_not_match(string a, string b) => Assert.Equal(0.0, GivenNames.Match(a, b));

    [Fact]
    public void Each_form_belongs_to_one_group_only()
    {
        for (var g = 0; g < GivenNames.Groups.Count; g++)
        {
            foreach (var form in GivenNames.Groups[g].Forms.Concat(GivenNames.Groups[g].Adopted))
            {
                var key = NameKey.For(form);
                var others = GivenNames.Groups.Where((other, i) => i != g && other.Forms.Any(f => NameKey.For(f) == key)).Select(o => o.Name);
                Assert.Empty(others);
            }
        }
    }

    [Fact]
    public void No_given_name_has_the_key_of_a_common_surname()
    {
        // Otherwise a surname would match a given name at 1.0 (Andrew had the key of Андреев, so it is not listed).
        var givenKeys = GivenNames.Groups.SelectMany(g => g.Forms.Concat(g.Adopted)).Select(NameKey.For).ToHashSet();
        var surnames = HeldOutNameVariants.Distractors
            .Concat(NameVariants.Groups.Concat(HeldOutNameVariants.Groups).Select(g => g.Original))
            .Where(s => !GivenNames.Groups.Any(g => g.Forms.Contains(s)));
        foreach (var surname in surnames)
        {
            Assert.False(givenKeys.Contains(NameKey.For(surname)), $"{surname} has the key of a given name");
        }
    }

    [Fact]
    public void The_equivalents_of_a_name_are_listed()
    {
        var equivalents = GivenNames.EquivalentsOf("Jelena");
        Assert.Contains("Елена", equivalents);
        Assert.Contains("Hélène", equivalents);
        Assert.Contains("Natan", GivenNames.EquivalentsOf("Anatolij"));
        Assert.Empty(GivenNames.EquivalentsOf("Shcharansky"));
    }
}
