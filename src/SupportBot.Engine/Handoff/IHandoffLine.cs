using SupportBot.Replies;
using SupportBot.Schema;

namespace SupportBot.Handoff;

/// <summary>What the engine knew when it decided a person should take over.</summary>
internal sealed record HandoffRequest(ConversationKey Conversation, Activity Inbound, HandoffVerdict Verdict, string? Intent, double Confidence, string Text,
    IReadOnlyDictionary<string, string> Slots, string? ShopperName)
{
    /// <summary>Who asked, as the channel adapter knows it: its network address keys the per-client handoff budget (else the conversation does).</summary>
    public ClientIdentity Client { get; init; } = ClientIdentity.Unknown;

    /// <summary>The shopper's messages before this one, oldest first.</summary>
    public IReadOnlyList<string> Earlier { get; init; } = [];

    /// <summary>The conversation's language (two letters), for the agent's summary; null when unknown.</summary>
    public string? Language { get; init; }
}

/// <summary>What the shopper is told, where the handoff stands, and the <c>handoff.initiate</c> event an external contact centre reads.</summary>
internal sealed record HandoffOutcome(string Text, IReadOnlyList<ReplyChoice>? Choices, string State, Activity? ContactCentreEvent, HandoffTicket? Ticket);

/// <summary>
/// The queue, the shopper's side of the handoff desk (named a line because it is not a collection): getting in line (or to an external platform, or leaving a message when no
/// one is there), where they stand, and getting out. Every answer is read from the store, so every instance agrees.
/// </summary>
internal interface IHandoffLine
{
    /// <summary>The conversation's open handoff: queued, pending with a platform, or owned by an agent.</summary>
    Task<HandoffTicket?> OpenForAsync(string conversationId, CancellationToken cancellationToken);

    Task<HandoffOutcome> HandOffAsync(HandoffRequest request, HandoffMemory memory, CancellationToken cancellationToken);

    /// <summary>The shopper answered the offer to leave a message with an e-mail address: it becomes a ticket in the queue.</summary>
    Task<HandoffTicket> LeaveMessageAsync(PendingMessageOffer offer, string email, string message, CancellationToken cancellationToken);

    /// <summary>1 for the next in line.</summary>
    Task<int> PositionOfAsync(HandoffTicket ticket, CancellationToken cancellationToken);

    /// <summary>The shopper said "cancel" while waiting.</summary>
    Task LeaveQueueAsync(HandoffTicket ticket, CancellationToken cancellationToken);
}
