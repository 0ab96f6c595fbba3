using SupportBot.Replies;
using SupportBot.Schema;
using SupportBot.Storage;

namespace SupportBot.Handoff;

/// <summary>Why an agent's action was refused, in words for the console.</summary>
internal sealed class HandoffConflictException(string message) : Exception(message);

/// <summary>
/// The agent's side of the handoff desk, from the queue they see to the shopper's rating: claim, reply, hand back,
/// resolve — or an external contact centre doing the same through <c>handoff.status</c>. Who owns a conversation is
/// read from the store on every call, so an agent on one instance and a shopper on another see the same owner.
/// </summary>
internal interface IAgentSession
{
    /// <summary>What this agent may see: waiting entries of the reasons they handle, messages left, and their own chats.</summary>
    Task<IReadOnlyList<HandoffTicket>> QueueForAsync(AgentAccount agent, CancellationToken cancellationToken);

    /// <summary>The entry if this agent may see it; null when it does not exist or belongs to someone else.</summary>
    Task<HandoffTicket?> FindForAsync(AgentAccount agent, string id, CancellationToken cancellationToken);

    /// <summary>
    /// The entry an agent may try to claim: one of the reasons they handle, whatever became of it since their queue
    /// showed it, so losing a race is a conflict naming the winner rather than "no such conversation".
    /// </summary>
    Task<HandoffTicket?> FindClaimableForAsync(AgentAccount agent, string id, CancellationToken cancellationToken);

    /// <summary>Exactly one agent wins a waiting entry; the others get a <see cref="HandoffConflictException"/> naming the winner.</summary>
    Task<HandoffTicket> ClaimAsync(AgentAccount agent, HandoffTicket ticket, CancellationToken cancellationToken);

    /// <summary>Sends the agent's message; a retry with the same client id is not sent twice. Returns its transcript sequence.</summary>
    Task<long> SendAsync(AgentAccount agent, HandoffTicket ticket, string text, string clientId, CancellationToken cancellationToken);

    /// <summary>Hands the conversation back to the bot.</summary>
    Task ReturnAsync(AgentAccount agent, HandoffTicket ticket, CancellationToken cancellationToken);

    /// <summary>Closes the conversation as resolved; the bot takes over and asks for a rating.</summary>
    Task ResolveAsync(AgentAccount agent, HandoffTicket ticket, CancellationToken cancellationToken);

    /// <summary>The conversation so far, as stored (empty for conversations that are not recorded, such as the terminal chat).</summary>
    Task<IReadOnlyList<StoredActivity>> TranscriptAsync(string conversationId, long after, CancellationToken cancellationToken);

    /// <summary>The shopper's thumbs on the bot's answers in the conversation, so the agent sees which answers did not help.</summary>
    Task<IReadOnlyList<AnswerVote>> VotesAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>A shopper's message reached the transcript of a conversation in a person's hands: the agent's console refreshes.</summary>
    Task ShopperWroteAsync(HandoffTicket ticket, CancellationToken cancellationToken);

    /// <summary>A 1–5 reply as the first message after a person resolved the conversation is its rating.</summary>
    Task<int?> TryRateAsync(string conversationId, string text, CancellationToken cancellationToken);

    /// <summary>
    /// The Bot Framework <c>handoff.status</c> event from an external platform: <c>accepted</c> silences the bot,
    /// <c>failed</c> and <c>completed</c> give the conversation back (the latter with the rating question).
    /// Returns what the bot says, if anything.
    /// </summary>
    Task<(string Text, IReadOnlyList<ReplyChoice>? Choices, string State)?> ExternalStatusAsync(string conversationId, string state, string? agentName, CancellationToken cancellationToken);
}
