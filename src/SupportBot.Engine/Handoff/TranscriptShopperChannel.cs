using SupportBot.Schema;
using SupportBot.Storage;

namespace SupportBot.Handoff;

/// <summary>
/// Records what is delivered in the conversation's transcript, once: the channel of an engine without a server (the
/// CLI, evaluation), and the first half of every channel that posts elsewhere afterwards.
/// </summary>
internal sealed class TranscriptShopperChannel(ITurnStore turns, IConversationStore store, TimeProvider time) : IShopperChannel
{
    public async Task<long> DeliverAsync(HandoffTicket ticket, IReadOnlyList<Activity> activities, CancellationToken cancellationToken) =>
        (await RecordAsync(ticket, activities, cancellationToken).ConfigureAwait(false)).Sequence;

    /// <summary>Appends the activities unless the first one's client id is already there; says which happened.</summary>
    public async Task<(long Sequence, bool Recorded)> RecordAsync(HandoffTicket ticket, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(activities);
        var (stored, appended) = await turns.AppendOnceAsync(store, ticket.ConversationId, ticket.ShopperId, activities, activities[0].Timestamp ?? time.GetUtcNow(), cancellationToken)
            .ConfigureAwait(false);
        return (stored[0].Sequence, appended);
    }
}
