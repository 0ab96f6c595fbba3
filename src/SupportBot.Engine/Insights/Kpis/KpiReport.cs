namespace SupportBot.Insights.Kpis;

/// <summary>
/// The support desk's KPIs over one period, as plain serializable values: what <c>supportbot report kpis</c> prints,
/// the agent console's Insights page fetches, and <c>eval conversations</c> shows. Every figure is defined once, in
/// docs/INSIGHTS.md, and computed once, by <see cref="KpiCalculator"/>.
/// </summary>
public sealed record KpiReport(
    DateTimeOffset Since,
    DateTimeOffset Until,
    KpiBucket Bucket,
    int Conversations,
    int Messages,
    Durations BotFirstResponse,
    Durations QueueWait,
    Durations AgentHandling,
    Durations TimeToResolution,
    ContainmentKpi Containment,
    HandoffKpi Handoffs,
    CsatKpi Csat,
    RepeatKpi Repeats,
    IReadOnlyList<AnswerRate> ByFaqEntry,
    IReadOnlyList<AnswerRate> ByIntent,
    IReadOnlyList<FlowKpi> Flows,
    IReadOnlyList<KpiPoint> Series,
    FeedbackKpi Feedback);

/// <summary>Exact nearest-rank percentiles of a set of durations, in seconds; null when there are none.</summary>
public sealed record Durations(int Count, double? P50Seconds, double? P95Seconds)
{
    public static Durations Of(List<double> seconds)
    {
        ArgumentNullException.ThrowIfNull(seconds);
        if (seconds.Count == 0)
        {
            return new Durations(0, null, null);
        }

        seconds.Sort();
        return new Durations(seconds.Count, Rank(seconds, 0.50), Rank(seconds, 0.95));
    }

    /// <summary>The value at rank ⌈p·n⌉ (1-based) of the sorted values: always one that was measured.</summary>
    private static double Rank(List<double> sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];
}

/// <param name="Confirmed">Contained, and the shopper's latest thumbs was up, or without thumbs they thanked or agreed after an answer.</param>
/// <param name="Assumed">Contained, without either sign.</param>
/// <param name="Disputed">Contained, but the shopper's latest thumbs was down (contained = confirmed + assumed + disputed).</param>
public sealed record ContainmentKpi(int Contained, int Confirmed, int Assumed, double? Rate, double? ConfirmedRate, int Disputed);

/// <param name="HandedOff">Conversations with at least one handoff.</param>
/// <param name="ByReason">Handoffs (turns) by the reason group of docs/INSIGHTS.md, each with its rate per conversation.</param>
/// <param name="ByRawReason">The same handoffs by their recorded reason and where they went, as the <c>supportbot.handoffs</c> counter tags them.</param>
public sealed record HandoffKpi(int HandedOff, double? Rate, IReadOnlyList<ReasonCount> ByReason, IReadOnlyList<RawReasonCount> ByRawReason);

public sealed record ReasonCount(string Reason, int Handoffs, double? Rate);

public sealed record RawReasonCount(string Reason, string? State, int Handoffs);

/// <param name="Score">The share of ratings of 4 or 5.</param>
/// <param name="Distribution">How many ratings of 1, 2, 3, 4 and 5 (in that order).</param>
public sealed record CsatKpi(int Ratings, double? Score, double? Average, IReadOnlyList<int> Distribution);

public sealed record RepeatKpi(int RepeatContacts, double? Rate);

/// <param name="Key">The FAQ entry id or the intent.</param>
/// <param name="Messages">Messages the bot handled whose best match was this entry (or whose intent was this one).</param>
/// <param name="Answered">Of those, the ones the bot answered itself.</param>
public sealed record AnswerRate(string Key, int Messages, int Answered, double Rate);

/// <param name="Abandoned">Started and neither completed nor handed off: the shopper left the flow or went quiet.</param>
public sealed record FlowKpi(string Flow, int Started, int Completed, int HandedOff, int Abandoned);

/// <summary>One bucket of the series: conversations by the time of their first message, ratings by the handoff's start.</summary>
public sealed record KpiPoint(DateTimeOffset At, int Conversations, int HandedOff, int Confirmed, int Assumed, int Ratings, int Satisfied, int Disputed);

/// <summary>The shoppers' thumbs on the bot's answers cast in the period, each answer counted by its latest vote.</summary>
/// <param name="UpShare">Up / (up + down); null without votes.</param>
/// <param name="ByFaqEntry">The votes on FAQ answers by their entry, most votes first.</param>
public sealed record FeedbackKpi(int Up, int Down, double? UpShare, IReadOnlyList<EntryFeedback> ByFaqEntry);

public sealed record EntryFeedback(string FaqId, int Up, int Down);
