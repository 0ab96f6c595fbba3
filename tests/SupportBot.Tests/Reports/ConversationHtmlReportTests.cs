using System.Net;
using System.Text.RegularExpressions;
using SupportBot.Evaluation.Conversations;
using SupportBot.Host.Reports.Conversations;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Reports;

/// <summary>The offline conversation report: failures first, charts embedded, shopper text never executed as markup.</summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed partial class ConversationHtmlReportTests
{
    private static readonly BaselineComparison Comparison = new([SampleConversationRun.LateParcelKey], [SampleConversationRun.RefundStatusKey]);

    /// <summary>The sample run's report, with or without a baseline, at the FAQ threshold the run used.</summary>
    private static Task<string> SampleReportAsync(BaselineComparison? comparison = null, double threshold = 0.45) =>
        ConversationHtmlReport.RenderAsync(SampleConversationRun.Create(), comparison, threshold);

    [GeneratedRegex("""(?:src|href)\s*=\s*"(?!data:)""")]
    private static partial Regex ExternalReference();

    [GeneratedRegex("<h2[^>]*>([^<]+)</h2>")]
    private static partial Regex SectionHeadings();

    [GeneratedRegex("<h3>([^<]+) <span class=\"badge")]
    private static partial Regex FailureHeadings();

    [Fact]
    public async Task RenderAsync_SampleRun_PutsFailuresBeforeChartsAndTheTableLast()
    {
        var html = await SampleReportAsync(Comparison);

        var headline = html.IndexOf("<h2>Headline</h2>", StringComparison.Ordinal);
        var failures = html.IndexOf("<h2 id=\"failures\">Failures</h2>", StringComparison.Ordinal);
        var firstChart = html.IndexOf("data:image/png;base64,", StringComparison.Ordinal);
        var table = html.IndexOf("<h2>All conversations</h2>", StringComparison.Ordinal);
        Assert.True(headline > 0);
        Assert.True(headline < failures, "the headline comes first");
        Assert.True(failures < firstChart, "failures come before the charts");
        Assert.True(firstChart < table, "the table of every conversation comes last");
    }

    [Fact]
    public async Task RenderAsync_SampleRun_EmbedsRenderedChartsAndNothingFromOutside()
    {
        var html = await SampleReportAsync(Comparison);

        Assert.Equal(3, ReportCharts.Rendered(html).Count);
        ReportCharts.AssertNothingFromOutside(html);
        Assert.False(ExternalReference().IsMatch(html), "every src and href is a data URI");
    }

    [Fact]
    public async Task RenderAsync_ShopperTextWithScript_IsEncoded()
    {
        var html = await SampleReportAsync();

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; my parcel is late", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_SampleRun_HasEverySectionInReadingOrder()
    {
        var html = await SampleReportAsync(Comparison);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<title>Conversation evaluation: local engine, knowledge/</title>", html, StringComparison.Ordinal);
        Assert.Equal(
            ["Headline", "Failures", "FAQ confidence", "Threshold sweep", "First response time", "All conversations"],
            SectionHeadings().Matches(html).Select(m => m.Groups[1].Value));
        Assert.Equal(["late parcel", "returns window", "broken flow"], FailureHeadings().Matches(html).Select(m => m.Groups[1].Value));
    }

    [Fact]
    public async Task RenderAsync_MarkupInEveryShopperAndScriptField_IsEncoded()
    {
        const string Hostile = "<img src=x onerror=alert(1)>";
        var sample = SampleConversationRun.Create();
        var late = sample.Conversations[1];
        var turn = late.Turns[1] with
        {
            Actual = late.Turns[1].Actual with { Texts = [Hostile] },
            Failures = [new AssertionFailure(Hostile, Hostile, Hostile, $"before [-{Hostile}-]{{+<script>x</script>+}} after")],
        };
        var run = sample with
        {
            Target = Hostile,
            Conversations = [late with { Name = Hostile, Path = Hostile, Turns = [late.Turns[0], turn] }],
            Problems = [new FileProblem(Hostile, 1, Hostile)],
        };

        var html = await ConversationHtmlReport.RenderAsync(run, new BaselineComparison([], [Hostile]), 0.45);

        TextAssert.ContainsNone(html,
            "<img src=x",
            "<script");
        TextAssert.ContainsAll(html,
            "before <del>&lt;img src=x onerror=alert(1)&gt;</del><ins>&lt;script&gt;x&lt;/script&gt;</ins> after",
            "<p class=\"bot muted\">bot: &lt;img src=x onerror=alert(1)&gt;</p>",
            "<li>&lt;img src=x onerror=alert(1)&gt;</li>");
    }

    [Fact]
    public async Task RenderAsync_FailedTurn_ShowsChecksAndTheWordDiffMarked()
    {
        var html = await SampleReportAsync();

        var section = Section(html, "late parcel");
        TextAssert.ContainsAll(section,
            "turn 2 (line 14)",
            "<td>reply text</td><td>Your order ships today</td><td>Your order shipped yesterday</td>",
            "Your order <del>ships today</del><ins>shipped yesterday</ins>",
            "<td>intent</td><td>missing_package</td><td>order_status</td>");
        Assert.DoesNotContain("turn 1 (line 10)", section, StringComparison.Ordinal);
        Assert.Contains("passed 3 of 5 runs", Section(html, "returns window"), StringComparison.Ordinal);
        Assert.Contains("step &#x27;confirm&#x27; is not in flow &#x27;returns&#x27;", Section(html, "broken flow"), StringComparison.Ordinal);
        Assert.Contains("eval/conversations/bad.chat:7: unknown directive &#x27;&gt; wat&#x27;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_WithBaseline_MarksTheRegressionFirstAndListsTheFix()
    {
        var html = await SampleReportAsync(Comparison);

        var regression = "<span class=\"badge regression\">regression</span>";
        Assert.Contains(regression, Section(html, "late parcel"), StringComparison.Ordinal);
        Assert.DoesNotContain(regression, Section(html, "returns window"), StringComparison.Ordinal);
        Assert.True(html.IndexOf("<h3>late parcel", StringComparison.Ordinal) < html.IndexOf("<h3>returns window", StringComparison.Ordinal));
        var fixes = html[html.IndexOf("<h3>Fixed since the baseline</h3>", StringComparison.Ordinal)..html.IndexOf("<h2>FAQ confidence</h2>", StringComparison.Ordinal)];
        Assert.Contains("<li>eval/conversations/returns.transcript#refund status</li>", fixes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_WithoutBaseline_HasNoBaselineMarks()
    {
        var html = await SampleReportAsync();

        TextAssert.ContainsNone(html,
            "badge regression",
            "Fixed since the baseline");
    }

    [Fact]
    public async Task RenderAsync_Headline_ShowsEveryMetricWithNullAsDashAndContainmentApart()
    {
        var html = await SampleReportAsync();

        TextAssert.ContainsAll(html,
            "<th>intent accuracy</th><td class=\"num\">—</td>",
            "<th>turn pass rate</th><td class=\"num\">66.7&#xA0;% <span class=\"muted\">(0.6667)</span></td>",
            "<th>containment, confirmed</th><td class=\"num\">20.0&#xA0;%",
            "<th>containment, assumed</th><td class=\"num\">40.0&#xA0;%",
            "confirmed: the shopper said it helped; assumed: no handoff and no complaint",
            "<th>first response p50</th><td class=\"num\">165.5 ms</td>",
            "local engine, knowledge/");
        // The renderer writes '+' as a character reference; the reader sees the offset as written here.
        Assert.Contains("2026-11-23 18:30:00 +00:00", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_SweepTable_HasTheUsualBarsAndTheCurrentOne()
    {
        // Four turns name their entry: right at 0.91, wrong at 0.52, right at 0.77 and right at 0.38 (the flaky one).
        var html = await SampleReportAsync(threshold: 0.42);

        var table = html[html.IndexOf("<table class=\"sweep\">", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        var rows = Regex.Count(table, "<tr[ >]") - 1;
        Assert.Equal(6, rows);
        TextAssert.ContainsAll(table,
            "<tr class=\"current\"><td class=\"num\">0.42 (current)</td><td class=\"num\">75.0&#xA0;%",
            "<td class=\"num\">0.3</td><td class=\"num\">100.0&#xA0;% <span class=\"muted\">(1)</span></td><td class=\"num\">25.0&#xA0;%",
            "<td class=\"num\">0.6</td><td class=\"num\">50.0&#xA0;% <span class=\"muted\">(0.5)</span></td><td class=\"num\">0.0&#xA0;% <span class=\"muted\">(0)</span></td><td class=\"num\">2 of 4</td>");
    }

    [Fact]
    public async Task RenderAsync_CurrentThresholdOnAUsualBar_IsOneRow()
    {
        var html = await SampleReportAsync();

        Assert.Equal(1, Regex.Count(html, @"<td class=""num"">0\.45"));
        Assert.Contains("0.45 (current)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_NoTurnNamesAnFaqEntry_SaysSoInsteadOfAnEmptySweep()
    {
        var run = SampleConversationRun.Create();
        run = run with
        {
            Conversations = run.Conversations.Select(c => c with { Turns = c.Turns.Select(t => t with { ExpectedFaq = null }).ToList() }).ToList(),
        };

        var html = await ConversationHtmlReport.RenderAsync(run, null, 0.45);

        Assert.Contains("nothing to sweep", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<table class=\"sweep\">", html, StringComparison.Ordinal);
        Assert.Equal(2, ReportCharts.Rendered(html).Count);
    }

    [Fact]
    public async Task RenderAsync_AllConversationsTable_HasOneRowEach()
    {
        var html = await SampleReportAsync(Comparison);

        var table = html[html.IndexOf("<h2>All conversations</h2>", StringComparison.Ordinal)..];
        Assert.Equal(5, Regex.Count(table, "<tr><td>"));
        TextAssert.ContainsAll(table,
            "<tr><td>late parcel</td><td class=\"muted\">eval/conversations/orders.chat</td><td><span class=\"badge failed\">failed</span> <span class=\"badge regression\">regression</span></td><td class=\"num\">1 / 2</td><td>yes</td><td>no</td><td>assumed</td></tr>",
            "<span class=\"badge passed\">passed</span> <span class=\"badge fixed\">fixed</span>");
    }

    /// <summary>The failure section of one conversation, from its heading to the end of its section.</summary>
    private static string Section(string html, string name)
    {
        var start = html.IndexOf($"<h3>{name} ", StringComparison.Ordinal);
        Assert.True(start > 0, $"no failure section for {name}");
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }
}
