using System.Text.Json;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Cli;

[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class IntentCliTests
{
    private static Task<(int Exit, string Out, string Err)> RunAsync(params string[] args) => CliRunner.RunAsync(args);

    private static string Lines(IEnumerable<(string Text, string Intent)> rows) =>
        string.Join('\n', rows.Select(r => JsonSerializer.Serialize(new { text = r.Text, intent = r.Intent }))) + "\n";

    private static IEnumerable<(string, string)> Small(int seed)
    {
        string[] greetings = ["hello there", "hi", "good morning", "hey you", "hiya", "hello friend", "morning all", "hey there friend"];
        string[] orders = ["where is my order", "track my parcel", "has my order shipped", "when will my package arrive", "order status please", "where's my stuff", "is my parcel on its way", "tracking my order"];
        string[] refunds = ["where is my refund", "refund not received", "when do i get my money back", "my refund is late", "has my refund been paid", "money back status", "refund still missing", "did you refund me"];
        string[] oos = ["what is the weather", "tell me a joke", "who won the match", "recipe for soup", "capital of peru", "best phone to buy", "how tall is everest", "translate hello to french"];
        var all = greetings.Select(t => (t, "greeting")).Concat(orders.Select(t => (t, "order_status"))).Concat(refunds.Select(t => (t, "refund_status"))).Concat(oos.Select(t => (t, "oos")));
        return all.Where((_, i) => i % 2 == seed);
    }

    [Fact]
    public async Task EvalIntents_TrainAndTestFiles_WritesTheDocumentedJson()
    {
        using var folder = TempFolder.Create();
        var train = folder.Write("train.jsonl", Lines(Small(0)));
        var test = folder.Write("test.jsonl", Lines(Small(1)));
        var json = Path.Combine(folder.Path, "out.json");

        var (exit, output, _) = await RunAsync("eval", "intents", "--train", train, "--test", test, "--oos-label", "oos", "--json", json);

        Assert.Equal(0, exit);
        Assert.Contains("in-scope accuracy", output, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(File.ReadAllText(json));
        foreach (var field in new[] { "in_scope_accuracy", "oos_recall", "oos_precision", "macro_f1", "threshold" })
        {
            Assert.InRange(report.RootElement.GetProperty(field).GetDouble(), 0, 1);
        }

        Assert.True(report.RootElement.GetProperty("train_seconds").GetDouble() > 0);
        Assert.True(report.RootElement.GetProperty("predict_p99_ms").GetDouble() >= report.RootElement.GetProperty("predict_p50_ms").GetDouble());
        Assert.Equal(16, report.RootElement.GetProperty("examples").GetInt32());
        Assert.Equal(4, report.RootElement.GetProperty("per_intent").GetArrayLength());
    }

    [Fact]
    public async Task EvalIntents_JsonWithoutFile_PrintsJsonAndAReport()
    {
        using var folder = TempFolder.Create();
        var train = folder.Write("train.jsonl", Lines(Small(0)));
        var test = folder.Write("test.jsonl", Lines(Small(1)));
        var html = Path.Combine(folder.Path, "report.html");

        var (exit, output, _) = await RunAsync("eval", "intents", "--train", train, "--test", test, "--json", "--report", html);

        Assert.Equal(0, exit);
        using var report = JsonDocument.Parse(output);
        Assert.True(report.RootElement.TryGetProperty("most_confused", out _));
        Assert.Contains("data:image/png;base64,", File.ReadAllText(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvalIntents_MalformedLine_IsPathLineAndExit2()
    {
        using var folder = TempFolder.Create();
        var train = folder.Write("train.jsonl", Lines(Small(0)) + "{\"text\": \"broken\n");
        var test = folder.Write("test.jsonl", Lines(Small(1)));

        var (exit, _, error) = await RunAsync("eval", "intents", "--train", train, "--test", test);

        Assert.Equal(2, exit);
        Assert.StartsWith($"{train}:17: not a valid JSON object", error.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvalIntents_MissingIntentField_IsPathLineAndExit2()
    {
        using var folder = TempFolder.Create();
        var train = folder.Write("train.jsonl", "{\"text\": \"hello\"}\n");
        var test = folder.Write("test.jsonl", Lines(Small(1)));

        var (exit, _, error) = await RunAsync("eval", "intents", "--train", train, "--test", test);

        Assert.Equal(2, exit);
        Assert.Equal($"{train}:1: \"intent\" is missing or empty", error.Trim());
    }

    [Fact]
    public async Task EvalIntents_SingleIntent_SaysTwoAreNeeded()
    {
        using var folder = TempFolder.Create();
        var train = folder.Write("train.jsonl", Lines(Small(0).Where(r => r.Item2 == "greeting")));
        var test = folder.Write("test.jsonl", Lines(Small(1)));

        var (exit, _, error) = await RunAsync("eval", "intents", "--train", train, "--test", test, "--oos-label", "oos");

        Assert.Equal(2, exit);
        Assert.Equal("supportbot: the training set has 1 intent(s) besides 'oos'; a classifier needs at least two", error.Trim());
    }

    [Fact]
    public async Task EvalIntents_EmptyFile_SaysItHasNoExamples()
    {
        using var folder = TempFolder.Create();
        var train = folder.Write("train.jsonl", "\n\n");
        var test = folder.Write("test.jsonl", Lines(Small(1)));

        var (exit, _, error) = await RunAsync("eval", "intents", "--train", train, "--test", test);

        Assert.Equal(2, exit);
        Assert.Equal($"{train}:1: the file has no examples", error.Trim());
    }

    [Fact]
    public async Task EvalIntents_NoTestAndNoCv_IsBadUsage()
    {
        var (exit, _, error) = await RunAsync("eval", "intents");

        Assert.Equal(2, exit);
        Assert.Equal("supportbot: --test is required (or use --cv)", error.Trim());
    }

    [Fact]
    public async Task Train_CachesTheModel_ThenReportsUpToDate()
    {
        using var data = TempFolder.Create();

        var (exit, output, _) = await RunAsync("train", "--json", "--Storage:DataPath", data.Path);
        var (again, secondOutput, _) = await RunAsync("train", "--Storage:DataPath", data.Path);

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.True(json.RootElement.GetProperty("trained").GetBoolean());
        Assert.True(File.Exists(json.RootElement.GetProperty("path").GetString()));
        Assert.True(json.RootElement.GetProperty("intents").GetArrayLength() >= 20);
        Assert.Equal(0, again);
        Assert.StartsWith("Up to date", secondOutput, StringComparison.Ordinal);
    }
}
