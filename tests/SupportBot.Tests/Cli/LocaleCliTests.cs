using SupportBot.Tests.Support;

namespace SupportBot.Tests.Cli;

/// <summary><c>--locale</c> on <c>ask</c> and <c>eval faq</c>, on the trilingual fixture (<c>Knowledge/Fixtures/multilingual</c>).</summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class LocaleCliTests
{
    private static readonly string Fixture = Path.Combine(RepoPaths.Root, "tests", "SupportBot.Tests", "Knowledge", "Fixtures", "multilingual");

    private static Task<(int Exit, string Out, string Err)> RunAsync(params string[] args) =>
        CliRunner.RunAsync([.. args, $"--Knowledge:Path={Fixture}", "--Embeddings:Provider=None"]);

    [Theory]
    [InlineData("fr", "où est mon paquet", "track-package")]
    [InlineData("es-ES", "¿cuánto tarda el reémbolso?", "refund-timing")]
    [InlineData(null, "where is my parcel", "track-package")]
    public async Task Ask_Locale_SearchesThatLanguagesEntries(string? locale, string question, string expected)
    {
        var (exit, output, _) = locale is null
            ? await RunAsync("ask", question, "--top", "1")
            : await RunAsync("ask", question, "--top", "1", "--locale", locale);

        Assert.Equal(0, exit);
        Assert.StartsWith($"1. {expected}  confidence ", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("de", "supportbot: --locale: the knowledge has nothing in 'de' (its languages: en, es, fr); translations go in faq/de/")]
    [InlineData("klingon", "supportbot: --locale: 'klingon' is not a language such as fr, es or fr-FR")]
    public async Task Ask_LocaleTheKnowledgeLacks_IsBadUsage(string locale, string message)
    {
        var (exit, _, error) = await RunAsync("ask", "colis", "--locale", locale);

        Assert.Equal(2, exit);
        Assert.Equal(message, error.Trim());
    }

    [Fact]
    public async Task EvalFaq_Locale_ScoresThatLanguageAndSaysWhichItIs()
    {
        using var folder = TempFolder.Create();
        var questions = folder.Write("faq-questions.jsonl", string.Join('\n',
            "{\"text\": \"¿dónde está mi paquete?\", \"expected\": \"track-package\"}",
            "{\"text\": \"plazo para devolver una prenda\", \"expected\": \"return-window\"}",
            "{\"text\": \"¿cuándo llega mi reembolso?\", \"expected\": \"refund-timing\"}",
            "{\"text\": \"¿venden bicicletas?\", \"expected\": null}") + "\n");

        var (exit, output, error) = await RunAsync("eval", "faq", questions, "--locale", "es");

        Assert.True(exit == 0, error);
        Assert.Contains($"language    es (3 entries, {questions})", output, StringComparison.Ordinal);
        Assert.Contains("questions   4 (3 answerable)", output, StringComparison.Ordinal);
        Assert.Contains("hit@1       1.000", output, StringComparison.Ordinal);
    }
}
