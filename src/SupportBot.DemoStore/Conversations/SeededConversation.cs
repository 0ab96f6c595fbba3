using SupportBot.Handoff;
using SupportBot.Schema;
using SupportBot.Storage;

namespace SupportBot.DemoStore.Conversations;

/// <summary>One made-up conversation as it is stored: its transcript, the facts of its shopper messages, its handoff and the shopper's thumbs, if any.</summary>
internal sealed record SeededConversation(string Id, string ShopperId, DateTimeOffset StartedAt, IReadOnlyList<Activity> Activities,
    IReadOnlyList<(long Sequence, TurnFact Fact)> Facts, HandoffTicket? Handoff, AnswerVote? Vote);
