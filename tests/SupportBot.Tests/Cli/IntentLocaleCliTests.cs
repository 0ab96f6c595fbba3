using System.Text.Json;
using SupportBot.Tests.Support;
using SupportBot.Tests.Understanding;

namespace SupportBot.Tests.Cli;

/// <summary><c>eval intents --locale</c> on the multilingual fixture: the language's intents, text handling and files.</summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class IntentLocaleCliTests
{
    private static string EvalFile(string name) => Path.Combine(IntentLanguageLoadingTests.Fixture, "eval", "fr", name);

    [Fact]
    public async Task EvalIntents_Locale_TrainsAndTestsThatLanguage()
    {
        using var folder = TempFolder.Create();
        var json = Path.Combine(folder.Path, "fr.json");

        var (exit, output, error) = await CliRunner.RunAsync("eval", "intents", "--locale", "fr-FR", "--test", EvalFile("intents-test.jsonl"),
            "--valid", EvalFile("intents-valid.jsonl"), "--json", json, $"--Knowledge:Path={IntentLanguageLoadingTests.Fixture}", $"--Storage:DataPath={folder.Path}");

        Assert.True(exit == 0, error);
        Assert.StartsWith("language          fr\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        using var report = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal(10, report.RootElement.GetProperty("examples").GetInt32());
        Assert.InRange(report.RootElement.GetProperty("in_scope_accuracy").GetDouble(), 0.75, 1);
        Assert.Contains(report.RootElement.GetProperty("utterances").EnumerateArray(),
            u => u.GetProperty("text").GetString() == "où en est mon colis ?" && u.GetProperty("predicted").GetString() == "order_status");
    }

    [Fact]
    public async Task Train_CachesEveryLanguagesModel()
    {
        using var data = TempFolder.Create();

        var (exit, output, error) = await CliRunner.RunAsync("train", "--json", $"--Knowledge:Path={IntentLanguageLoadingTests.Fixture}", $"--Storage:DataPath={data.Path}",
            "--Embeddings:Provider=None");
        var (again, secondOutput, _) = await CliRunner.RunAsync("train", $"--Knowledge:Path={IntentLanguageLoadingTests.Fixture}", $"--Storage:DataPath={data.Path}",
            "--Embeddings:Provider=None");

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var languages = json.RootElement.GetProperty("languages").EnumerateArray().ToList();
        Assert.Equal(["es", "fr"], languages.Select(l => l.GetProperty("language").GetString()));
        Assert.All(languages, l => Assert.True(l.GetProperty("trained").GetBoolean() && File.Exists(l.GetProperty("path").GetString())));
        Assert.EndsWith(".zip", languages[1].GetProperty("path").GetString(), StringComparison.Ordinal);
        Assert.Contains($"intents-fr-{languages[1].GetProperty("hash").GetString()}", languages[1].GetProperty("path").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, again);
        Assert.Contains("fr: up to date", secondOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvalIntents_LocaleWithoutIntents_IsAUsageError()
    {
        using var folder = TempFolder.Create();

        var (exit, _, error) = await CliRunner.RunAsync("eval", "intents", "--locale", "de", "--test", EvalFile("intents-test.jsonl"),
            $"--Knowledge:Path={IntentLanguageLoadingTests.Fixture}", $"--Storage:DataPath={folder.Path}");

        Assert.Equal(2, exit);
        Assert.Contains("the knowledge has no 'de' intents (intents/de/*.yml)", error, StringComparison.Ordinal);
    }
}
