using System.Data.Common;
using SupportBot.Feedback;
using SupportBot.Storage;

namespace SupportBot.Insights.Kpis;

/// <summary>One conversation rolled up from its turn facts by the database (the volume stays there).</summary>
/// <param name="FirstAnswer">The sequence of the bot's first answer (an FAQ answer or an order-flow step).</param>
/// <param name="LastThanks">The sequence of the shopper's last thanks or "yes", answered as small talk.</param>
internal sealed record ConversationRow(string Id, DateTimeOffset Started, string? Shopper, string? Order, bool HandedOff, long? FirstAnswer, long? LastThanks,
    DateTimeOffset? FirstReply, DateTimeOffset? LastReply, int Messages)
{
    /// <summary>The shopper's latest thumbs on an answer in the conversation (<see cref="AnswerFeedback.Up"/> or <see cref="AnswerFeedback.Down"/>), if any.</summary>
    public string? LastVote { get; init; }

    /// <summary>Contained, with a sign it helped: the latest vote is a thumbs-up, or without votes, thanks or a "yes" after an answer.</summary>
    public bool Confirmed => !HandedOff && (LastVote is { } vote ? vote == AnswerFeedback.Up : FirstAnswer is { } answer && LastThanks is { } thanks && thanks > answer);

    /// <summary>Contained, but the shopper's latest vote says the answer did not help.</summary>
    public bool Disputed => !HandedOff && LastVote == AnswerFeedback.Down;
}

internal sealed record HandoffRow(string ConversationId, string Status, DateTimeOffset CreatedAt, DateTimeOffset? ClaimedAt, DateTimeOffset? ClosedAt, int? Rating);

/// <summary>A count by one or two keys, with how many of them the bot answered.</summary>
internal sealed record GroupRow(string Key, string? Second, int Count, int Answered);

/// <summary>What <see cref="KpiQuery"/> reads for one period.</summary>
/// <param name="Votes">The votes cast in the period by the FAQ entry of the message answered ("" for none) and the vote.</param>
internal sealed record KpiRows(IReadOnlyList<ConversationRow> Conversations, IReadOnlyList<HandoffRow> Handoffs, IReadOnlyList<GroupRow> RawReasons,
    IReadOnlyList<GroupRow> ByFaqEntry, IReadOnlyList<GroupRow> ByIntent, IReadOnlyList<GroupRow> FlowsStarted, IReadOnlyList<GroupRow> FlowsEnded,
    IReadOnlyList<GroupRow> Votes);

/// <summary>
/// The KPIs' reads: aggregates over <c>turn_facts</c> and <c>handoffs</c> in one command (one round trip), the same SQL
/// for SQLite and PostgreSQL. Times are stored as round-trip UTC text (<see cref="StoredTime"/>), so a period is a range
/// on the text and the differences are taken here.
/// </summary>
internal static class KpiQuery
{
    /// <summary>The actions of a message the bot handled itself.</summary>
    public const string AnsweredActions = "'answer', 'order_flow', 'flow_exit', 'small_talk'";

    /// <summary>The actions of a message the bot was answering (not one to an agent, nor a rating).</summary>
    public const string BotActions = AnsweredActions + ", 'clarify', 'not_understood', 'out_of_scope', 'handoff'";

    /// <summary>The result sets, in the order <see cref="ReadAsync"/> reads them.</summary>
    public const int Parts = 9;

    private const string InPeriod = "received_at >= @since AND received_at < @until";

    private const string VotedInPeriod = "voted_at >= @since AND voted_at < @until";

    private static readonly string Sql = $"""
        SELECT conversation_id, MIN(received_at), MAX(shopper_id), MAX(order_number),
            MAX(CASE WHEN action = 'handoff' THEN 1 ELSE 0 END),
            MIN(CASE WHEN action IN ('answer', 'order_flow') THEN seq END),
            MAX(CASE WHEN action = 'small_talk' AND intent IN ('thanks', 'affirm') THEN seq END),
            MIN(replied_at), MAX(replied_at), COUNT(*)
        FROM turn_facts WHERE received_at >= @repeats_since AND received_at < @until GROUP BY conversation_id;
        SELECT conversation_id, status, created_at, claimed_at, closed_at, rating FROM handoffs WHERE created_at >= @since AND created_at < @until;
        SELECT handoff_reason, handoff_state, COUNT(*), 0 FROM turn_facts WHERE {InPeriod} AND action = 'handoff' GROUP BY handoff_reason, handoff_state;
        SELECT faq_id, NULL, COUNT(*), SUM(CASE WHEN action IN ({AnsweredActions}) THEN 1 ELSE 0 END)
            FROM turn_facts WHERE {InPeriod} AND faq_id IS NOT NULL AND action IN ({BotActions}) GROUP BY faq_id;
        SELECT intent, NULL, COUNT(*), SUM(CASE WHEN action IN ({AnsweredActions}) THEN 1 ELSE 0 END)
            FROM turn_facts WHERE {InPeriod} AND intent IS NOT NULL AND action IN ({BotActions}) GROUP BY intent;
        SELECT flow_started, NULL, COUNT(*), 0 FROM turn_facts WHERE {InPeriod} AND flow_started IS NOT NULL GROUP BY flow_started;
        SELECT flow_ended, flow_outcome, COUNT(*), 0 FROM turn_facts WHERE {InPeriod} AND flow_ended IS NOT NULL GROUP BY flow_ended, flow_outcome;
        SELECT conversation_id, vote FROM answer_feedback WHERE {VotedInPeriod} ORDER BY conversation_id, voted_at, seq;
        SELECT t.faq_id, f.vote, COUNT(*), 0 FROM answer_feedback f LEFT JOIN turn_facts t ON t.conversation_id = f.conversation_id AND t.seq = f.seq
            WHERE f.voted_at >= @since AND f.voted_at < @until GROUP BY t.faq_id, f.vote;
        """;

    /// <param name="done">Told after each result set, with how many of <see cref="Parts"/> are read.</param>
    public static async Task<KpiRows> ReadAsync(Database database, KpiPeriod period, Action<int>? done, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(Sql).WithTime("since", period.Since).WithTime("until", period.Until)
            .WithTime("repeats_since", period.Since - KpiCalculator.RepeatWindow);
        command.CommandTimeout = 300;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var conversations = new List<ConversationRow>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            conversations.Add(new ConversationRow(reader.GetString(0), reader.Time(1), reader.TextOrNull(2), reader.TextOrNull(3), reader.Whole(4) == 1,
                WholeOrNull(reader, 5), WholeOrNull(reader, 6), reader.TimeOrNull(7), reader.TimeOrNull(8), (int)reader.Whole(9)));
        }

        done?.Invoke(1);
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var handoffs = new List<HandoffRow>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            handoffs.Add(new HandoffRow(reader.GetString(0), reader.GetString(1), reader.Time(2), reader.TimeOrNull(3), reader.TimeOrNull(4),
                WholeOrNull(reader, 5) is { } rating ? (int)rating : null));
        }

        done?.Invoke(2);
        var groups = new List<IReadOnlyList<GroupRow>>();
        for (var part = 3; part < Parts - 1; part++)
        {
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            groups.Add(await GroupsAsync(reader, cancellationToken).ConfigureAwait(false));
            done?.Invoke(part);
        }

        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var lastVotes = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            // In the order the votes were cast: the last one read is the conversation's latest.
            lastVotes[reader.GetString(0)] = reader.GetString(1);
        }

        done?.Invoke(Parts - 1);
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var votes = await GroupsAsync(reader, cancellationToken).ConfigureAwait(false);
        done?.Invoke(Parts);
        return new KpiRows([.. conversations.Select(c => lastVotes.TryGetValue(c.Id, out var vote) ? c with { LastVote = vote } : c)], handoffs,
            groups[0], groups[1], groups[2], groups[3], groups[4], votes);
    }

    private static async Task<IReadOnlyList<GroupRow>> GroupsAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var rows = new List<GroupRow>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new GroupRow(reader.TextOrNull(0) ?? "", reader.TextOrNull(1), (int)reader.Whole(2), (int)reader.Whole(3)));
        }

        return rows;
    }

    private static long? WholeOrNull(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.Whole(ordinal);
}
