using SupportBot.Replies;
using SupportBot.Schema;

namespace SupportBot.Handoff;

/// <summary>
/// Writes to the shopper outside a turn — an agent's message, or the bot announcing who joined or left — through
/// the shopper's channel, then tells the owning agent's console that the transcript grew.
/// </summary>
internal sealed class ShopperDelivery(IShopperChannel channel, HandoffNotices notices, TimeProvider time)
{
    /// <summary>Returns the transcript sequence of the first activity.</summary>
    public async Task<long> DeliverAsync(HandoffTicket ticket, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var sequence = await channel.DeliverAsync(ticket, activities, cancellationToken).ConfigureAwait(false);
        await notices.PublishAsync(new HandoffNotice(ticket.Id, ticket.ConversationId, HandoffNotice.Message, ticket.AgentId), cancellationToken).ConfigureAwait(false);
        return sequence;
    }

    /// <summary>The bot announcing where the handoff stands (who joined, back to the bot…).</summary>
    public Activity BotMessage(HandoffTicket ticket, string text, IReadOnlyList<ReplyChoice>? choices, string state) =>
        ActivityRenderer.Message(Envelope(ticket), new BotReply(text, choices)
        {
            HandoffState = state,
            AgentName = state == HandoffStates.WithAgent ? ticket.AgentName : null,
        });

    /// <summary>The agent speaks as a bot-side account of their own; the client id makes a retried send land once.</summary>
    public Activity AgentMessage(HandoffTicket ticket, AgentAccount agent, string text, string clientId) =>
        ActivityRenderer.AgentMessage(Envelope(ticket), agent.Id, agent.Name, text, clientId);

    private Activity Envelope(HandoffTicket ticket) => new()
    {
        Timestamp = time.GetUtcNow(),
        ChannelId = ticket.ChannelId,
        ServiceUrl = ticket.ServiceUrl,
        Conversation = new ConversationAccount(ConversationKey.Parse(ticket.ConversationId).ChannelConversationId),
        Recipient = ticket.ShopperId is { } shopper ? new ChannelAccount(shopper, ticket.ShopperName, "user") : null,
    };
}
