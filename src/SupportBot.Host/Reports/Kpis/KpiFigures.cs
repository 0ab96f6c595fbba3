using System.Globalization;
using System.Text;
using SupportBot.Insights.Kpis;

namespace SupportBot.Host.Reports.Kpis;

/// <summary>
/// A <see cref="KpiReport"/> as named figures, the one list the text output, the CSV, the HTML report and the
/// evaluation's report print (the names are docs/INSIGHTS.md's).
/// </summary>
internal static class KpiFigures
{
    internal enum Unit
    {
        Count,
        Share,
        Seconds,
        Stars,
    }

    /// <param name="Metric">The machine name (CSV, docs/INSIGHTS.md).</param>
    internal sealed record Figure(string Metric, string Label, double? Value, Unit Unit);

    public static IReadOnlyList<Figure> Headline(KpiReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return
        [
            new("conversations", "Conversations", report.Conversations, Unit.Count),
            new("messages", "Shopper messages", report.Messages, Unit.Count),
            new("bot_first_response_p50", "Bot first response, median", report.BotFirstResponse.P50Seconds, Unit.Seconds),
            new("bot_first_response_p95", "Bot first response, 95th percentile", report.BotFirstResponse.P95Seconds, Unit.Seconds),
            new("queue_wait_p50", "Queue wait (human first response), median", report.QueueWait.P50Seconds, Unit.Seconds),
            new("queue_wait_p95", "Queue wait (human first response), 95th percentile", report.QueueWait.P95Seconds, Unit.Seconds),
            new("agent_handling_p50", "Agent handling time, median", report.AgentHandling.P50Seconds, Unit.Seconds),
            new("agent_handling_p95", "Agent handling time, 95th percentile", report.AgentHandling.P95Seconds, Unit.Seconds),
            new("time_to_resolution_p50", "Time to resolution, median", report.TimeToResolution.P50Seconds, Unit.Seconds),
            new("time_to_resolution_p95", "Time to resolution, 95th percentile", report.TimeToResolution.P95Seconds, Unit.Seconds),
            new("containment", "Containment", report.Containment.Rate, Unit.Share),
            new("containment_confirmed", "Containment, confirmed", report.Containment.ConfirmedRate, Unit.Share),
            new("contained_confirmed", "Contained, confirmed (conversations)", report.Containment.Confirmed, Unit.Count),
            new("contained_assumed", "Contained, assumed (conversations)", report.Containment.Assumed, Unit.Count),
            new("contained_disputed", "Contained, disputed (conversations)", report.Containment.Disputed, Unit.Count),
            new("handoff_rate", "Handoff rate", report.Handoffs.Rate, Unit.Share),
            .. report.Handoffs.ByReason.Select(r => new Figure("handoff_rate_" + r.Reason, "Handoff rate, " + r.Reason.Replace('_', ' '), r.Rate, Unit.Share)),
            new("csat", "CSAT (ratings of 4–5)", report.Csat.Score, Unit.Share),
            new("csat_average", "Average rating", report.Csat.Average, Unit.Stars),
            new("ratings", "Ratings", report.Csat.Ratings, Unit.Count),
            new("repeat_contact_rate", "Repeat contacts within 7 days", report.Repeats.Rate, Unit.Share),
            new("feedback_up", "Answer feedback, thumbs up", report.Feedback.Up, Unit.Count),
            new("feedback_down", "Answer feedback, thumbs down", report.Feedback.Down, Unit.Count),
            new("feedback_up_share", "Answer feedback, share up", report.Feedback.UpShare, Unit.Share),
        ];
    }

    public static string Format(Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        if (figure.Value is not { } value)
        {
            return ReportFormat.Missing;
        }

        return figure.Unit switch
        {
            Unit.Share => ReportFormat.Percent(value) + " %",
            Unit.Seconds => Duration(value),
            Unit.Stars => value.ToString("0.00", CultureInfo.InvariantCulture),
            _ => value.ToString("0", CultureInfo.InvariantCulture),
        };
    }

    public static string Duration(double seconds) => seconds switch
    {
        < 60 => seconds.ToString("0.#", CultureInfo.InvariantCulture) + " s",
        < 3600 => (seconds / 60).ToString("0.#", CultureInfo.InvariantCulture) + " min",
        _ => (seconds / 3600).ToString("0.#", CultureInfo.InvariantCulture) + " h",
    };

    /// <summary>Plain text: the headline, one figure a line.</summary>
    public static string Text(KpiReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"KPIs {report.Since:yyyy-MM-dd HH:mm}Z – {report.Until:yyyy-MM-dd HH:mm}Z");
        var figures = Headline(report);
        var width = figures.Max(f => f.Label.Length);
        foreach (var figure in figures)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {figure.Label.PadRight(width)}  {Format(figure)}");
        }

        return text.ToString();
    }

    /// <summary>
    /// One tidy CSV (<c>section,key,metric,value</c>): the headline, the series per bucket, the answer rates and
    /// thumbs per FAQ entry, the answer rates per intent, the flows; durations in seconds and shares as fractions, so a spreadsheet can compute on them.
    /// </summary>
    public static string Csv(KpiReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder("section,key,metric,value\n");
        void Row(string section, string key, string metric, double? value) =>
            csv.Append(section).Append(',').Append(Quoted(key)).Append(',').Append(metric).Append(',')
                .Append(value?.ToString("R", CultureInfo.InvariantCulture) ?? "").Append('\n');

        foreach (var figure in Headline(report))
        {
            Row("summary", "", figure.Metric, figure.Value);
        }

        foreach (var point in report.Series)
        {
            var at = point.At.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            Row("series", at, "conversations", point.Conversations);
            Row("series", at, "handed_off", point.HandedOff);
            Row("series", at, "contained_confirmed", point.Confirmed);
            Row("series", at, "contained_assumed", point.Assumed);
            Row("series", at, "contained_disputed", point.Disputed);
            Row("series", at, "ratings", point.Ratings);
            Row("series", at, "satisfied", point.Satisfied);
        }

        foreach (var (section, rates) in new[] { ("faq_entry", report.ByFaqEntry), ("intent", report.ByIntent) })
        {
            foreach (var rate in rates)
            {
                Row(section, rate.Key, "messages", rate.Messages);
                Row(section, rate.Key, "answer_rate", rate.Rate);
            }
        }

        foreach (var entry in report.Feedback.ByFaqEntry)
        {
            Row("faq_entry", entry.FaqId, "feedback_up", entry.Up);
            Row("faq_entry", entry.FaqId, "feedback_down", entry.Down);
        }

        foreach (var flow in report.Flows)
        {
            Row("flow", flow.Flow, "started", flow.Started);
            Row("flow", flow.Flow, "completed", flow.Completed);
            Row("flow", flow.Flow, "handed_off", flow.HandedOff);
            Row("flow", flow.Flow, "abandoned", flow.Abandoned);
        }

        return csv.ToString();
    }

    private static string Quoted(string value) =>
        value.IndexOfAny([',', '"', '\n']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
