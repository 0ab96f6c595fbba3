using System.Data.Common;

namespace SupportBot.Storage;

/// <summary>
/// A shopper's thumbs up or down on one of the bot's answers (docs/INSIGHTS.md), written in the commit of the turn
/// that received it. One row per answer: a later vote on the same answer replaces the earlier one. No text and no
/// personal data: the transcript has the answer, <c>turn_facts</c> what it was about.
/// </summary>
/// <param name="MessageSequence">The shopper's message the answer replied to (its <c>turn_facts</c> row).</param>
/// <param name="AnswerSequence">The bot's answer itself.</param>
/// <param name="Vote"><c>up</c> or <c>down</c>.</param>
internal sealed record AnswerVote(long MessageSequence, long AnswerSequence, string Vote, DateTimeOffset VotedAt);

internal static class AnswerVotes
{
    /// <summary>Adds the vote's upsert to the turn's one command: the latest vote on an answer wins.</summary>
    public static void AddUpsert(DbCommand command, string conversationId, AnswerVote vote)
    {
        command.CommandText += """
            INSERT INTO answer_feedback (conversation_id, seq, answer_seq, vote, voted_at) VALUES (@vote_conversation, @vote_seq, @vote_answer, @vote, @vote_at)
            ON CONFLICT (conversation_id, seq) DO UPDATE SET vote = excluded.vote, voted_at = excluded.voted_at;

            """;
        command.With("vote_conversation", conversationId).With("vote_seq", vote.MessageSequence).With("vote_answer", vote.AnswerSequence).With("vote", vote.Vote)
            .WithTime("vote_at", vote.VotedAt);
    }

    /// <summary>The conversation's votes as they stand (each answer's latest), in the transcript's order.</summary>
    public static async Task<IReadOnlyList<AnswerVote>> ReadAsync(DbConnection connection, string conversationId, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("SELECT seq, answer_seq, vote, voted_at FROM answer_feedback WHERE conversation_id = @id ORDER BY seq")
            .With("id", conversationId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var votes = new List<AnswerVote>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            votes.Add(new AnswerVote(reader.Whole(0), reader.Whole(1), reader.GetString(2), reader.Time(3)));
        }

        return votes;
    }
}
