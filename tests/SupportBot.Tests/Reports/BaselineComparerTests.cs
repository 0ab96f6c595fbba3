using System.Text.Json;
using SupportBot.Evaluation.Conversations;
using SupportBot.Tests.Support;
using Xunit.Abstractions;
using static SupportBot.Evaluation.Conversations.ConversationOutcome;

namespace SupportBot.Tests.Reports;

/// <summary>What broke and what got fixed since a baseline run, and reading that run back from its JSON.</summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class BaselineComparerTests(ITestOutputHelper output)
{
    private const string A = "eval/a.chat";
    private const string B = "eval/b.chat";

    [Fact]
    public void Compare_MixedOutcomes_FindsExactlyTheRegressionsAndFixes()
    {
        var baseline = SampleConversationRun.WithOutcomes(
            ("steady", A, Passed), ("now fails", A, Passed), ("now flaky", A, Passed), ("now errors", B, Passed),
            ("fixed", A, Failed), ("unflaked", B, Flaky), ("still broken", B, Error), ("removed", B, Passed),
            ("same name", A, Passed));
        var current = SampleConversationRun.WithOutcomes(
            ("now errors", B, Error), ("steady", A, Passed), ("now fails", A, Failed), ("now flaky", A, Flaky),
            ("fixed", A, Passed), ("unflaked", B, Passed), ("still broken", B, Flaky), ("brand new", B, Failed),
            ("same name", B, Failed));

        var comparison = BaselineComparer.Compare(baseline, current);

        // In the current run's order; a conversation of the same name in another file is another conversation.
        Assert.Equal([B + "#now errors", A + "#now fails", A + "#now flaky"], comparison.Regressions);
        Assert.Equal([A + "#fixed", B + "#unflaked"], comparison.Fixes);
    }

    [Fact]
    public void Compare_BaselineRecordedOnWindows_MatchesForwardSlashPaths()
    {
        var baseline = SampleConversationRun.WithOutcomes(("late", "eval\\orders.chat", Passed));
        var current = SampleConversationRun.WithOutcomes(("late", "eval/orders.chat", Failed));

        var comparison = BaselineComparer.Compare(baseline, current);

        Assert.Equal(["eval/orders.chat#late"], comparison.Regressions);
    }

    [Fact]
    public void ReadBaseline_RunWrittenWithSharedOptions_RoundTrips()
    {
        var run = SampleConversationRun.Create();
        var json = JsonSerializer.Serialize(run, ConversationJson.Options);

        var read = BaselineComparer.ReadBaseline(json, out var error);

        Assert.Null(error);
        Assert.NotNull(read);
        Assert.Equal(json, JsonSerializer.Serialize(read, ConversationJson.Options));
        Assert.Contains("\"outcome\": \"flaky\"", json);
        Assert.Contains("\"containment\": \"confirmed\"", json);
        Assert.Contains("\"turn_pass_rate\": 0.6667", json);
        Assert.Equal(SampleConversationRun.LateParcelKey, BaselineComparer.Key(read.Conversations[1]));
        Assert.Equal("Your order [-ships today-]{+shipped yesterday+}", read.Conversations[1].Turns[1].Failures[0].Diff);
        Assert.Empty(BaselineComparer.Compare(read, run).Regressions);
    }

    [Theory]
    [InlineData("{ \"at\": \"2026-11-23T18:30:00Z\", ", "line 1")]
    [InlineData("not json", "line 1, column 2")]
    [InlineData("{\n  \"at\": \"2026-11-23T18:30:00Z\",\n  \"target\": \"x\",\n  \"conversations\": [{ \"name\": \"a\", \"path\": \"a.chat\", \"outcome\": \"exploded\", \"turns\": [] }]\n}", "line 4")]
    [InlineData("{ \"at\": \"2026-11-23T18:30:00Z\" }", "target")]
    [InlineData("null", "JSON null")]
    public void ReadBaseline_Malformed_ReturnsNullAndSaysWhere(string json, string mentioned)
    {
        var read = BaselineComparer.ReadBaseline(json, out var error);

        Assert.Null(read);
        Assert.NotNull(error);
        output.WriteLine(error);
        Assert.Contains(mentioned, error);
    }

    [Fact]
    public void ReadBaselineFile_Missing_ReturnsNullAndNamesThePath()
    {
        using var folder = TempFolder.Create();
        var path = Path.Combine(folder.Path, "nowhere.json");

        var read = BaselineComparer.ReadBaselineFile(path, out var error);

        Assert.Null(read);
        Assert.StartsWith(path + ": ", error);
    }
}
