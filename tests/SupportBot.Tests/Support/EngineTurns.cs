using SupportBot.Conversation;
using SupportBot.Schema;

namespace SupportBot.Tests.Support;

/// <summary>Engine tests speak as the in-process channel: the activity's own conversation id is its key, as in the terminal chat.</summary>
internal static class EngineTurns
{
    public static Task<IReadOnlyList<Activity>> HandleAsync(this ConversationTurns turns, Activity inbound, CancellationToken cancellationToken = default) =>
        turns.HandleAsync(ConversationKey.DirectLine(inbound.Conversation?.Id ?? "default"), inbound, cancellationToken);

    public static async Task<IReadOnlyList<Activity>> HandleAsync(this ConversationTurns turns, ConversationKey key, Activity inbound, CancellationToken cancellationToken = default) =>
        (await turns.HandleAsync(key, inbound, ClientIdentity.InProcess(inbound), cancellationToken: cancellationToken)).ReplyActivities;

    public static async Task<IReadOnlyList<Activity>> HandleAsync(this ConversationTurns turns, ConversationKey key, Activity inbound, ClientIdentity client,
        CancellationToken cancellationToken = default) =>
        (await turns.HandleAsync(key, inbound, client, cancellationToken: cancellationToken)).ReplyActivities;
}
