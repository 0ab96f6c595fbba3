using SupportBot.Schema;

namespace SupportBot.Storage;

/// <summary>An activity as stored: its place in the conversation (the Direct Line watermark) and the activity with its id.</summary>
internal sealed record StoredActivity(long Sequence, Activity Activity);

/// <summary>What the bot remembers about a shopper across conversations.</summary>
/// <summary>A message from a user, as their profile counts it.</summary>
internal sealed record ShopperSeen(string UserId, string? Name, string? Locale, DateTimeOffset At);

internal sealed record UserProfile(string Id, string? Name, string? Locale, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, int Messages);

/// <summary>
/// Conversations and their transcripts, durable: an append is committed before the caller acknowledges anything,
/// so a restart loses nothing and a client resumes from its watermark.
/// </summary>
internal interface IConversationStore
{
    Task CreateAsync(string conversationId, string? userId, DateTimeOffset at, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>The conversations started at or after <paramref name="since"/>, oldest first.</summary>
    Task<IReadOnlyList<string>> ListSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Appends in order in one transaction, giving each activity the id <c>{conversation}|{sequence}</c>.</summary>
    Task<IReadOnlyList<StoredActivity>> AppendAsync(string conversationId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken);

    /// <summary>The id the next appended activity will get (callers serialise appends per conversation).</summary>
    Task<string> NextIdAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Everything after <paramref name="watermark"/> (a sequence number; -1 for everything).</summary>
    Task<IReadOnlyList<StoredActivity>> ReadAfterAsync(string conversationId, long watermark, CancellationToken cancellationToken);

    /// <summary>The shopper's thumbs on the bot's answers (<see cref="AnswerVote"/>), each answer's latest.</summary>
    Task<IReadOnlyList<AnswerVote>> VotesAsync(string conversationId, CancellationToken cancellationToken);


    Task<UserProfile?> FindUserAsync(string userId, CancellationToken cancellationToken);

    /// <summary>The activity (a shopper's post, an agent's message) already stored with this client activity id, if any (idempotent retries).</summary>
    Task<StoredActivity?> FindByClientIdAsync(string conversationId, string clientActivityId, CancellationToken cancellationToken);
}
