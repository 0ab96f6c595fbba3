using SupportBot.Handoff;
using SupportBot.Replies;
using SupportBot.Schema;

namespace SupportBot.Conversation;

/// <summary>
/// What one turn of <see cref="ConversationEngine"/> produced, as plain values: the conversation's new state, what
/// the bot says (none while an agent owns the conversation), how it decided (the trace), and what happened beyond
/// words. <see cref="TurnRenderer"/> makes the channel's activities of it; <see cref="ConversationTurns"/> commits
/// those and the state together.
/// </summary>
internal sealed record TurnResult(ConversationState State, BotReply? Reply, TurnDecision? Decision, IReadOnlyList<TurnEvent> Events)
{
    /// <summary>A turn that says nothing and decides nothing (a typing indicator, a conversation update without a new shopper).</summary>
    public static TurnResult Nothing(ConversationState state) => new(state, null, null, []);
}

/// <summary>Something a turn did besides replying, for the channel and for whoever counts such things.</summary>
internal abstract record TurnEvent;

/// <summary>The conversation went to people: a queue entry, a ticket, an external contact centre, or the offer to leave a message.</summary>
/// <param name="ContactCentreEvent">The Bot Framework <c>handoff.initiate</c> event an external contact centre reads, sent right after the reply.</param>
internal sealed record HandoffRequested(string Reason, string State, string? TicketId, Activity? ContactCentreEvent) : TurnEvent;

/// <summary>The shopper wrote to the agent who owns the conversation (the bot stays silent): that agent's console should refresh.</summary>
internal sealed record ShopperWroteToAgent(HandoffTicket Ticket) : TurnEvent;

/// <summary>The shopper rated the help an agent gave (1–5).</summary>
internal sealed record RatingGiven(int Stars) : TurnEvent;

/// <summary>An order flow changed an order in the shop's backend (a return created, an order cancelled, an address changed).</summary>
internal sealed record OrderChanged(string OrderNumber, string Change) : TurnEvent;
