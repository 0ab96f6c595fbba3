using SupportBot.Conversation;
using SupportBot.Conversation.Schema;

namespace SupportBot.Tests.Support;

/// <summary>Engine tests speak as the in-process channel: the activity's own conversation id is its key, as in the terminal chat.</summary>
internal static class EngineTurns
{
    public static Task<IReadOnlyList<Activity>> HandleAsync(this ConversationEngine engine, Activity inbound, CancellationToken cancellationToken = default) =>
        engine.HandleAsync(ConversationKey.DirectLine(inbound.Conversation?.Id ?? "default"), inbound, cancellationToken);
}
