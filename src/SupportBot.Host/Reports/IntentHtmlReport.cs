using System.Text;
using ScottPlot;
using SupportBot.Understanding.Intents;
using static SupportBot.Host.Reports.ReportHtml;

namespace SupportBot.Host.Reports;

/// <summary>The offline HTML report of <c>supportbot eval intents --report out.html</c>.</summary>
/// <remarks>
/// One self-contained file: the charts are PNG data URIs and the styles are inline, so the report can be mailed or
/// attached to an issue and opened anywhere without a network or the files beside it.
/// </remarks>
internal static class IntentHtmlReport
{
    /// <summary>Above this many labels tick names overlap, so the heat map is indexed and a legend table names them.</summary>
    private const int MaxNamedTicks = 40;

    /// <summary>Below this many labels the counts fit inside the cells and are printed there.</summary>
    private const int MaxAnnotatedCells = 20;

    private const int MaxMistakes = 100;
    private const int HistogramBins = 20;
    private const int HistogramWidth = 1100;
    private const int HistogramHeight = 460;

    private static readonly (string Outcome, string Name, string Hex)[] Series =
    [
        (IntentEvaluation.Correct, "correct", "#2e8b57"),
        (IntentEvaluation.Wrong, "wrong", "#d1495b"),
        (IntentEvaluation.OutOfScope, "out of scope", "#3b6fb6"),
    ];

    public static void Write(IntentEvaluationReport report, string path)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var html = Render(report);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, html, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    private static string Render(IntentEvaluationReport report)
    {
        var labels = report.Labels;
        CheckConfusion(report);

        var html = new StringBuilder(64 * 1024);
        AppendHead(html, $"Intent evaluation: {report.Trainer}", Css);
        html.Append(Inv, $"""
            <p class="muted">{report.Examples} test utterances: {report.InScopeExamples} in scope, {report.OutOfScopeExamples} out of scope; {labels.Count} labels.</p>

            """);

        AppendHeadline(html, report);

        html.Append("<h2>Confusion matrix</h2>\n");
        if (labels.Count == 0)
        {
            html.Append("<p class=\"muted\">No utterances were scored, so there is nothing to map.</p>\n");
        }
        else
        {
            html.Append(Inv, $"""
                <p class="muted">Rows are the true intent, columns the prediction. Colour is the share of the row's utterances
                (row-normalised, so rare intents are as visible as common ones); white means none.{(labels.Count > MaxNamedTicks ? " Axes show label indices; the legend below names them." : "")}</p>
                <img class="chart" alt="Confusion matrix heat map" src="{PngDataUri(ConfusionPng(report))}">

                """);
            if (labels.Count > MaxNamedTicks)
            {
                AppendLabelLegend(html, report);
            }
        }

        html.Append(Inv, $"""
            <h2>Confidence</h2>
            <p class="muted">Share of each group's utterances per confidence bin of width {1.0 / HistogramBins:0.00}; the dashed line is the out-of-scope threshold.</p>
            <img class="chart" alt="Confidence histogram of correct, wrong and out-of-scope utterances" src="{PngDataUri(HistogramPng(report))}">

            """);

        AppendPerIntent(html, report);
        AppendMostConfused(html, report);
        AppendMistakes(html, report);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The row-normalised confusion matrix as a PNG, sized so that 150 labels still get cells of several pixels.</summary>
    private static byte[] ConfusionPng(IntentEvaluationReport report)
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
        return plot.GetImageBytes(side + (int)(260 * textScale), side + (int)((bottomAxis + 40) * textScale), ImageFormat.Png);
    }

    /// <summary>Confidence of correct, wrong and out-of-scope utterances on shared bins over [0, 1], as a PNG.</summary>
    private static byte[] HistogramPng(IntentEvaluationReport report)
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
        return plot.GetImageBytes(HistogramWidth, HistogramHeight, ImageFormat.Png);
    }

    private static void CheckConfusion(IntentEvaluationReport report)
    {
        var n = report.Labels.Count;
        if (report.Confusion.Count != n || report.Confusion.Any(row => row.Count != n))
        {
            throw new ArgumentException($"The confusion matrix must be {n} x {n}, one row and column per label.", nameof(report));
        }
    }

    private static void AppendHeadline(StringBuilder html, IntentEvaluationReport r)
    {
        html.Append("<h2>Headline</h2>\n<table class=\"headline\">\n<tbody>\n");
        Row(html, "in-scope accuracy", Rate(r.InScopeAccuracy), $"of {r.InScopeExamples} in-scope utterances; one sent out of scope counts as wrong");
        Row(html, "out-of-scope recall", Rate(r.OutOfScopeRecall), $"of {r.OutOfScopeExamples} out-of-scope utterances caught");
        Row(html, "out-of-scope precision", Rate(r.OutOfScopePrecision), "of out-of-scope predictions that were right");
        Row(html, "macro F1", Number(r.MacroF1), "unweighted mean over intents");
        Row(html, "threshold", Number(r.Threshold), "below this confidence an utterance is out of scope");
        Row(html, "temperature", Number(r.Temperature), "calibration of the confidence");
        Row(html, "trainer", Encode(r.Trainer), "");
        Row(html, "training", $"{r.TrainExamples.ToString(Inv)} examples", $"in {Number(r.TrainSeconds)} s");
        Row(html, "prediction p50", $"{Number(r.PredictP50Ms)} ms", "per utterance");
        Row(html, "prediction p99", $"{Number(r.PredictP99Ms)} ms", "per utterance");
        html.Append("</tbody>\n</table>\n");

        static void Row(StringBuilder html, string name, string value, string note) =>
            html.Append(Inv, $"<tr><th>{name}</th><td class=\"num\">{value}</td><td class=\"muted\">{Encode(note)}</td></tr>\n");
    }

    private static void AppendLabelLegend(StringBuilder html, IntentEvaluationReport report)
    {
        // Side-by-side column groups read top to bottom, so 150 labels take a screen, not a scroll, and each group
        // is a run of consecutive indices like a stretch of the heat map's axis.
        const int groups = 4;
        var n = report.Labels.Count;
        var rows = (n + groups - 1) / groups;
        var recall = report.PerIntent.ToDictionary(m => m.Intent, m => m.Recall, StringComparer.Ordinal);
        html.Append("<details open>\n<summary>Label indices</summary>\n<table class=\"legend\">\n<thead><tr>");
        for (var g = 0; g < groups; g++)
        {
            html.Append("<th class=\"num\">#</th><th>label</th><th class=\"num\">recall</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        for (var r = 0; r < rows; r++)
        {
            html.Append("<tr>");
            for (var g = 0; g < groups; g++)
            {
                var i = (g * rows) + r;
                if (i >= n)
                {
                    html.Append("<td></td><td></td><td></td>");
                    continue;
                }

                var label = report.Labels[i];
                var labelRecall = recall.TryGetValue(label, out var value) ? Number(value) : "";
                html.Append(Inv, $"<td class=\"num idx\">{i}</td><td>{Encode(label)}</td><td class=\"num muted\">{labelRecall}</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n</details>\n");
    }

    private static void AppendPerIntent(StringBuilder html, IntentEvaluationReport report)
    {
        html.Append("<h2>Per intent</h2>\n<p class=\"muted\">Weakest first.</p>\n<table>\n<thead><tr><th>intent</th><th>support</th><th>precision</th><th>recall</th><th colspan=\"2\">F1</th></tr></thead>\n<tbody>\n");
        foreach (var m in report.PerIntent.OrderBy(m => m.F1).ThenBy(m => m.Intent, StringComparer.Ordinal))
        {
            html.Append(Inv, $"<tr><td>{Encode(m.Intent)}</td><td class=\"num\">{m.Support}</td><td class=\"num\">{Number(m.Precision)}</td><td class=\"num\">{Number(m.Recall)}</td><td class=\"num\">{Number(m.F1)}</td><td>{Meter(m.F1)}</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void AppendMostConfused(StringBuilder html, IntentEvaluationReport report)
    {
        html.Append("<h2>Most confused</h2>\n");
        if (report.MostConfused.Count == 0)
        {
            html.Append("<p class=\"muted\">No utterance was taken for another intent.</p>\n");
            return;
        }

        var support = report.PerIntent.ToDictionary(m => m.Intent, m => m.Support, StringComparer.Ordinal);
        html.Append("<table>\n<thead><tr><th>true intent</th><th>predicted</th><th>count</th><th>share of true intent</th></tr></thead>\n<tbody>\n");
        foreach (var p in report.MostConfused)
        {
            var share = support.TryGetValue(p.Truth, out var s) && s > 0 ? Rate((double)p.Count / s) : "";
            html.Append(Inv, $"<tr><td>{Encode(p.Truth)}</td><td>{Encode(p.Predicted)}</td><td class=\"num\">{p.Count}</td><td class=\"num\">{share}</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void AppendMistakes(StringBuilder html, IntentEvaluationReport report)
    {
        // Confident mistakes first: they are the ones the threshold cannot catch.
        var mistakes = report.Utterances.Where(u => !string.Equals(u.Truth, u.Predicted, StringComparison.Ordinal)).ToList();
        var shown = mistakes.OrderByDescending(u => u.Confidence).ThenBy(u => u.Text, StringComparer.Ordinal).Take(MaxMistakes).ToList();
        html.Append("<h2>Mistakes</h2>\n");
        if (shown.Count == 0)
        {
            html.Append("<p class=\"muted\">None.</p>\n");
            return;
        }

        html.Append(Inv, $"<p class=\"muted\">{(shown.Count < mistakes.Count ? $"The {shown.Count} most confident of {mistakes.Count}" : $"All {mistakes.Count}")}, most confident first.</p>\n");
        html.Append("<table class=\"mistakes\">\n<thead><tr><th>utterance</th><th>true intent</th><th>predicted</th><th>confidence</th></tr></thead>\n<tbody>\n");
        foreach (var u in shown)
        {
            html.Append(Inv, $"<tr><td class=\"text\">{Encode(u.Text)}</td><td>{Encode(u.Truth)}</td><td>{Encode(u.Predicted)}</td><td class=\"num\">{Number(u.Confidence)}</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static string Meter(double fraction) =>
        string.Create(Inv, $"<span class=\"meter\"><span style=\"width:{Math.Clamp(fraction, 0, 1) * 100:0.#}%\"></span></span>");

    private const string Css = """

        .legend { font-size: .82rem; }
        .legend td, .legend th { padding: .1rem .5rem; }
        .legend td.idx { border-left: 1px solid #ddd; font-weight: 600; }
        details summary { cursor: pointer; margin: .6rem 0; }
        .mistakes td.text { max-width: 46rem; overflow-wrap: anywhere; }
        .meter { display: inline-block; width: 5rem; height: .6rem; background: #eee; vertical-align: middle; }
        .meter > span { display: block; height: 100%; background: #3b6fb6; }

        """;
}
