using System.Text.Json;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Cli;

/// <summary>The verbs as a user types them, run in process with their output captured.</summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class CliTests
{
    private static Task<(int Exit, string Out, string Err)> RunAsync(params string[] args) => CliRunner.RunAsync(args);

    [Fact]
    public async Task Ask_PrintsBestAnswersWithConfidenceAndWhy()
    {
        var (exit, output, _) = await RunAsync("ask", "how long do I have to return something", "--top", "2");

        Assert.Equal(0, exit);
        Assert.StartsWith("1. return-window  confidence ", output, StringComparison.Ordinal);
        Assert.Contains("2. ", output, StringComparison.Ordinal);
        Assert.Contains("\"return\" in title", output, StringComparison.Ordinal);
        Assert.Contains("Confident:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_Json_HasTheDocumentedFields()
    {
        var (exit, output, _) = await RunAsync("ask", "where is my parcel", "--json", "--top", "1");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("where is my parcel", root.GetProperty("question").GetString());
        Assert.InRange(root.GetProperty("confidence").GetDouble(), 0, 1);
        Assert.Equal(0.45, root.GetProperty("threshold").GetDouble());
        var hit = Assert.Single(root.GetProperty("hits").EnumerateArray());
        foreach (var field in new[] { "id", "title", "topic", "confidence", "score", "source", "answer", "matches" })
        {
            Assert.True(hit.TryGetProperty(field, out _), field);
        }
    }

    [Fact]
    public async Task Ask_UnrelatedQuestion_SaysItIsNotConfident()
    {
        var (exit, output, _) = await RunAsync("ask", "who won the football last night");

        Assert.Equal(0, exit);
        Assert.Contains("Not confident:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_BadTop_IsBadUsage()
    {
        var (exit, _, error) = await RunAsync("ask", "refund", "--top", "0");

        Assert.Equal(2, exit);
        Assert.Equal("supportbot: --top must be between 1 and 50", error.Trim());
    }

    [Fact]
    public async Task Validate_ShippedKnowledge_Passes()
    {
        var (exit, output, _) = await RunAsync("knowledge", "validate");

        Assert.Equal(0, exit);
        Assert.Matches(@"^\d+ files, \d+ entries( \([^)]*\))?: 0 error\(s\), 0 warning\(s\)$", output.Trim());
    }

    [Fact]
    public async Task Validate_BrokenFolder_PrintsPathLineMessagesAndExits1()
    {
        using var folder = TempFolder.Create();
        folder.Write("faq/a.md", new FaqFile(Id: "a", Related: "[ghost]").ToString());
        folder.Write("faq/b.md", "no front matter\n");

        var (exit, output, _) = await RunAsync("knowledge", "validate", folder.Path);

        Assert.Equal(1, exit);
        var lines = output.Trim().Split('\n');
        Assert.Contains(lines, l => l.EndsWith("a.md:10: related entry 'ghost' does not exist", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("b.md:1: missing front matter: the file must start with a line '---', then YAML, then '---'", StringComparison.Ordinal));
        Assert.Equal("2 files, 1 entries: 2 error(s), 0 warning(s)", lines[^1]);
    }

    [Fact]
    public async Task Validate_Json_ListsProblems()
    {
        using var folder = TempFolder.Create();
        folder.Write("faq/b.md", "---\nid: b\n---\n");

        var (exit, output, _) = await RunAsync("knowledge", "validate", folder.Path, "--json");

        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(2, json.RootElement.GetProperty("errors").GetInt32());
        Assert.All(json.RootElement.GetProperty("problems").EnumerateArray(), p => Assert.Equal("error", p.GetProperty("severity").GetString()));
    }

    [Fact]
    public async Task Validate_MissingFolder_IsBadUsage()
    {
        var (exit, _, error) = await RunAsync("knowledge", "validate", "/no/such/folder");

        Assert.Equal(2, exit);
        Assert.Equal("supportbot: knowledge folder '/no/such/folder' does not exist", error.Trim());
    }

    [Fact]
    public async Task Stats_CountsTopicsAndListsThinEntries()
    {
        using var folder = TempFolder.Create();
        folder.Write("faq/returns/a.md", new FaqFile(Id: "a", Questions: ["Only one?"]).ToString());
        folder.Write("faq/shipping/b.md", new FaqFile(Id: "b", Title: "B?").ToString());

        var (exit, output, _) = await RunAsync("knowledge", "stats", folder.Path);

        Assert.Equal(0, exit);
        Assert.Contains("2 entries (4 phrasings) in 2 files", output, StringComparison.Ordinal);
        Assert.Matches(@"returns\s+1", output);
        Assert.Matches(@"shipping\s+1", output);
        Assert.Matches(@"en-US\s+2", output);
        Assert.Contains("a.md:2: a has 1", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvalFaq_PrintsHitRates_AndFailsBelowTheBar()
    {
        var file = Path.Combine(RepoPaths.Eval, "faq-questions.jsonl");

        var (exit, output, _) = await RunAsync("eval", "faq", file, "--json");
        var (failedExit, _, failedError) = await RunAsync("eval", "faq", file, "--min-hit1", "1.01");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        foreach (var field in new[] { "hit_at_1", "hit_at_3", "mrr", "abstain_rate", "answered_precision", "query_p99_ms" })
        {
            Assert.InRange(json.RootElement.GetProperty(field).GetDouble(), 0, field == "query_p99_ms" ? double.MaxValue : 1);
        }

        Assert.Equal(1, failedExit);
        Assert.Contains("below the required hit rate", failedError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvalFaq_MalformedLine_ReportsPathLineAndExits2()
    {
        using var folder = TempFolder.Create();
        var file = folder.Write("q.jsonl", "{\"text\": \"refund?\", \"expected\": \"refund-timing\"}\n{\"text\": oops}\n");

        var (exit, _, error) = await RunAsync("eval", "faq", file);

        Assert.Equal(2, exit);
        Assert.StartsWith($"{file}:2: not a valid JSON object", error.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvalFaq_UnknownExpectedId_ReportsPathLine()
    {
        using var folder = TempFolder.Create();
        var file = folder.Write("q.jsonl", "{\"text\": \"refund?\", \"expected\": \"no-such-entry\"}\n");

        var (exit, _, error) = await RunAsync("eval", "faq", file);

        Assert.Equal(2, exit);
        Assert.Equal($"{file}:1: expected entry 'no-such-entry' does not exist in the knowledge base", error.Trim());
    }

    [Theory]
    [InlineData("--Knowledge:Search:MinConfidence", "5", "supportbot: configuration: Knowledge:Search:MinConfidence must be between 0 and 1 (got '5')")]
    [InlineData("--Knowledge:Path", "", "supportbot: configuration: The Knowledge:Path field is required (got '')")]
    [InlineData("--Storage:Provider", "Oracle", "supportbot: configuration: Failed to convert configuration value")]
    [InlineData("--Storage:Provider", "Postgres", "supportbot: configuration: Storage:ConnectionString is required when Storage:Provider is Postgres")]
    [InlineData("--Drafting:Provider", "OpenAI", "supportbot: configuration: Drafting:OpenAI:Endpoint must be an http(s) URL such as http://localhost:11434/v1 when Drafting:Provider is OpenAI (got '')")]
    [InlineData("--Embeddings:Provider", "OpenAI", "supportbot: configuration: Embeddings:OpenAI:Endpoint must be an http(s) URL such as http://localhost:11434/v1 when Embeddings:Provider is OpenAI (got '')")]
    [InlineData("--Embeddings:BatchSize", "0", "supportbot: configuration: Embeddings:BatchSize must be between 1 and 2048 (got '0')")]
    [InlineData("--Drafting:BudgetSeconds", "0", "supportbot: configuration: Drafting:BudgetSeconds must be between 0.1 and 120 (got '0')")]
    public async Task BadSetting_StopsWithOneLineAndExit2(string key, string value, string expected)
    {
        var (exit, output, error) = await RunAsync("ask", "refund", key, value);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.StartsWith(expected, error.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnreachablePostgres_StopsWithOneLineAndExit2()
    {
        var (exit, _, error) = await RunAsync("privacy", "purge", "--dry-run", "--Storage:Provider", "Postgres",
            "--Storage:ConnectionString", "Host=127.0.0.1;Port=1;Username=nobody;Database=none;Timeout=2");

        Assert.Equal(2, exit);
        Assert.StartsWith("supportbot: configuration: Storage: cannot reach the PostgreSQL database in Storage:ConnectionString", error.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SettingFromEnvironmentStyleKey_OnCommandLineWithEquals_IsApplied()
    {
        using var folder = TempFolder.Create();
        folder.Write("faq/a.md", new FaqFile(Id: "only-entry", Title: "Do you sell kites?", Questions: ["Kites?", "Kite shop?", "Flying kites?"]).ToString());

        var (exit, output, _) = await RunAsync("ask", "kites", $"--Knowledge:Path={folder.Path}", "--json");

        Assert.Equal(0, exit);
        Assert.Contains("\"id\": \"only-entry\"", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("ask")]
    [InlineData("ask", "refund", "--top", "lots")]
    public async Task BadUsage_Exits2WithAHint(params string[] args)
    {
        var (exit, _, error) = await RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Contains("supportbot --help", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsTheVerbs()
    {
        var (exit, output, _) = await RunAsync("--help");

        Assert.Equal(0, exit);
        foreach (var verb in new[] { "serve", "ask", "knowledge", "eval" })
        {
            Assert.Contains(verb, output, StringComparison.Ordinal);
        }
    }
}
