using SupportBot.Evaluation;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Languages;

/// <summary>
/// eval/languages.jsonl: 470 shopper messages in English, French and Spanish, long and short, each labelled with the
/// language the conversation must be in after it (docs/LANGUAGES.md). The gates: at least 98 % right, and no
/// message of fewer than three words ever switches the language.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Eval)]
public sealed class LanguageEvalTests
{
    [Fact]
    public async Task TheMixedSet_MeetsTheGates()
    {
        var examples = LanguageEvaluation.Load(Path.Combine(RepoPaths.Eval, "languages.jsonl"), SharedLanguages.Resolver.Supported);

        var report = await LanguageEvaluation.RunAsync(SharedLanguages.Resolver, examples);

        var misses = string.Join("\n", report.Misses.Select(m => $"{m.Line}: {m.Text} expected {m.Expected}, got {m.Got} ({m.Reason} {m.Detected} {m.Confidence})"));
        Assert.True(examples.Count >= 450, $"{examples.Count} examples");
        Assert.Equal(0, report.ShortSwitches);
        Assert.True(report.ShortMessages >= 100, $"{report.ShortMessages} short messages");
        Assert.True(report.Accuracy >= 0.98, $"accuracy {report.Accuracy:P1}:\n{misses}");
        Assert.All(report.PerLanguage, l => Assert.True(l.Accuracy >= 0.95, $"{l.Language}: {l.Accuracy:P1}"));
    }

    [Fact]
    public void ABadLine_IsReportedWithItsFileAndLine()
    {
        using var folder = TempFolder.Create();
        var path = Path.Combine(folder.Path, "languages.jsonl");
        File.WriteAllLines(path, ["""{"text": "ok", "language": "fr", "previous": "fr"}""", """{"text": "hola", "language": "de"}"""]);

        var error = Assert.Throws<DatasetException>(() => LanguageEvaluation.Load(path, new HashSet<string> { "en", "fr", "es" }));

        Assert.Equal((path, 2), (error.FilePath, error.Line));
    }
}
