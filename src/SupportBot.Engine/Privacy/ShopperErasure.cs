namespace SupportBot.Privacy;

/// <summary>What a deletion request found and removed (or, in a dry run, would remove).</summary>
internal sealed record ErasureResult(IReadOnlyList<string> ConversationIds, PrivacyCounts Counts);

/// <summary>
/// Deletion on request (the FAQ promises it): every conversation of one shopper, found by e-mail, channel user id or
/// conversation id, goes with its transcript, handoff tickets, agent messages, ratings and the shopper's profile.
/// Nothing of it is kept: a deleted conversation cannot be read, replayed or recorded afterwards.
/// </summary>
internal sealed class ShopperErasure(IPrivacyStore privacy)
{
    public async Task<ErasureResult> EraseAsync(ShopperQuery query, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.IsEmpty)
        {
            throw new ArgumentException("Name the shopper by e-mail, user id or conversation id.", nameof(query));
        }

        var ids = await privacy.FindAsync(query, cancellationToken).ConfigureAwait(false);
        var counts = await privacy.DeleteAsync(ids, query, dryRun, cancellationToken).ConfigureAwait(false);
        return new ErasureResult(ids, counts);
    }
}
