using SupportBot.Feedback;
using SupportBot.Handoff;
using SupportBot.Storage;

namespace SupportBot.Insights.Kpis;

/// <summary>
/// The one place the KPIs are computed (definitions: docs/INSIGHTS.md), over whatever store holds the turn facts:
/// the live database for <c>report kpis</c> and the Insights page, an evaluation run's for <c>eval conversations</c>.
/// The database aggregates the facts (per conversation, per reason, per entry); percentiles and the series are taken here.
/// </summary>
internal sealed class KpiCalculator(Database database)
{
    /// <summary>A conversation within this long after another of the same shopper or order is a repeat contact.</summary>
    public static readonly TimeSpan RepeatWindow = TimeSpan.FromDays(7);

    /// <param name="progress">Told the share done (0–1) as the reads come in.</param>
    public async Task<KpiReport> ComputeAsync(KpiPeriod period, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var rows = await KpiQuery.ReadAsync(database, period, part => progress?.Report(part / (KpiQuery.Parts + 1.0)), cancellationToken).ConfigureAwait(false);
        var report = From(period, rows);
        progress?.Report(1);
        return report;
    }

    internal static KpiReport From(KpiPeriod period, KpiRows rows)
    {
        var inPeriod = rows.Conversations.Where(c => c.Started >= period.Since).ToList();
        var conversations = inPeriod.Count;
        var handedOff = inPeriod.Count(c => c.HandedOff);
        var confirmed = inPeriod.Count(c => c.Confirmed);
        var disputed = inPeriod.Count(c => c.Disputed);
        var contained = conversations - handedOff;
        var rated = rows.Handoffs.Where(h => h.Rating is >= 1 and <= 5).ToList();
        return new KpiReport(
            period.Since,
            period.Until,
            period.Bucket,
            conversations,
            inPeriod.Sum(c => c.Messages),
            Durations.Of([.. inPeriod.Where(c => c.FirstReply is not null).Select(c => Seconds(c.Started, c.FirstReply!.Value))]),
            Durations.Of([.. rows.Handoffs.Where(h => h.ClaimedAt is not null).Select(h => Seconds(h.CreatedAt, h.ClaimedAt!.Value))]),
            Durations.Of([.. rows.Handoffs.Where(h => h.ClaimedAt is not null && h.ClosedAt is not null).Select(h => Seconds(h.ClaimedAt!.Value, h.ClosedAt!.Value))]),
            Durations.Of(Resolutions(inPeriod, rows.Handoffs)),
            new ContainmentKpi(contained, confirmed, contained - confirmed - disputed, Rate(contained, conversations), Rate(confirmed, conversations), disputed),
            Handoffs(rows.RawReasons, handedOff, conversations),
            new CsatKpi(rated.Count, Rate(rated.Count(h => h.Rating >= 4), rated.Count), rated.Count == 0 ? null : rated.Average(h => h.Rating!.Value),
                [.. Enumerable.Range(1, 5).Select(stars => rated.Count(h => h.Rating == stars))]),
            new RepeatKpi(Repeats(rows.Conversations, period), Rate(Repeats(rows.Conversations, period), conversations)),
            AnswerRates(rows.ByFaqEntry),
            AnswerRates(rows.ByIntent),
            Flows(rows.FlowsStarted, rows.FlowsEnded),
            Series(period, inPeriod, rows.Handoffs),
            Feedback(rows.Votes));
    }

    private static FeedbackKpi Feedback(IReadOnlyList<GroupRow> votes)
    {
        var up = votes.Where(v => v.Second == AnswerFeedback.Up).Sum(v => v.Count);
        var down = votes.Where(v => v.Second == AnswerFeedback.Down).Sum(v => v.Count);
        var byEntry = votes.Where(v => v.Key.Length > 0).GroupBy(v => v.Key, StringComparer.Ordinal)
            .Select(g => new EntryFeedback(g.Key, g.Where(v => v.Second == AnswerFeedback.Up).Sum(v => v.Count), g.Where(v => v.Second == AnswerFeedback.Down).Sum(v => v.Count)))
            .OrderByDescending(e => e.Up + e.Down).ThenBy(e => e.FaqId, StringComparer.Ordinal);
        return new FeedbackKpi(up, down, Rate(up, up + down), [.. byEntry]);
    }

    /// <summary>
    /// A contained conversation is resolved at the bot's last reply; a handed-off one when its (last) handoff was
    /// resolved by the agent. Handoffs still open, returned to the bot or cancelled are not resolutions.
    /// </summary>
    private static List<double> Resolutions(List<ConversationRow> conversations, IReadOnlyList<HandoffRow> handoffs)
    {
        var resolvedAt = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var handoff in handoffs.Where(h => h.Status == nameof(HandoffStatus.Resolved) && h.ClosedAt is not null))
        {
            if (!resolvedAt.TryGetValue(handoff.ConversationId, out var at) || handoff.ClosedAt!.Value > at)
            {
                resolvedAt[handoff.ConversationId] = handoff.ClosedAt!.Value;
            }
        }

        var seconds = new List<double>();
        foreach (var conversation in conversations)
        {
            DateTimeOffset? end = conversation.HandedOff ? resolvedAt.TryGetValue(conversation.Id, out var at) ? at : null : conversation.LastReply;
            if (end is { } resolved)
            {
                seconds.Add(Seconds(conversation.Started, resolved));
            }
        }

        return seconds;
    }

    private static HandoffKpi Handoffs(IReadOnlyList<GroupRow> raw, int handedOff, int conversations)
    {
        var byGroup = raw.GroupBy(r => HandoffReasonGroups.Of(r.Key, r.Second)).ToDictionary(g => g.Key, g => g.Sum(r => r.Count), StringComparer.Ordinal);
        return new HandoffKpi(
            handedOff,
            Rate(handedOff, conversations),
            [.. HandoffReasonGroups.All.Select(g => new ReasonCount(g, byGroup.GetValueOrDefault(g), Rate(byGroup.GetValueOrDefault(g), conversations)))],
            [.. raw.OrderByDescending(r => r.Count).ThenBy(r => r.Key, StringComparer.Ordinal).Select(r => new RawReasonCount(r.Key, r.Second, r.Count))]);
    }

    /// <summary>Conversations of the period that came within <see cref="RepeatWindow"/> after another of the same shopper or the same order.</summary>
    private static int Repeats(IReadOnlyList<ConversationRow> all, KpiPeriod period)
    {
        var lastByShopper = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var lastByOrder = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var repeats = 0;
        foreach (var conversation in all.OrderBy(c => c.Started).ThenBy(c => c.Id, StringComparer.Ordinal))
        {
            var repeat = Within(lastByShopper, conversation.Shopper, conversation.Started) | Within(lastByOrder, conversation.Order, conversation.Started);
            if (repeat && conversation.Started >= period.Since)
            {
                repeats++;
            }
        }

        return repeats;
    }

    /// <summary>Whether <paramref name="key"/> was last seen within the window before <paramref name="at"/>; records <paramref name="at"/> as its last.</summary>
    private static bool Within(Dictionary<string, DateTimeOffset> last, string? key, DateTimeOffset at)
    {
        if (string.IsNullOrEmpty(key))
        {
            return false;
        }

        var seen = last.TryGetValue(key, out var before) && at - before <= RepeatWindow;
        last[key] = at;
        return seen;
    }

    private static IReadOnlyList<AnswerRate> AnswerRates(IReadOnlyList<GroupRow> rows) =>
        [.. rows.OrderByDescending(r => r.Count).ThenBy(r => r.Key, StringComparer.Ordinal).Select(r => new AnswerRate(r.Key, r.Count, r.Answered, (double)r.Answered / r.Count))];

    private static IReadOnlyList<FlowKpi> Flows(IReadOnlyList<GroupRow> started, IReadOnlyList<GroupRow> ended)
    {
        var names = started.Select(s => s.Key).Concat(ended.Select(e => e.Key)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return [.. names.Select(flow =>
        {
            var count = started.Where(s => s.Key == flow).Sum(s => s.Count);
            var completed = ended.Where(e => e.Key == flow && e.Second == FlowEnds.Completed).Sum(e => e.Count);
            var handedOff = ended.Where(e => e.Key == flow && e.Second == FlowEnds.HandedOff).Sum(e => e.Count);
            return new FlowKpi(flow, count, completed, handedOff, Math.Max(0, count - completed - handedOff));
        })];
    }

    private static IReadOnlyList<KpiPoint> Series(KpiPeriod period, List<ConversationRow> conversations, IReadOnlyList<HandoffRow> handoffs)
    {
        var byBucket = conversations.ToLookup(c => period.BucketOf(c.Started));
        var ratings = handoffs.Where(h => h.Rating is >= 1 and <= 5).ToLookup(h => period.BucketOf(h.CreatedAt));
        return [.. period.Buckets().Select(at =>
        {
            var these = byBucket[at].ToList();
            var handed = these.Count(c => c.HandedOff);
            var confirmed = these.Count(c => c.Confirmed);
            var disputed = these.Count(c => c.Disputed);
            return new KpiPoint(at, these.Count, handed, confirmed, these.Count - handed - confirmed - disputed, ratings[at].Count(), ratings[at].Count(h => h.Rating >= 4),
                disputed);
        })];
    }

    private static double Seconds(DateTimeOffset from, DateTimeOffset to) => (to - from).TotalSeconds;

    private static double? Rate(int part, int whole) => whole == 0 ? null : (double)part / whole;
}
