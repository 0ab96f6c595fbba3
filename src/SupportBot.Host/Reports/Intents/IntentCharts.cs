using ScottPlot;
using SupportBot.Evaluation;
using SupportBot.Understanding.Intents;
using static SupportBot.Host.Reports.ReportFormat;

namespace SupportBot.Host.Reports.Intents;

/// <summary>The intent report's charts as PNGs: the confusion heat map and the confidence histogram.</summary>
internal static class IntentCharts
{
    /// <summary>Above this many labels tick names overlap, so the heat map is indexed and a legend table names them.</summary>
    public const int MaxNamedTicks = 40;

    public const int HistogramBins = 20;

    /// <summary>Below this many labels the counts fit inside the cells and are printed there.</summary>
    private const int MaxAnnotatedCells = 20;

    private static readonly (string Outcome, string Name, string Hex)[] Series =
    [
        (IntentEvaluation.Correct, "correct", "#2e8b57"),
        (IntentEvaluation.Wrong, "wrong", "#d1495b"),
        (IntentEvaluation.OutOfScope, "out of scope", "#3b6fb6"),
    ];

    /// <summary>The row-normalised confusion matrix as a PNG, sized so that 150 labels still get cells of several pixels.</summary>
    public static byte[] Confusion(IntentEvaluationReport report)
    {
        var n = report.Labels.Count;
        var shares = new double[n, n];
        for (var row = 0; row < n; row++)
        {
            var counts = report.Confusion[row];
            double total = counts.Sum();
            for (var col = 0; col < n; col++)
            {
                // NaN paints white, which tells "never" apart from the darkest colour of a rare confusion.
                shares[row, col] = counts[col] == 0 ? double.NaN : counts[col] / total;
            }
        }

        using var plot = ReportPlot.Create();
        var heatmap = plot.Add.Heatmap(shares);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.ManualRange = new ScottPlot.Range(0, 1);
        heatmap.NaNCellColor = Colors.White;
        // ScottPlot draws the first row of the array at the top, as a matrix is read; cells are one unit wide,
        // so row r sits at y = n - 1 - r and column c at x = c.
        heatmap.Rectangle = new CoordinateRect(-0.5, n - 0.5, -0.5, n - 0.5);
        plot.Axes.SetLimits(-0.5, n - 0.5, -0.5, n - 0.5);
        plot.HideGrid();
        double Y(int row) => n - 1 - row;

        var colorBar = plot.Add.ColorBar(heatmap);
        colorBar.Label = "share of the true intent's utterances";
        colorBar.LabelStyle.FontSize = 15;
        colorBar.Axis.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [0, 0.25, 0.5, 0.75, 1], ["0%", "25%", "50%", "75%", "100%"]);

        // The title also leaves room above the data for the colour bar's top tick label.
        plot.Title("Confusion matrix, row-normalised", 18);
        plot.XLabel("predicted");
        plot.YLabel("true");
        int side;
        var bottomAxis = 60f;
        if (n <= MaxNamedTicks)
        {
            var names = report.Labels.ToArray();
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                Enumerable.Range(0, n).Select(c => (double)c).ToArray(), names);
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                Enumerable.Range(0, n).Select(Y).ToArray(), names);
            // Read bottom to top and right-aligned, each name ends just under its column's tick.
            plot.Axes.Bottom.TickLabelStyle.Rotation = -90;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
            // ScottPlot sizes the bottom axis for unrotated labels; reserve room for the longest name read downwards.
            bottomAxis = 40 + (7f * names.Max(l => l.Length));
            plot.Axes.Bottom.MinimumSize = bottomAxis;
            side = 560 + (16 * n);
        }
        else
        {
            var step = n <= 100 ? 5 : 10;
            var xTicks = new ScottPlot.TickGenerators.NumericManual();
            var yTicks = new ScottPlot.TickGenerators.NumericManual();
            for (var i = 0; i < n; i++)
            {
                if (i % step == 0)
                {
                    xTicks.AddMajor(i, i.ToString(Inv));
                    yTicks.AddMajor(Y(i), i.ToString(Inv));
                }
                else
                {
                    xTicks.AddMinor(i);
                    yTicks.AddMinor(Y(i));
                }
            }

            plot.Axes.Bottom.TickGenerator = xTicks;
            plot.Axes.Left.TickGenerator = yTicks;
            side = Math.Min(2000, 500 + (9 * n));

            // The browser shrinks an image this large to the page width; bigger text survives that, and faint lines
            // at the labelled indices let the eye follow a row or column across the white.
            var scale = side / 1000f;
            plot.Axes.Title.Label.FontSize = 18 * scale;
            foreach (var axis in new IAxis[] { plot.Axes.Bottom, plot.Axes.Left })
            {
                axis.TickLabelStyle.FontSize = 13 * scale;
                axis.Label.FontSize = 16 * scale;
            }

            colorBar.Axis.TickLabelStyle.FontSize = 13 * scale;
            colorBar.LabelStyle.FontSize = 15 * scale;
            var guide = Colors.Gray.WithAlpha(0.35);
            for (var i = step; i < n; i += step)
            {
                plot.Add.VerticalLine(i - 0.5, 1, guide);
                plot.Add.HorizontalLine(Y(i) + 0.5, 1, guide);
            }
        }

        if (n <= MaxAnnotatedCells)
        {
            for (var row = 0; row < n; row++)
            {
                for (var col = 0; col < n; col++)
                {
                    if (report.Confusion[row][col] == 0)
                    {
                        continue;
                    }

                    var text = plot.Add.Text(report.Confusion[row][col].ToString(Inv), col, Y(row));
                    text.Alignment = Alignment.MiddleCenter;
                    text.LabelFontSize = 14;
                    // Viridis is dark below about 0.6; pick the colour that stays legible on the cell.
                    text.LabelFontColor = shares[row, col] < 0.6 ? Colors.White : Colors.Black;
                }
            }
        }

        // The colour bar, title and axes take strips that grow with the text; add them so the cells come out about square.
        var textScale = Math.Max(1f, side / 1000f);
        return ReportPlot.Png(plot, side + (int)(260 * textScale), side + (int)((bottomAxis + 40) * textScale));
    }

    /// <summary>Confidence of correct, wrong and out-of-scope utterances on shared bins over [0, 1], as a PNG.</summary>
    public static byte[] Histogram(IntentEvaluationReport report)
    {
        using var plot = ReportPlot.Create();
        var series = Series
            .Select(s => new ReportPlot.Series(s.Name, s.Hex,
                report.Utterances.Where(u => u.Outcome == s.Outcome && !double.IsNaN(u.Confidence)).Select(u => u.Confidence).ToList()))
            .ToList();
        // Shares, not counts: correct answers outnumber mistakes many times over, and counts would flatten the
        // wrong and out-of-scope bars that the threshold is tuned against.
        var maxShare = ReportPlot.AddHistogram(plot, series, HistogramBins, 1, shares: true);
        ReportPlot.AddThreshold(plot, report.Threshold);

        plot.Axes.SetLimits(0, 1, 0, Math.Max(5, maxShare * 1.1));
        plot.XLabel("confidence");
        plot.YLabel("% of the group's utterances");
        plot.ShowLegend(Alignment.UpperLeft);
        return ReportPlot.Png(plot);
    }
}
