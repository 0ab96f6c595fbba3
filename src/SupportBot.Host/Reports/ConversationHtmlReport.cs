using System.Text;
using ScottPlot;
using SupportBot.Evaluation.Conversations;
using static SupportBot.Host.Reports.ConversationWords;
using static SupportBot.Host.Reports.ReportHtml;

namespace SupportBot.Host.Reports;

/// <summary>The offline HTML report of <c>supportbot eval conversations --report out.html</c>.</summary>
/// <remarks>
/// Read top down by someone deciding whether a change can ship: the figures, then what broke (and whether it broke
/// since the baseline), then the charts that help choose the FAQ bar, then every conversation. One self-contained
/// file like the intent report: inline styles, PNG data URIs.
/// </remarks>
internal static class ConversationHtmlReport
{
    private const int ConfidenceBins = 20;
    private const int ResponseBins = 30;
    private const int ChartWidth = 1100;
    private const int ChartHeight = 460;
    private const string Missing = "—";
    private const string PassedHex = "#2e8b57";
    private const string FailedHex = "#d1495b";

    /// <summary>The bars people usually argue between; the current one is added to the table wherever it lies.</summary>
    private static readonly double[] TableThresholds = [0.3, 0.4, 0.45, 0.5, 0.6];

    public static string Write(ConversationRun run, BaselineComparison? comparison, double currentThreshold)
    {
        ArgumentNullException.ThrowIfNull(run);
        var html = new StringBuilder(64 * 1024);
        AppendHead(html, $"Conversation evaluation: {run.Target}", Css);
        AppendHeadline(html, run, comparison);
        AppendFailures(html, run, comparison);
        var turns = run.Conversations.SelectMany(c => c.Turns).ToList();
        AppendConfidence(html, turns, currentThreshold);
        AppendSweep(html, turns, currentThreshold);
        AppendResponseTimes(html, turns, run.Metrics);
        AppendConversations(html, run, comparison);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendHeadline(StringBuilder html, ConversationRun run, BaselineComparison? comparison)
    {
        var m = run.Metrics;
        var problems = run.Problems.Count == 0 ? "" : $" · {run.Problems.Count} unreadable file{(run.Problems.Count == 1 ? "" : "s")}";
        var baseline = comparison is null ? "" : $" · against the baseline: {comparison.Regressions.Count} regressed, {comparison.Fixes.Count} fixed";
        html.Append(Inv, $"<p class=\"muted\">{run.At.ToString("yyyy-MM-dd HH:mm:ss zzz", Inv)} · {run.Conversations.Count} conversations, {m.Turns} turns{problems}{baseline}</p>\n");

        html.Append("<h2>Headline</h2>\n<table class=\"headline\">\n<tbody>\n");
        Row(html, "conversations", Count(m.Conversations), "");
        Row(html, "turns", Count(m.Turns), "shopper messages replayed");
        Row(html, "turn pass rate", Rate(m.TurnPassRate), "turns whose every check held");
        Row(html, "conversation pass rate", Rate(m.ConversationPassRate), "a flaky conversation never counts as passed");
        Row(html, "flaky", Count(m.Flaky), "passed in some runs, failed in others");
        Row(html, "errors", Count(m.Errors), "could not be run");
        Row(html, "intent accuracy", Optional(m.IntentAccuracy), "of turns whose script names the intent");
        Row(html, "FAQ hit rate", Optional(m.FaqHitRate), "of turns whose script names the FAQ entry");
        Row(html, "containment, confirmed", Rate(m.ContainmentConfirmed), "no handoff, and the shopper said it helped");
        Row(html, "containment, assumed", Rate(m.ContainmentAssumed), "no handoff and no complaint, but no word that it helped");
        Row(html, "handoff precision", Optional(m.HandoffPrecision), "of handoffs, those the script expected");
        Row(html, "handoff recall", Optional(m.HandoffRecall), "of expected handoffs, those that happened");
        Row(html, "first response p50", $"{Number(m.FirstResponseP50Ms)} ms", "from the shopper's message to the bot's first reply");
        Row(html, "first response p99", $"{Number(m.FirstResponseP99Ms)} ms", "");
        html.Append("</tbody>\n</table>\n");
        // Assumed containment is an absence of evidence; adding it to the confirmed share would flatter the bot.
        html.Append("<p class=\"muted\">Containment comes in two parts that are never added up. confirmed: the shopper said it helped; assumed: no handoff and no complaint.</p>\n");

        static void Row(StringBuilder html, string name, string value, string note) =>
            html.Append(Inv, $"<tr><th>{name}</th><td class=\"num\">{value}</td><td class=\"muted\">{Encode(note)}</td></tr>\n");
    }

    private static void AppendFailures(StringBuilder html, ConversationRun run, BaselineComparison? comparison)
    {
        var regressions = (comparison?.Regressions ?? []).ToHashSet(StringComparer.Ordinal);
        // What broke since the baseline is what blocks a merge, so it leads.
        var failing = run.Conversations
            .Where(c => c.Outcome != ConversationOutcome.Passed)
            .OrderByDescending(c => regressions.Contains(BaselineComparer.Key(c)))
            .ToList();

        html.Append("<h2 id=\"failures\">Failures</h2>\n");
        if (failing.Count == 0 && run.Problems.Count == 0)
        {
            html.Append("<p class=\"muted\">Every conversation passed.</p>\n");
        }
        else if (failing.Count > 0)
        {
            var counts = failing.GroupBy(c => c.Outcome).OrderBy(g => g.Key).Select(g => $"{g.Count()} {OutcomeWord(g.Key)}");
            html.Append(Inv, $"<p class=\"muted\">{failing.Count} of {run.Conversations.Count} conversations did not pass: {string.Join(", ", counts)}.</p>\n");
        }

        foreach (var conversation in failing)
        {
            AppendFailure(html, conversation, regressions.Contains(BaselineComparer.Key(conversation)));
        }

        if (run.Problems.Count > 0)
        {
            html.Append("<h3>Unreadable files</h3>\n<ul class=\"problems\">\n");
            foreach (var problem in run.Problems)
            {
                html.Append(Inv, $"<li><code>{Encode(problem.ToString())}</code></li>\n");
            }

            html.Append("</ul>\n");
        }

        if (comparison is not null)
        {
            html.Append("<h3>Fixed since the baseline</h3>\n");
            html.Append(comparison.Fixes.Count == 0 ? "<p class=\"muted\">None.</p>\n" : "<ul class=\"fixes\">\n");
            foreach (var fix in comparison.Fixes)
            {
                html.Append(Inv, $"<li>{Encode(fix)}</li>\n");
            }

            html.Append(comparison.Fixes.Count == 0 ? "" : "</ul>\n");
        }
    }

    private static void AppendFailure(StringBuilder html, ConversationResult conversation, bool regression)
    {
        var outcome = OutcomeWord(conversation.Outcome);
        html.Append(Inv, $"<section class=\"conversation {outcome}\">\n<h3>{Encode(conversation.Name)} {Badge(outcome)}{(regression ? " " + Badge("regression") : "")}</h3>\n");
        html.Append(Inv, $"<p class=\"muted\">{Encode(conversation.Path)}</p>\n");
        switch (conversation.Outcome)
        {
            case ConversationOutcome.Error:
                html.Append(Inv, $"<pre class=\"error\">{Encode(ErrorText(conversation))}</pre>\n");
                break;
            case ConversationOutcome.Flaky:
                html.Append(Inv, $"<p>{Encode(FlakyRuns(conversation))}; the turns below are from a failing run.</p>\n");
                break;
        }

        var failingTurns = FailingTurns(conversation).ToList();
        if (failingTurns.Count == 0 && conversation.Outcome == ConversationOutcome.Failed)
        {
            html.Append("<p class=\"muted\">No single turn failed; the conversation as a whole did not end as its script expects.</p>\n");
        }

        foreach (var turn in failingTurns)
        {
            html.Append(Inv, $"<div class=\"turn\">\n<p class=\"said\"><span class=\"muted\">{TurnPlace(turn)}</span> shopper: {Encode(turn.UserText)}</p>\n");
            foreach (var reply in turn.Actual.Texts)
            {
                html.Append(Inv, $"<p class=\"bot muted\">bot: {Encode(reply)}</p>\n");
            }

            html.Append("<table class=\"checks\">\n<thead><tr><th>check</th><th>expected</th><th>actual</th></tr></thead>\n<tbody>\n");
            foreach (var failure in turn.Failures)
            {
                html.Append(Inv, $"<tr><td>{Encode(failure.Check)}</td><td>{Encode(failure.Expected)}</td><td>{Encode(failure.Actual)}</td></tr>\n");
                if (!string.IsNullOrEmpty(failure.Diff))
                {
                    html.Append(Inv, $"<tr class=\"diff\"><td class=\"muted\">diff</td><td colspan=\"2\">{Diff(failure.Diff)}</td></tr>\n");
                }
            }

            html.Append("</tbody>\n</table>\n</div>\n");
        }

        html.Append("</section>\n");
    }

    /// <summary>A word diff with <c>[-removed-]</c> and <c>{+added+}</c> markers as struck-out red and green; a marker left open is plain text.</summary>
    private static string Diff(string diff)
    {
        var html = new StringBuilder(diff.Length * 2);
        var at = 0;
        while (at < diff.Length)
        {
            var removed = diff.IndexOf("[-", at, StringComparison.Ordinal);
            var added = diff.IndexOf("{+", at, StringComparison.Ordinal);
            var start = removed < 0 ? added : added < 0 ? removed : Math.Min(removed, added);
            var isRemoved = start == removed;
            var end = start < 0 ? -1 : diff.IndexOf(isRemoved ? "-]" : "+}", start + 2, StringComparison.Ordinal);
            if (end < 0)
            {
                break;
            }

            var tag = isRemoved ? "del" : "ins";
            html.Append(Encode(diff[at..start])).Append(Inv, $"<{tag}>{Encode(diff[(start + 2)..end])}</{tag}>");
            at = end + 2;
        }

        return html.Append(Encode(diff[at..])).ToString();
    }

    private static void AppendConfidence(StringBuilder html, List<TurnResult> turns, double threshold)
    {
        html.Append("<h2>FAQ confidence</h2>\n");
        var answered = turns.Where(t => t.Actual.FaqConfidence > 0).ToList();
        if (answered.Count == 0)
        {
            html.Append("<p class=\"muted\">No turn was matched to an FAQ entry, so there is no confidence to show.</p>\n");
            return;
        }

        using var plot = ReportPlot.Create();
        ReportPlot.Series[] series =
        [
            new("turn passed", PassedHex, answered.Where(t => t.Passed).Select(t => t.Actual.FaqConfidence).ToList()),
            new("turn failed", FailedHex, answered.Where(t => !t.Passed).Select(t => t.Actual.FaqConfidence).ToList()),
        ];
        var tallest = ReportPlot.AddHistogram(plot, series, ConfidenceBins, 1, shares: false);
        ReportPlot.AddThreshold(plot, threshold);
        plot.Axes.SetLimits(0, 1, 0, Math.Max(3, tallest * 1.15));
        plot.XLabel("FAQ confidence of the bot's best entry");
        plot.YLabel("turns");
        plot.ShowLegend(Alignment.UpperLeft);
        html.Append(Inv, $"""
            <p class="muted">The {answered.Count} turns the FAQ search matched, per confidence bin of width {1.0 / ConfidenceBins:0.00}, by whether the turn passed; the dashed line is the current threshold.</p>
            <img class="chart" alt="Histogram of the FAQ confidence of passed and failed turns" src="{ReportPlot.DataUri(plot, ChartWidth, ChartHeight)}">

            """);
    }

    private static void AppendSweep(StringBuilder html, List<TurnResult> turns, double threshold)
    {
        html.Append("<h2>Threshold sweep</h2>\n");
        var scored = ThresholdSweep.Scored(turns);
        var sweep = ThresholdSweep.Compute(scored);
        if (sweep.Count == 0)
        {
            html.Append("<p class=\"muted\">No turn's script names the FAQ entry that should answer it, so there is nothing to sweep.</p>\n");
            return;
        }

        using var plot = ReportPlot.Create();
        var xs = sweep.Select(p => p.Threshold).ToArray();
        AddLine(plot, xs, sweep.Select(p => 100 * p.Containment).ToArray(), "containment (answered by the bot)", PassedHex);
        // Where nothing is answered there is no rate of wrong answers; a line at 0 there would look like a perfect score.
        var withAnswers = sweep.Where(p => p.Answered > 0).ToList();
        AddLine(plot, withAnswers.Select(p => p.Threshold).ToArray(), withAnswers.Select(p => 100 * p.WrongAnswerRate).ToArray(), "wrong answers (of those answered)", FailedHex);
        ReportPlot.AddThreshold(plot, threshold);
        plot.Axes.SetLimits(0, 1, 0, 105);
        plot.XLabel("FAQ confidence threshold");
        plot.YLabel("%");
        plot.ShowLegend(Alignment.UpperRight);
        html.Append(Inv, $"""
            <p class="muted">Over the {scored.Count} turns whose script names the FAQ entry that should answer them. Containment: the share the
            bot would answer itself (confidence at or above the threshold); wrong answers: the share of those answers that are not the expected entry.</p>
            <img class="chart" alt="Containment and wrong-answer rate against the FAQ confidence threshold" src="{ReportPlot.DataUri(plot, ChartWidth, ChartHeight)}">
            <table class="sweep">
            <thead><tr><th>threshold</th><th>containment</th><th>wrong answers</th><th>answered</th></tr></thead>
            <tbody>

            """);
        var rows = TableThresholds.Where(t => Math.Abs(t - threshold) > 1e-9).Append(threshold).Order();
        foreach (var t in rows)
        {
            var point = ThresholdSweep.At(scored, t);
            var current = t == threshold;
            html.Append(Inv, $"<tr{(current ? " class=\"current\"" : "")}><td class=\"num\">{Number(t)}{(current ? " (current)" : "")}</td><td class=\"num\">{Rate(point.Containment)}</td><td class=\"num\">{(point.Answered == 0 ? Missing : Rate(point.WrongAnswerRate))}</td><td class=\"num\">{point.Answered} of {scored.Count}</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");

        static void AddLine(Plot plot, double[] xs, double[] ys, string name, string hex)
        {
            var line = plot.Add.Scatter(xs, ys, Color.FromHex(hex));
            line.MarkerSize = 0;
            line.LineWidth = 2.5f;
            line.LegendText = name;
        }
    }

    private static void AppendResponseTimes(StringBuilder html, List<TurnResult> turns, ConversationMetrics metrics)
    {
        var times = turns.Select(t => t.Actual.FirstResponseMs).Where(ms => ms > 0).ToList();
        if (times.Count == 0)
        {
            return;
        }

        using var plot = ReportPlot.Create();
        var max = times.Max();
        var tallest = ReportPlot.AddHistogram(plot, [new ReportPlot.Series("turns", "#3b6fb6", times)], ResponseBins, max, shares: false);
        foreach (var (name, ms, pattern) in new[] { ("p50", metrics.FirstResponseP50Ms, LinePattern.Dashed), ("p99", metrics.FirstResponseP99Ms, LinePattern.Dotted) })
        {
            var line = plot.Add.VerticalLine(ms, 2, Colors.Black, pattern);
            line.LegendText = string.Create(Inv, $"{name} {Number(ms)} ms");
        }

        plot.Axes.SetLimits(0, max * 1.05, 0, Math.Max(3, tallest * 1.15));
        plot.XLabel("first response (ms)");
        plot.YLabel("turns");
        plot.ShowLegend(Alignment.UpperRight);
        html.Append(Inv, $"""
            <h2>First response time</h2>
            <p class="muted">From sending the shopper's message to the bot's first reply, over {times.Count} turns.</p>
            <img class="chart" alt="Histogram of first response times" src="{ReportPlot.DataUri(plot, ChartWidth, ChartHeight)}">

            """);
    }

    private static void AppendConversations(StringBuilder html, ConversationRun run, BaselineComparison? comparison)
    {
        var regressions = (comparison?.Regressions ?? []).ToHashSet(StringComparer.Ordinal);
        var fixes = (comparison?.Fixes ?? []).ToHashSet(StringComparer.Ordinal);
        html.Append("<h2>All conversations</h2>\n<table class=\"conversations\">\n<thead><tr><th>conversation</th><th>file</th><th>outcome</th><th>turns passed</th><th>handoff expected</th><th>handed off</th><th>containment</th></tr></thead>\n<tbody>\n");
        foreach (var c in run.Conversations)
        {
            var key = BaselineComparer.Key(c);
            var mark = regressions.Contains(key) ? " " + Badge("regression") : fixes.Contains(key) ? " " + Badge("fixed") : "";
            html.Append(Inv, $"<tr><td>{Encode(c.Name)}</td><td class=\"muted\">{Encode(c.Path)}</td><td>{Badge(OutcomeWord(c.Outcome))}{mark}</td><td class=\"num\">{c.Turns.Count(t => t.Passed)} / {c.Turns.Count}</td><td>{YesNo(c.ExpectedHandoff)}</td><td>{YesNo(c.HandedOff)}</td><td>{ContainmentWord(c.Containment)}</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static string Badge(string word) => $"<span class=\"badge {word}\">{word}</span>";

    private static string Optional(double? fraction) => fraction is { } value ? Rate(value) : Missing;

    private static string Count(int count) => count.ToString(Inv);

    private static string YesNo(bool value) => value ? "yes" : "no";

    private const string Css = """

        .badge { display: inline-block; padding: .05rem .5rem; border-radius: .7rem; font-size: .78rem; font-weight: 600; color: #fff; vertical-align: middle; }
        .badge.passed { background: #2e8b57; }
        .badge.failed { background: #d1495b; }
        .badge.flaky { background: #c77c0e; }
        .badge.error { background: #6b3fa0; }
        .badge.regression { background: #1d1d1f; }
        .badge.fixed { background: #3b6fb6; }
        section.conversation { border-left: 4px solid #d1495b; padding: .1rem 0 .4rem 1rem; margin: 1.4rem 0; }
        section.conversation.flaky { border-left-color: #c77c0e; }
        section.conversation.error { border-left-color: #6b3fa0; }
        section.conversation h3 { margin: .3rem 0 0; }
        .turn { margin: .8rem 0; }
        .said { margin: .3rem 0 .1rem; }
        .bot { margin: 0 0 .1rem 1rem; }
        .checks td { max-width: 36rem; overflow-wrap: anywhere; }
        pre.error { white-space: pre-wrap; background: #f6f1fa; padding: .5rem .7rem; }
        del { color: #b3261e; background: #fde7e9; text-decoration: line-through; }
        ins { color: #1e7b34; background: #e4f4e8; text-decoration: none; }
        tr.current td { font-weight: 600; background: #fff8e1; }

        """;
}
