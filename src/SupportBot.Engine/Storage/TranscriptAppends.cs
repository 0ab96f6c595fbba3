using SupportBot.Schema;

namespace SupportBot.Storage;

internal static class TranscriptAppends
{
    /// <summary>
    /// Appends activities written outside a turn (an agent's message, the bot announcing the agent) under the
    /// conversation's turn lock, so they fall in order between turns and never take a sequence a running turn counted
    /// on. When the first carries a client activity id already stored, nothing is appended and that one is returned.
    /// </summary>
    public static async Task<(IReadOnlyList<StoredActivity> Stored, bool Appended)> AppendOnceAsync(this ITurnStore turns, IConversationStore conversations,
        string conversationId, string? userId, IReadOnlyList<Activity> activities, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turns);
        ArgumentNullException.ThrowIfNull(conversations);
        ArgumentNullException.ThrowIfNull(activities);
        await using var turn = await turns.BeginAsync(conversationId, activities[0].ClientActivityId, cancellationToken).ConfigureAwait(false);
        if (turn.Earlier is { } earlier)
        {
            return ([earlier], false);
        }

        await conversations.CreateAsync(conversationId, userId, at, cancellationToken).ConfigureAwait(false);
        return (await turn.CommitAsync(activities, null, at, null, null, null, null, cancellationToken).ConfigureAwait(false), true);
    }
}
