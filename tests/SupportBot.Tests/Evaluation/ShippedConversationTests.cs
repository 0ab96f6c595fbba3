using SupportBot.Evaluation.Conversations;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Evaluation;

/// <summary>
/// The shipped scripts read cleanly, and the French and Spanish suites are what their folders say: every file under
/// <c>eval/conversations/fr</c> (<c>es</c>) names its locale, in the English suite's groups, at least 45 of each.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class ShippedConversationTests
{
    private static readonly string Root = Path.Combine(RepoPaths.Eval, "conversations");

    [Fact]
    public void EveryShippedConversation_ReadsWithoutAProblem()
    {
        var (scripts, problems) = ConversationFiles.Load([Root], Root);

        Assert.Empty(problems.Select(p => p.ToString()));
        Assert.NotEmpty(scripts);
    }

    [Theory]
    [InlineData("fr", "fr-FR")]
    [InlineData("es", "es-ES")]
    public void EachLanguagesSuite_NamesItsLocale_InTheEnglishGroups(string language, string locale)
    {
        var (scripts, _) = ConversationFiles.Load([Path.Combine(Root, language)], Root);
        var englishGroups = Directory.GetDirectories(Root).Select(Path.GetFileName).Where(g => g is not ("fr" or "es")).ToHashSet();

        Assert.True(scripts.Count >= 45, $"{scripts.Count} {language} conversations");
        Assert.All(scripts, s => Assert.Equal(locale, s.Locale));
        Assert.All(scripts, s => Assert.Contains(s.Path.Split('/')[1], englishGroups));
        Assert.True(scripts.Sum(s => s.Turns.Count(t => t.Language == language)) >= scripts.Count, "most turns check the language");
    }

    [Fact]
    public void TheEnglishSuite_NamesNoLocale()
    {
        var (scripts, _) = ConversationFiles.Load([Root], Root);

        Assert.All(scripts.Where(s => !s.Path.StartsWith("fr/", StringComparison.Ordinal) && !s.Path.StartsWith("es/", StringComparison.Ordinal)),
            s => Assert.Null(s.Locale));
    }
}
