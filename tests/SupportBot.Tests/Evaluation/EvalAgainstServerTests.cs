using SupportBot.Tests.DirectLine;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Evaluation;

/// <summary>The harness against a running bot on 127.0.0.1: replay over Direct Line, and recording its stored conversations.</summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class EvalAgainstServerTests
{
    private const string Secret = "eval-tests-secret-0123456789-abcdef-0123456789";

    [Fact]
    public async Task OverDirectLine_TheSameConversationPasses_AndAWrongExpectationFails()
    {
        using var folder = TempFolder.Create();
        folder.Write("ok.chat", """
            bot: {any}
            [Match=/virtual assistant/]
            user: how long do I have to return something?
            [Faq=return-window] [Match=/30 days/]
            """);
        folder.Write("wrong.chat", "user: do you ship to canada\n[Faq=return-window]\n");
        using var data = TempFolder.Create();
        await using var server = await RunningServer.StartAsync("--Storage:DataPath", data.Path, "--DirectLine:Secret", Secret);

        var (exit, output, error) = await CliRunner.RunAsync("eval", "conversations", folder.Path, "--url", server.Address.ToString(), "--secret", Secret);

        Assert.True(exit == 1, output + error);
        Assert.Contains($"conversations 2: 1 passed, 1 failed, 0 flaky, 0 errors; 0 unreadable files ({server.Address}", output, StringComparison.Ordinal);
        Assert.Contains("FAQ source: expected \"return-window\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_WritesStoredConversationsAsRedactedTranscripts_ThatReplay()
    {
        using var data = TempFolder.Create();
        await using (var server = await RunningServer.StartAsync("--Storage:DataPath", data.Path, "--DirectLine:Secret", Secret))
        {
            var shopper = await DirectLineClient.StartedAsync(server.Client, Secret);
            await shopper.PostOkAsync("how long do I have to return something?");
            await shopper.PostOkAsync("where is my order? my email is sam.jones@example.com, phone 415-555-0188");
        }

        using var output = TempFolder.Create();
        var (exit, said, error) = await CliRunner.RunAsync("eval", "record", "--since", "2000-01-01", "--out", output.Path, "--Storage:DataPath", data.Path);

        Assert.True(exit == 0, error);
        Assert.Contains("wrote 1 transcripts", said, StringComparison.Ordinal);
        var transcript = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(output.Path, "*.transcript")));
        Assert.DoesNotContain("sam.jones", transcript, StringComparison.Ordinal);
        Assert.DoesNotContain("415-555-0188", transcript, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Sam\"", transcript, StringComparison.Ordinal);
        Assert.Contains("shopper@example.com", transcript, StringComparison.Ordinal);

        var (replayed, replay, _) = await CliRunner.RunAsync("eval", "conversations", output.Path, "--tolerance", "Semantic");
        Assert.True(replayed == 0, replay + transcript);
        Assert.Contains("conversations 1: 1 passed", replay, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_WithABadDate_IsExitTwo()
    {
        var (exit, _, error) = await CliRunner.RunAsync("eval", "record", "--since", "last tuesday", "--out", Path.GetTempPath());

        Assert.Equal(2, exit);
        Assert.Contains("--since 'last tuesday' is not a date", error, StringComparison.Ordinal);
    }
}
