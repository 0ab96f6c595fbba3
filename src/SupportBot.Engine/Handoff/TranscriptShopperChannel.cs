using SupportBot.Conversation.Schema;
using SupportBot.Storage;

namespace SupportBot.Handoff;

/// <summary>The channel of an engine without a server (the CLI, evaluation): the activities are only recorded.</summary>
internal sealed class TranscriptShopperChannel(IConversationStore store) : IShopperChannel
{
    public async Task<long> DeliverAsync(HandoffTicket ticket, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(activities);
        if (activities[0].ClientActivityId is { } clientId && await store.FindByClientIdAsync(ticket.ConversationId, clientId, cancellationToken).ConfigureAwait(false) is { } earlier)
        {
            return earlier.Sequence;
        }

        await store.CreateAsync(ticket.ConversationId, ticket.ShopperId, activities[0].Timestamp ?? DateTimeOffset.UtcNow, cancellationToken).ConfigureAwait(false);
        var stored = await store.AppendAsync(ticket.ConversationId, activities, cancellationToken).ConfigureAwait(false);
        return stored[0].Sequence;
    }
}
