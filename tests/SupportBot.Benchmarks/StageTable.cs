using System.Globalization;
using System.Text.RegularExpressions;

namespace SupportBot.Benchmarks;

/// <summary>
/// Where a run's time went, read from the bot's own <c>/metrics</c> after the run: per stage (and the whole turn), the
/// count, the mean, and p50/p99 as the upper bound of the histogram bucket they fall in.
/// </summary>
internal static partial class StageTable
{
    public static async Task WriteAsync(TextWriter output, Uri bot)
    {
        using var http = new HttpClient { BaseAddress = bot };
        var text = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        var rows = Bucket().Matches(text)
            .Select(m => (Series: m.Groups["series"].Value is { Length: > 0 } stage ? stage : "turn", Le: m.Groups["le"].Value, Count: double.Parse(m.Groups["count"].Value, CultureInfo.InvariantCulture)))
            .GroupBy(b => (b.Series, b.Le)).Select(g => (g.Key.Series, g.Key.Le, Count: g.Sum(b => b.Count)))
            .GroupBy(b => b.Series);
        output.WriteLine("stage            count     mean ms   p50 ≤ ms   p99 ≤ ms");
        foreach (var series in rows.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var buckets = series.Where(b => b.Le != "+Inf").Select(b => (Le: double.Parse(b.Le, CultureInfo.InvariantCulture), b.Count)).OrderBy(b => b.Le).ToList();
            var total = series.First(b => b.Le == "+Inf").Count;
            var sum = Sum(text, series.Key);
            if (total == 0)
            {
                continue;
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{series.Key,-14} {total,7:0}  {sum / total * 1000,10:0.000}  {Quantile(buckets, total, 0.5),9}  {Quantile(buckets, total, 0.99),9}"));
        }
    }

    private static string Quantile(List<(double Le, double Count)> buckets, double total, double q)
    {
        var bound = buckets.FirstOrDefault(b => b.Count >= q * total);
        return bound == default ? "> 10000" : (bound.Le * 1000).ToString("0.#", CultureInfo.InvariantCulture);
    }

    private static double Sum(string text, string series)
    {
        var name = series == "turn" ? "supportbot_turn_duration_seconds_sum" : "supportbot_stage_duration_seconds_sum";
        return SumLine().Matches(text).Where(m => m.Groups["name"].Value == name && (series == "turn" || m.Groups["labels"].Value.Contains($"stage=\"{series}\"", StringComparison.Ordinal)))
            .Sum(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));
    }

    // Stage buckets by stage; the turn's are summed over its channel and outcome labels by grouping on "turn".
    [GeneratedRegex("""^supportbot_(?:stage_duration_seconds_bucket\{[^}]*stage="(?<series>[a-z_]+)"|turn_duration_seconds_bucket\{(?<series>)[^}]*?)[^}]*le="(?<le>[^"]+)"\} (?<count>[0-9.e+]+)""", RegexOptions.Multiline)]
    private static partial Regex Bucket();

    [GeneratedRegex("""^(?<name>supportbot_(?:stage|turn)_duration_seconds_sum)\{(?<labels>[^}]*)\} (?<value>[0-9.e+-]+)""", RegexOptions.Multiline)]
    private static partial Regex SumLine();
}
