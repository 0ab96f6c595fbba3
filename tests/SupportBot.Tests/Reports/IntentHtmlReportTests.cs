using System.Text.RegularExpressions;
using SupportBot.Evaluation;
using SupportBot.Host.Reports.Intents;
using SupportBot.Tests.Support;
using SupportBot.Understanding.Intents;
using Xunit.Abstractions;

namespace SupportBot.Tests.Reports;

/// <summary>The offline HTML report: one file, charts embedded, utterance text never executed as markup.</summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class IntentHtmlReportTests(ITestOutputHelper output)
{
    [Fact]
    public async Task WriteAsync_SmallReport_HasHeadlineChartsAndEncodedText()
    {
        var html = await WrittenAsync(SmallReport());

        foreach (var headline in new[] { "0.8123", "0.6789", "0.7345", "0.6512", "0.45", "1.37", "LbfgsMaximumEntropy", "0.0421", "0.3117" })
        {
            Assert.Contains(headline, html, StringComparison.Ordinal);
        }

        Assert.Equal(2, ReportCharts.Rendered(html).Count);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        TextAssert.ContainsAll(html,
            "&lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt;",
            "fish &amp; chips");
    }

    [Fact]
    public async Task WriteAsync_SmallReport_HasEverySectionInReadingOrder()
    {
        var html = await WrittenAsync(SmallReport());

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<title>Intent evaluation: LbfgsMaximumEntropy</title>", html, StringComparison.Ordinal);
        Assert.Equal(
            ["Headline", "Confusion matrix", "Confidence", "Per intent", "Most confused", "Mistakes"],
            Regex.Matches(html, "<h2>([^<]+)</h2>").Select(m => m.Groups[1].Value));
        TextAssert.ContainsAll(html,
            "<th>in-scope accuracy</th><td class=\"num\">81.2&#xA0;% <span class=\"muted\">(0.8123)</span></td>",
            "<td>oos</td><td>refund</td><td class=\"num\">1</td><td class=\"num\">33.3&#xA0;%",
            "All 5, most confident first.",
            "<span class=\"meter\"><span style=\"width:85.7%\"></span></span>");
    }

    [Fact]
    public async Task WriteAsync_SmallReport_IsSelfContained()
    {
        var html = await WrittenAsync(SmallReport());

        ReportCharts.AssertNothingFromOutside(html);
        // Names the labels on the axes, so no index legend is needed.
        Assert.DoesNotContain("Label indices", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_PerIntentTable_IsSortedByF1Ascending()
    {
        var html = await WrittenAsync(SmallReport());

        var table = html[html.IndexOf("<h2>Per intent</h2>", StringComparison.Ordinal)..html.IndexOf("<h2>Most confused</h2>", StringComparison.Ordinal)];
        var order = new[] { ">oos<", ">track-order<", ">refund<" }.Select(s => table.IndexOf(s, StringComparison.Ordinal)).ToList();
        Assert.All(order, i => Assert.True(i > 0));
        Assert.Equal(order.Order().ToList(), order);
    }

    [Fact]
    public async Task WriteAsync_150Labels_CompletesWithIndexedHeatMap()
    {
        var report = ManyLabels(150);

        var html = await WrittenAsync(report);
        output.WriteLine($"150-label report: {html.Length / 1024} K characters");

        Assert.Equal(2, ReportCharts.Rendered(html).Count);
        TextAssert.ContainsAll(html,
            "Label indices",
            "intent-148");
    }

    [Fact]
    public async Task WriteAsync_ConfusionNotSquare_Throws()
    {
        var report = SmallReport() with { Confusion = [[1, 0], [0, 1]] };

        await Assert.ThrowsAsync<ArgumentException>(() => IntentHtmlReport.WriteAsync(report, Path.Combine(Path.GetTempPath(), "never-written.html")));
    }

    /// <summary>The report as written to a file, the way <c>eval intents --report</c> writes it.</summary>
    private static async Task<string> WrittenAsync(IntentEvaluationReport report)
    {
        using var folder = TempFolder.Create();
        var path = Path.Combine(folder.Path, "report.html");
        await IntentHtmlReport.WriteAsync(report, path);
        return await File.ReadAllTextAsync(path);
    }

    private static IntentEvaluationReport SmallReport()
    {
        string[] labels = ["refund", "shipping", "track-order", "oos"];
        ScoredUtterance[] utterances =
        [
            new("I want my money back", "refund", "refund", 0.93, IntentEvaluation.Correct),
            new("refund please", "refund", "refund", 0.88, IntentEvaluation.Correct),
            new("give me a refund", "refund", "refund", 0.71, IntentEvaluation.Correct),
            new("can I return the fish & chips", "refund", "shipping", 0.52, IntentEvaluation.Wrong),
            new("how much is delivery", "shipping", "shipping", 0.97, IntentEvaluation.Correct),
            new("do you ship abroad", "shipping", "shipping", 0.81, IntentEvaluation.Correct),
            new("when does it ship", "shipping", "track-order", 0.61, IntentEvaluation.Wrong),
            new("where is my parcel", "track-order", "track-order", 0.95, IntentEvaluation.Correct),
            new("order status", "track-order", "track-order", 0.66, IntentEvaluation.Correct),
            new("is it late?", "track-order", "oos", 0.31, IntentEvaluation.Wrong),
            new("<script>alert(\"hi\")</script>", "oos", "refund", 0.57, IntentEvaluation.OutOfScope),
            new("tell me a joke", "oos", "oos", 0.22, IntentEvaluation.OutOfScope),
            new("what's the weather", "oos", "shipping", 0.48, IntentEvaluation.OutOfScope),
        ];
        IReadOnlyList<IReadOnlyList<int>> confusion =
        [
            [3, 1, 0, 0],
            [0, 2, 1, 0],
            [0, 0, 2, 1],
            [1, 1, 0, 1],
        ];
        return new IntentEvaluationReport(
            Examples: 13, InScopeExamples: 10, OutOfScopeExamples: 3,
            InScopeAccuracy: 0.8123, OutOfScopeRecall: 0.6789, OutOfScopePrecision: 0.7345, MacroF1: 0.6512,
            Threshold: 0.45, Temperature: 1.37, Trainer: "LbfgsMaximumEntropy",
            TrainExamples: 412, TrainSeconds: 2.5, PredictP50Ms: 0.0421, PredictP99Ms: 0.3117,
            PerIntent:
            [
                new IntentMetrics("refund", 4, 1.0, 0.75, 0.8571),
                new IntentMetrics("shipping", 3, 0.5, 0.6667, 0.5714),
                new IntentMetrics("track-order", 3, 0.6667, 0.6667, 0.6667),
                new IntentMetrics("oos", 3, 0.6667, 0.6667, 0.5),
            ],
            MostConfused:
            [
                new ConfusedPair("oos", "refund", 1),
                new ConfusedPair("oos", "shipping", 1),
                new ConfusedPair("refund", "shipping", 1),
                new ConfusedPair("shipping", "track-order", 1),
                new ConfusedPair("track-order", "oos", 1),
            ],
            Labels: labels,
            Confusion: confusion,
            Utterances: utterances);
    }

    /// <summary>A CLINC150-sized report: mostly right, each intent mistaken for a neighbour now and then.</summary>
    private static IntentEvaluationReport ManyLabels(int count)
    {
        var random = new Random(150);
        var labels = Enumerable.Range(0, count - 1).Select(i => $"intent-{i}").Append("oos").ToList();
        var utterances = new List<ScoredUtterance>();
        foreach (var truth in labels)
        {
            for (var k = 0; k < 30; k++)
            {
                var predicted = random.NextDouble() < 0.85 ? truth : labels[random.Next(labels.Count)];
                var outcome = truth == "oos" ? IntentEvaluation.OutOfScope : predicted == truth ? IntentEvaluation.Correct : IntentEvaluation.Wrong;
                var confidence = predicted == truth ? 0.5 + (random.NextDouble() / 2) : random.NextDouble() * 0.8;
                utterances.Add(new ScoredUtterance($"utterance {k} about {truth}", truth, predicted, confidence, outcome));
            }
        }

        var info = new IntentModelInfo("test", labels, "oos", UseOutOfScopeClass: true, Threshold: 0.4, Temperature: 1.1,
            IntentTrainer.LbfgsMaximumEntropy, Examples: 15000, TrainSeconds: 61.2);
        return IntentEvaluation.Summarize(utterances, "oos", info, 0.05, 0.4);
    }
}
