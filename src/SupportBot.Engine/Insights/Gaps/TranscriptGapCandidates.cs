using System.Data.Common;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SupportBot.Feedback;
using SupportBot.Knowledge;
using SupportBot.Schema;
using SupportBot.Storage;

namespace SupportBot.Insights.Gaps;

/// <summary>
/// Unanswered messages read from the stored transcripts (<c>activities</c>): each shopper message and the decision
/// trace stored after the bot's reply, and the thumbs-down votes on answers (<c>answer_feedback</c>), read by
/// <see cref="GapCandidateRules"/>. Conversations started up to
/// <see cref="Lookback"/> before the period are read too, since a conversation's later messages may fall inside it.
/// </summary>
internal sealed class TranscriptGapCandidates(Database database, IOptions<KnowledgeOptions> knowledge) : IGapCandidateSource
{
    /// <summary>Longer than a conversation stays open (its state lapses after hours of silence).</summary>
    public static readonly TimeSpan Lookback = TimeSpan.FromDays(1);

    public async Task<IReadOnlyList<GapCandidate>> ReadAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var candidates = new List<GapCandidate>();
        var minConfidence = knowledge.Value.Search.MinConfidence;
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var thumbsDown = await ThumbsDownAsync(connection, from, until, cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("""
            SELECT a.conversation_id, a.json FROM activities a JOIN conversations c ON c.id = a.conversation_id
            WHERE c.created_at >= @from AND c.created_at < @until ORDER BY a.conversation_id, a.seq
            """).WithTime("from", from - Lookback).WithTime("until", until);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        string? current = null;
        var transcript = new List<Activity>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var id = reader.GetString(0);
            if (id != current)
            {
                Collect(current, transcript, from, until, minConfidence, thumbsDown, candidates);
                current = id;
                transcript.Clear();
            }

            transcript.Add(JsonSerializer.Deserialize<Activity>(reader.GetString(1), ActivityJson.Options)!);
        }

        Collect(current, transcript, from, until, minConfidence, thumbsDown, candidates);
        candidates.Sort((a, b) => a.At.CompareTo(b.At));
        return candidates;
    }

    private static void Collect(string? conversationId, List<Activity> transcript, DateTimeOffset from, DateTimeOffset until, double minConfidence,
        Dictionary<string, HashSet<long>> thumbsDown, List<GapCandidate> into)
    {
        if (conversationId is not null)
        {
            into.AddRange(GapCandidateRules.Read(conversationId, transcript, minConfidence, thumbsDown.GetValueOrDefault(conversationId))
                .Where(c => c.At >= from && c.At < until));
        }
    }

    /// <summary>The messages of the same conversations whose answer's latest vote is a thumbs-down, by conversation.</summary>
    private static async Task<Dictionary<string, HashSet<long>>> ThumbsDownAsync(DbConnection connection, DateTimeOffset from, DateTimeOffset until,
        CancellationToken cancellationToken)
    {
        await using var command = connection.Command($"""
            SELECT f.conversation_id, f.seq FROM answer_feedback f JOIN conversations c ON c.id = f.conversation_id
            WHERE f.vote = '{AnswerFeedback.Down}' AND c.created_at >= @from AND c.created_at < @until
            """).WithTime("from", from - Lookback).WithTime("until", until);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var down = new Dictionary<string, HashSet<long>>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var conversation = reader.GetString(0);
            if (!down.TryGetValue(conversation, out var messages))
            {
                down[conversation] = messages = [];
            }

            messages.Add(reader.Whole(1));
        }

        return down;
    }
}
