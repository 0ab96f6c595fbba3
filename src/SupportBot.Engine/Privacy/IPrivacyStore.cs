using SupportBot.Storage;

namespace SupportBot.Privacy;

/// <summary>Which of a shopper's records a deletion request names: by e-mail, by channel user id, or one conversation.</summary>
internal sealed record ShopperQuery(string? Email = null, string? UserId = null, string? ConversationId = null)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Email) && string.IsNullOrWhiteSpace(UserId) && string.IsNullOrWhiteSpace(ConversationId);
}

/// <summary>What a purge or a deletion touched (or, in a dry run, would touch).</summary>
internal sealed record PrivacyCounts(int Conversations, int Activities, int Tickets, int Profiles);

/// <summary>
/// The storage side of retention and deletion on request. Only these operations rewrite or remove stored history;
/// everything else in the store appends.
/// </summary>
internal interface IPrivacyStore
{
    /// <summary>
    /// Conversations started before <paramref name="startedBefore"/> with activities not yet redacted, leaving out those
    /// with a handoff ticket still being worked (an agent needs the transcript as the shopper wrote it).
    /// </summary>
    Task<IReadOnlyList<string>> DueForRedactionAsync(DateTimeOffset startedBefore, CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction: replaces the conversation's activities with their redacted form, redacts its handoff tickets
    /// (shopper name and e-mail removed, summary, slots and last message through <paramref name="redact"/>), and records
    /// how far the conversation is redacted.
    /// </summary>
    Task<PrivacyCounts> RewriteAsync(string conversationId, IReadOnlyList<StoredActivity> redacted, Func<string, string> redact, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Forgets the names of shoppers last seen before <paramref name="lastSeenBefore"/>; with <paramref name="dryRun"/> only counts them.</summary>
    Task<int> RedactProfilesAsync(DateTimeOffset lastSeenBefore, bool dryRun, CancellationToken cancellationToken);

    /// <summary>The conversations a deletion request names (by e-mail anywhere in the transcript or on a ticket, by user id, or by id).</summary>
    Task<IReadOnlyList<string>> FindAsync(ShopperQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the conversations with their transcripts, handoff tickets (messages and ratings with them) and the
    /// profiles of their shoppers, plus the profile of <see cref="ShopperQuery.UserId"/>; with <paramref name="dryRun"/> only counts.
    /// </summary>
    Task<PrivacyCounts> DeleteAsync(IReadOnlyList<string> conversationIds, ShopperQuery query, bool dryRun, CancellationToken cancellationToken);
}
