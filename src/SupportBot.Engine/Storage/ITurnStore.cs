using System.Data.Common;
using SupportBot.Schema;

namespace SupportBot.Storage;

/// <summary>What the engine remembers about one conversation between turns, as stored: its JSON, its version and when it lapses.</summary>
/// <param name="Version">Starts at 1 and grows by one with every saved turn; a commit against an older version is refused.</param>
/// <param name="ExpiresAt">After this the state is treated as absent (idle expiry is data, not a sweep).</param>
internal sealed record SavedState(long Version, string Json, DateTimeOffset ExpiresAt);

/// <summary>Another writer committed a turn of the conversation after this one read its state: nothing of this turn was saved.</summary>
internal sealed class ConcurrentTurnException(string conversationId)
    : Exception($"another turn of conversation '{conversationId}' was committed first");

/// <summary>
/// Where a turn starts and where it is saved. <see cref="BeginAsync"/> waits until no other turn of the conversation is
/// running — in this process and, on a shared database, on every instance — and reads the saved state; the turn then
/// commits its transcript entries and its new state together, or nothing.
/// </summary>
internal interface ITurnStore
{
    /// <param name="clientActivityId">The client's id of what starts the turn, when it has one: <see cref="ITurnTransaction.Earlier"/> says whether it was stored before.</param>
    Task<ITurnTransaction> BeginAsync(string conversationId, string? clientActivityId, CancellationToken cancellationToken);

    /// <summary>As the other, also reading what <paramref name="read"/> asks in the same command, so a turn asks the store once, not three times.</summary>
    Task<ITurnTransaction<T>> BeginAsync<T>(string conversationId, string? clientActivityId, ITurnOpeningRead<T> read, CancellationToken cancellationToken);
}

/// <summary>
/// What a capability reads about a conversation as its turn opens (the handoff queue: is a person answering?), sent with
/// the turn's own reads after the lock is held. The store carries the result as <see cref="ITurnTransaction{T}.Opened"/>
/// without knowing what it is, so the layer that stores turns knows nothing of the capabilities above it.
/// </summary>
internal interface ITurnOpeningRead<T>
{
    /// <summary>The statements, each returning one result set, over the conversation named by <paramref name="conversationParameter"/>.</summary>
    string Sql(string conversationParameter);

    /// <summary>Reads those result sets, the reader standing on the first of them, and leaves it on the last.</summary>
    Task<T> ReadAsync(DbDataReader reader, CancellationToken cancellationToken);
}

/// <summary>One running turn of one conversation. Disposing without <see cref="CommitAsync"/> saves nothing and lets the next turn in.</summary>
internal interface ITurnTransaction : IAsyncDisposable
{
    string ConversationId { get; }

    /// <summary>The state the last committed turn saved; null when there is none (a new conversation) or it has expired.</summary>
    SavedState? State { get; }

    /// <summary>The activity already stored with the client activity id the turn began with, if any: a retried post is answered from here.</summary>
    StoredActivity? Earlier { get; }

    /// <summary>The language recorded on the conversation's row (two letters), which outlives <see cref="State"/>; null when none is.</summary>
    string? Language { get; }

    /// <summary>The activities stored after <paramref name="activity"/> that reply to it (<c>replyToId</c>), in order.</summary>
    Task<IReadOnlyList<StoredActivity>> RepliesToAsync(StoredActivity activity, CancellationToken cancellationToken);

    /// <summary>The activities stored at sequences <paramref name="first"/> to <paramref name="last"/>, in order (fewer when some are not there).</summary>
    Task<IReadOnlyList<StoredActivity>> ReadAsync(long first, long last, CancellationToken cancellationToken);

    /// <summary>The id the first activity committed by this turn will get (<c>{conversation}|{sequence}</c>).</summary>
    string NextId { get; }

    /// <summary>
    /// Appends <paramref name="activities"/> in order and saves <paramref name="stateJson"/> (unchanged when null) as the
    /// next version, in one transaction. Throws <see cref="ConcurrentTurnException"/> when the stored version is no
    /// longer the one read, and then nothing is written.
    /// </summary>
    /// <param name="seen">A shopper's message the user's profile counts, in the same transaction; null for none.</param>
    /// <param name="fact">What the first activity, a shopper's message, led to (<see cref="TurnFact"/>); null for none.</param>
    /// <param name="vote">The shopper's vote on an answer that the first activity, a feedback event, carried (<see cref="AnswerVote"/>); null for none.</param>
    /// <param name="language">The conversation's language to record on its row when it differs from <see cref="Language"/>; null leaves it.</param>
    Task<IReadOnlyList<StoredActivity>> CommitAsync(IReadOnlyList<Activity> activities, string? stateJson, DateTimeOffset expiresAt, ShopperSeen? seen, TurnFact? fact,
        AnswerVote? vote, string? language, CancellationToken cancellationToken);
}

/// <summary>A running turn that opened with a capability's own read (<see cref="ITurnStore.BeginAsync{T}"/>).</summary>
internal interface ITurnTransaction<out T> : ITurnTransaction
{
    /// <summary>What the opening read returned, read with the state.</summary>
    T Opened { get; }
}
