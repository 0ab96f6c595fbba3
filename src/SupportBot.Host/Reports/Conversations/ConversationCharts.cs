using ScottPlot;
using SupportBot.Evaluation.Conversations;
using static SupportBot.Host.Reports.ReportFormat;

namespace SupportBot.Host.Reports.Conversations;

/// <summary>The conversation report's charts as PNGs: FAQ confidence, the threshold sweep and first response times.</summary>
internal static class ConversationCharts
{
    public const int ConfidenceBins = 20;
    private const int ResponseBins = 30;
    private const string PassedHex = "#2e8b57";
    private const string FailedHex = "#d1495b";

    /// <summary>The FAQ confidence of the matched turns, passed and failed side by side, with the current bar.</summary>
    public static byte[] Confidence(IReadOnlyList<TurnResult> answered, double threshold)
    {
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
        return ReportPlot.Png(plot);
    }

    /// <summary>Containment and the wrong-answer rate for every bar the sweep tried.</summary>
    public static byte[] Sweep(IReadOnlyList<(double Threshold, double Containment, double WrongAnswerRate, int Answered)> sweep, double threshold)
    {
        using var plot = ReportPlot.Create();
        AddLine(plot, sweep.Select(p => p.Threshold).ToArray(), sweep.Select(p => 100 * p.Containment).ToArray(), "containment (answered by the bot)", PassedHex);
        // Where nothing is answered there is no rate of wrong answers; a line at 0 there would look like a perfect score.
        var withAnswers = sweep.Where(p => p.Answered > 0).ToList();
        AddLine(plot, withAnswers.Select(p => p.Threshold).ToArray(), withAnswers.Select(p => 100 * p.WrongAnswerRate).ToArray(), "wrong answers (of those answered)", FailedHex);
        ReportPlot.AddThreshold(plot, threshold);
        plot.Axes.SetLimits(0, 1, 0, 105);
        plot.XLabel("FAQ confidence threshold");
        plot.YLabel("%");
        plot.ShowLegend(Alignment.UpperRight);
        return ReportPlot.Png(plot);

        static void AddLine(Plot plot, double[] xs, double[] ys, string name, string hex)
        {
            var line = plot.Add.Scatter(xs, ys, Color.FromHex(hex));
            line.MarkerSize = 0;
            line.LineWidth = 2.5f;
            line.LegendText = name;
        }
    }

    /// <summary>First response times with the run's p50 and p99 marked.</summary>
    public static byte[] ResponseTimes(IReadOnlyList<double> times, ConversationMetrics metrics)
    {
        using var plot = ReportPlot.Create();
        var max = times.Max();
        var tallest = ReportPlot.AddHistogram(plot, [new ReportPlot.Series("turns", "#3b6fb6", times)], ResponseBins, max, shares: false);
        foreach (var (name, ms, pattern) in new[] { ("p50", metrics.FirstResponseP50Ms, LinePattern.Dashed), ("p99", metrics.FirstResponseP99Ms, LinePattern.Dotted) })
        {
            var line = plot.Add.VerticalLine(ms, 2, Colors.Black, pattern);
            line.LegendText = $"{name} {Milliseconds(ms)}";
        }

        plot.Axes.SetLimits(0, max * 1.05, 0, Math.Max(3, tallest * 1.15));
        plot.XLabel("first response (ms)");
        plot.YLabel("turns");
        plot.ShowLegend(Alignment.UpperRight);
        return ReportPlot.Png(plot);
    }
}
