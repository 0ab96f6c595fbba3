using SupportBot.Conversation.Schema;

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

    public Activity BotMessage(HandoffTicket ticket, string text, IReadOnlyList<CardAction>? actions, string state) => Envelope(ticket) with
    {
        Type = ActivityTypes.Message,
        From = Participants.Bot,
        Text = text,
        TextFormat = "markdown",
        SuggestedActions = actions is { Count: > 0 } ? new SuggestedActions(actions) : null,
        ChannelData = HandoffReplies.ChannelData("bot", state == HandoffReplies.WithAgentState ? ticket.AgentName : null, state),
    };

    /// <summary>The agent speaks as a bot-side account of their own; the client id makes a retried send land once.</summary>
    public Activity AgentMessage(HandoffTicket ticket, AgentAccount agent, string text, string clientId) => Envelope(ticket) with
    {
        Type = ActivityTypes.Message,
        From = new ChannelAccount("agent:" + agent.Id, agent.Name, "bot"),
        Text = text,
        TextFormat = "plain",
        ChannelData = HandoffReplies.ChannelData("agent", agent.Name, clientActivityId: "agent:" + clientId),
    };

    private Activity Envelope(HandoffTicket ticket) => new()
    {
        Timestamp = time.GetUtcNow(),
        ChannelId = ticket.ChannelId,
        ServiceUrl = ticket.ServiceUrl,
        Conversation = new ConversationAccount(ConversationKey.Parse(ticket.ConversationId).ChannelConversationId),
        Recipient = ticket.ShopperId is { } shopper ? new ChannelAccount(shopper, ticket.ShopperName, "user") : null,
    };
}
