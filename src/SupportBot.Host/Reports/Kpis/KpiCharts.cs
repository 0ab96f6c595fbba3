using ScottPlot;
using SupportBot.Insights.Kpis;

namespace SupportBot.Host.Reports.Kpis;

/// <summary>The KPI report's charts as PNGs: conversations per bucket by outcome, handoffs by reason, the ratings.</summary>
internal static class KpiCharts
{
    private static readonly (string Name, string Hex, Func<KpiPoint, int> Value)[] Outcomes =
    [
        ("contained, confirmed", "#2e8b57", p => p.Confirmed),
        ("contained, assumed", "#8fbc8f", p => p.Assumed),
        ("contained, disputed", "#e0a040", p => p.Disputed),
        ("handed off", "#d1495b", p => p.HandedOff),
    ];

    /// <summary>Stacked bars, one per bucket: the conversations that started in it, by how they ended.</summary>
    public static byte[] Series(KpiReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var plot = ReportPlot.Create();
        var bars = new List<Bar>();
        for (var i = 0; i < report.Series.Count; i++)
        {
            var below = 0.0;
            foreach (var (_, hex, value) in Outcomes)
            {
                var top = below + value(report.Series[i]);
                bars.Add(new Bar { Position = i, ValueBase = below, Value = top, FillColor = Color.FromHex(hex), LineWidth = 0, Size = 0.8 });
                below = top;
            }
        }

        plot.Add.Bars(bars);
        foreach (var (name, hex, _) in Outcomes)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = name, FillColor = Color.FromHex(hex) });
        }

        var format = report.Bucket == KpiBucket.Hour ? "MM-dd HH:00" : "MM-dd";
        var every = Math.Max(1, report.Series.Count / 15);
        var ticks = report.Series.Select((p, i) => (p, i)).Where(t => t.i % every == 0)
            .Select(t => new Tick(t.i, t.p.At.ToString(format, ReportFormat.Inv))).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.Left.Label.Text = "conversations";
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Alignment.UpperLeft);
        return ReportPlot.Png(plot);
    }

    /// <summary>One bar per category, labelled under it.</summary>
    public static byte[] Bars(IReadOnlyList<(string Label, double Value)> bars, string hex, string axis)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var plot = ReportPlot.Create();
        plot.Add.Bars(bars.Select((b, i) => new Bar { Position = i, Value = b.Value, FillColor = Color.FromHex(hex), LineWidth = 0, Size = 0.7 }).ToList());
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(bars.Select((b, i) => new Tick(i, b.Label)).ToArray());
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.Left.Label.Text = axis;
        plot.Axes.Margins(bottom: 0);
        return ReportPlot.Png(plot, 700, 360);
    }
}
