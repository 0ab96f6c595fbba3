using System.Globalization;
using ScottPlot;
using SkiaSharp;

namespace SupportBot.Host.Reports;

/// <summary>The charts of the HTML reports: one look (a sans font the machine has, readable axis text), PNG out.</summary>
internal static class ReportPlot
{
    // The first family the machine has wins; DejaVu ships with Debian's base images. Without any of them ScottPlot's
    // own detection still picks whatever family SkiaSharp finds, so this only decides sans over serif.
    private static readonly string[] PreferredFonts = ["DejaVu Sans", "Liberation Sans", "Noto Sans", "Open Sans", "Arial"];
    private static readonly Lazy<string?> SansFont = new(FindSansFont);

    /// <summary>One group of a histogram: its legend name, its colour, and its values.</summary>
    internal sealed record Series(string Name, string Hex, IReadOnlyList<double> Values);

    public static Plot Create()
    {
        var plot = new Plot();
        if (SansFont.Value is { } font)
        {
            plot.Font.Set(font);
        }

        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        plot.Axes.Bottom.Label.FontSize = 16;
        plot.Axes.Left.Label.FontSize = 16;
        return plot;
    }

    /// <summary>
    /// The groups on shared bins over [0, <paramref name="max"/>], their bars side by side in each bin, as counts or as
    /// percentages of each group; returns the tallest bar so the caller can set the axis.
    /// </summary>
    public static double AddHistogram(Plot plot, IReadOnlyList<Series> series, int bins, double max, bool shares)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentNullException.ThrowIfNull(series);
        var binWidth = max / bins;
        var barWidth = binWidth / Math.Max(1, series.Count);
        var tallest = 0.0;
        for (var s = 0; s < series.Count; s++)
        {
            var counts = new int[bins];
            foreach (var value in series[s].Values)
            {
                // The maximum belongs to the last bin, not to one past it.
                counts[Math.Clamp((int)(value / max * bins), 0, bins - 1)]++;
            }

            var total = series[s].Values.Count;
            var color = Color.FromHex(series[s].Hex);
            var bars = new List<Bar>(bins);
            for (var b = 0; b < bins; b++)
            {
                var height = !shares ? counts[b] : total == 0 ? 0 : 100.0 * counts[b] / total;
                tallest = Math.Max(tallest, height);
                bars.Add(new Bar
                {
                    Position = (b * binWidth) + ((s + 0.5) * barWidth),
                    Value = height,
                    Size = barWidth * 0.92,
                    FillColor = color,
                    LineWidth = 0,
                });
            }

            var plottable = plot.Add.Bars(bars);
            plottable.LegendText = string.Create(CultureInfo.InvariantCulture, $"{series[s].Name} (n = {total})");
        }

        if (!shares)
        {
            // Half a turn is not a thing; without this a short histogram gets ticks at 0.2, 0.4, ….
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        }

        return tallest;
    }

    /// <summary>The confidence bar as a dashed vertical line, named in the legend.</summary>
    public static void AddThreshold(Plot plot, double threshold)
    {
        ArgumentNullException.ThrowIfNull(plot);
        var line = plot.Add.VerticalLine(threshold, 2, Colors.Black, LinePattern.Dashed);
        line.LegendText = string.Create(CultureInfo.InvariantCulture, $"threshold {threshold:0.00}");
    }

    /// <summary>A chart at the width of the report's page, the size of every histogram and line chart.</summary>
    public static byte[] Png(Plot plot) => Png(plot, 1100, 460);

    public static byte[] Png(Plot plot, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(plot);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    private static string? FindSansFont()
    {
        var families = SKFontManager.Default.FontFamilies.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return PreferredFonts.FirstOrDefault(families.Contains);
    }
}
