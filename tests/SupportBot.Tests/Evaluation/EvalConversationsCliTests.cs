using System.Text.Json;
using System.Xml.Linq;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Evaluation;

/// <summary><c>supportbot eval conversations</c> as a team runs it: a fresh engine per conversation, failures as diffs, CI files.</summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class EvalConversationsCliTests
{
    private const string Passing = """
        name=Return window, then thanks
        user: how long do I have to return something?
        bot: You can return most items within **30 days** of delivery{any}
        [Faq=return-window] [Intent=faq_returns_refunds] [Action=answer]
        user: thanks, that helped
        [Action=small_talk]
        """;

    private const string Verified = """
        user: where is my order LP10000002
        bot: To keep your order details private, what's the **email address** or the **ZIP/postal code** on the order?
        [Intent=order_status] [Flow=order_status] [Step=need_proof] [Verified=no]
        user: ana.lima@example.com
        [Verified=yes] [Card=hero] [Match=/UPS/]
        user: talk to a person
        [Handoff=requested]
        """;

    /// <summary>A recording from yesterday's bot, which promised 60 days: today's answers 30.</summary>
    private const string Outdated = """
        [
          {"type":"message","from":{"id":"u1","role":"user"},"text":"how long do I have to return something?"},
          {"type":"message","from":{"id":"bot","role":"bot"},"text":"You can return most items within 60 days of delivery for a refund."}
        ]
        """;

    [Fact]
    public async Task PassingConversations_ExitZero_WithMetricsJUnitAndJson()
    {
        using var folder = TempFolder.Create();
        folder.Write("convs/faq/returns.chat", Passing);
        folder.Write("convs/orders/status.chat", Verified);
        var junit = Path.Combine(folder.Path, "out", "eval.xml");
        var json = Path.Combine(folder.Path, "out", "eval.json");

        var (exit, output, error) = await CliRunner.RunAsync("eval", "conversations", Path.Combine(folder.Path, "convs"), "--junit", junit, "--json", json);

        Assert.True(exit == 0, output + error);
        TextAssert.ContainsAll(output,
            "conversations 2: 2 passed, 0 failed, 0 flaky, 0 errors",
            "containment (confirmed)      50.0 %",
            "handoff recall               100.0 %");

        // The run's KPIs, from its stored turns by the code of report kpis, agree with the evaluation's own count.
        Assert.Matches(@"\n  Conversations\s+2\n", output);
        Assert.Matches(@"\n  Containment, confirmed\s+50\.0 %\n", output);
        Assert.True(File.Exists(junit));
        using var run = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        Assert.Equal(2, run.RootElement.GetProperty("conversations").GetArrayLength());
    }

    [Fact]
    public async Task ATranscriptWhoseExpectationNoLongerHolds_FailsWithAReadableDiff_AndTheMalformedFileIsReportedWhileTheRestRun()
    {
        using var folder = TempFolder.Create();
        folder.Write("convs/outdated.transcript", Outdated);
        folder.Write("convs/broken.transcript", "[{\"type\":\"message\",");
        folder.Write("convs/broken.chat", "user: hi\n[Intnet=greeting]\n");
        folder.Write("convs/returns.chat", Passing);

        var (exit, output, _) = await CliRunner.RunAsync("eval", "conversations", Path.Combine(folder.Path, "convs"));

        Assert.Equal(1, exit);
        TextAssert.ContainsAll(output,
            "convs/broken.transcript:1: not valid JSON",
            "convs/broken.chat:2: unknown tag '[Intnet=greeting]'",
            "FAILED ",
            "turn 1 (line 1): user: how long do I have to return something?",
            "text: expected \"You can return most items within 60 days of delivery for a refund.\"",
            "diff     you can return most items within [-60-] {+30+} days of delivery",
            "conversations 2: 1 passed, 1 failed, 0 flaky, 0 errors; 2 unreadable files");
    }

    [Fact]
    public async Task SemanticTolerance_ComparesTheRecordedDecisionAndTheMeaning_NotTheWording()
    {
        using var folder = TempFolder.Create();
        folder.Write("t.transcript", """
            [
              {"type":"message","from":{"id":"u1","role":"user"},"text":"how long do I have to return something?"},
              {"type":"message","from":{"id":"bot","role":"bot"},"text":"Most things can be sent back for a refund up to 30 days after they were delivered, and swapped for another size for 45 days."},
              {"type":"trace","name":"SupportBot.Decision","from":{"id":"bot","role":"bot"},"value":{"action":"answer","intent":"faq_returns_refunds","faqId":"return-window"}}
            ]
            """);
        folder.Write("wrong-source.transcript", """
            [
              {"type":"message","from":{"id":"u1","role":"user"},"text":"do you ship to canada"},
              {"type":"trace","name":"SupportBot.Decision","from":{"id":"bot","role":"bot"},"value":{"action":"answer","intent":"faq_orders_shipping","faqId":"return-window"}}
            ]
            """);

        var (exit, output, _) = await CliRunner.RunAsync("eval", "conversations", folder.Path, "--tolerance", "Semantic");

        Assert.Equal(1, exit);
        TextAssert.ContainsAll(output,
            "FAQ source (recorded): expected \"return-window\"",
            "conversations 2: 1 passed, 1 failed");
    }

    [Fact]
    public async Task AnUnexpectedHandoff_FailsTheTurn_AndAMetricBelowItsBoundFailsTheRun()
    {
        using var folder = TempFolder.Create();
        folder.Write("surprise.chat", "user: I want to talk to a human\n[Intent=talk_to_human]\n");
        folder.Write("fine.chat", "user: hello\n[Action=small_talk]\n");

        var (exit, output, error) = await CliRunner.RunAsync("eval", "conversations", folder.Path, "--min-handoff-precision", "0.9");

        Assert.Equal(1, exit);
        Assert.Contains("handoff: expected \"none\"", output, StringComparison.Ordinal);
        Assert.Contains("handoff precision 0.0 % is below --min-handoff-precision 90.0 %", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Baseline_MarksTheRegression()
    {
        using var folder = TempFolder.Create();
        var file = folder.Write("convs/returns.chat", Passing);
        var baseline = Path.Combine(folder.Path, "baseline.json");
        Assert.Equal(0, (await CliRunner.RunAsync("eval", "conversations", Path.Combine(folder.Path, "convs"), "--json", baseline)).Exit);
        await File.WriteAllTextAsync(file, Passing.Replace("[Faq=return-window]", "[Faq=exchanges]", StringComparison.Ordinal));

        var (exit, output, _) = await CliRunner.RunAsync("eval", "conversations", Path.Combine(folder.Path, "convs"), "--baseline", baseline);

        Assert.Equal(1, exit);
        TextAssert.ContainsAll(output,
            "(regression)",
            "against the baseline: 1 regressions, 0 fixed");
    }

    [Fact]
    public async Task JUnit_NamesTheFailingTurn()
    {
        using var folder = TempFolder.Create();
        folder.Write("convs/outdated.transcript", Outdated);
        var junit = Path.Combine(folder.Path, "eval.xml");

        await CliRunner.RunAsync("eval", "conversations", Path.Combine(folder.Path, "convs"), "--junit", junit);

        var failure = XDocument.Load(junit).Descendants("failure").Single();
        Assert.Contains("turn 1 (line 1)", failure.Attribute("message")!.Value, StringComparison.Ordinal);
        Assert.Contains("{+30+}", failure.Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--repeat", "0")]
    [InlineData("--parallel", "0")]
    public async Task BadUsage_IsExitTwo(string option, string value)
    {
        var (exit, _, error) = await CliRunner.RunAsync("eval", "conversations", "eval/conversations", option, value);

        Assert.Equal(2, exit);
        Assert.Contains("must be at least 1", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingPath_IsExitTwo()
    {
        var (exit, _, error) = await CliRunner.RunAsync("eval", "conversations", "/no/such/folder");

        Assert.Equal(2, exit);
        Assert.Contains("'/no/such/folder' is neither a file nor a folder", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadUrl_IsExitTwo_WithoutAStackTrace()
    {
        var (exit, _, error) = await CliRunner.RunAsync("eval", "conversations", "eval/conversations", "--url", "localhost");

        Assert.Equal(2, exit);
        Assert.Equal("supportbot: --url 'localhost' is not an http(s) address such as http://localhost:5080", error.Trim());
    }
}

/// <summary>The evaluation's reports are shared (CI artefacts): what a shopper typed or was told must not leak into them.</summary>
[Trait(TestCategories.Key, TestCategories.Security)]
public sealed class EvalReportPrivacyTests
{
    [Fact]
    public async Task Reports_CarryNoShoppersEmailOrTrackingNumber_EvenWhereATurnFailed()
    {
        // The status turn expects the wrong words, so what the bot really said (the order's tracking) is in every report.
        using var folder = TempFolder.Create();
        folder.Write("convs/status.chat", """
            user: where is my order LP10000002, my email is ana.lima@example.com
            bot: nothing like this
            """);
        var junit = Path.Combine(folder.Path, "eval.xml");
        var json = Path.Combine(folder.Path, "eval.json");
        var html = Path.Combine(folder.Path, "eval.html");

        var (exit, output, _) = await CliRunner.RunAsync("eval", "conversations", Path.Combine(folder.Path, "convs"), "--junit", junit, "--json", json, "--report", html);

        Assert.Equal(1, exit);
        var reports = new[] { output, await File.ReadAllTextAsync(junit), await File.ReadAllTextAsync(json), await File.ReadAllTextAsync(html) };
        Assert.Contains("[tracking number]", reports[2], StringComparison.Ordinal);
        foreach (var report in reports)
        {
            Assert.DoesNotContain("ana.lima@example.com", report, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch(@"1Z[0-9A-Z]{16}", report);
        }
    }
}
