using System.Text.Json;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Evaluation;

/// <summary><c>eval conversations --locale</c>: only that locale's conversations run, and the report gives its figures.</summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class EvalConversationsLocaleCliTests
{
    [Fact]
    public async Task TheLocaleOption_RunsOnlyThatLocalesConversations_AndReportsThemPerLocale()
    {
        using var folder = TempFolder.Create();
        folder.Write("convs/smalltalk/hello.chat", "user: hello\n[Action=small_talk]\n");
        folder.Write("convs/fr/smalltalk/bonjour.chat", "name=Bonjour\nlocale=fr-FR\nuser: bonjour\n");
        var convs = Path.Combine(folder.Path, "convs");
        var json = Path.Combine(folder.Path, "fr.json");

        var (englishExit, english, englishError) = await CliRunner.RunAsync("eval", "conversations", convs, "--locale", "en");
        var (_, french, _) = await CliRunner.RunAsync("eval", "conversations", convs, "--locale", "fr", "--json", json);
        var (unknownExit, _, unknownError) = await CliRunner.RunAsync("eval", "conversations", convs, "--locale", "de");

        Assert.True(englishExit == 0, english + englishError);
        Assert.Contains("conversations 1: 1 passed", english, StringComparison.Ordinal);
        Assert.DoesNotContain("per locale", english, StringComparison.Ordinal);
        TextAssert.ContainsAll(french, "conversations 1: ", "per locale", "  fr-FR  conversations 1: ");
        using var run = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        Assert.Equal("fr-FR", run.RootElement.GetProperty("conversations")[0].GetProperty("locale").GetString());
        Assert.Equal("fr-FR", run.RootElement.GetProperty("locales").EnumerateArray().Single().GetProperty("locale").GetString());
        Assert.Equal(2, unknownExit);
        Assert.Contains("--locale de: none of the conversations is in that locale", unknownError, StringComparison.Ordinal);
    }
}
