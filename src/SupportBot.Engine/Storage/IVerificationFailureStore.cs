namespace SupportBot.Storage;

/// <summary>The failures remembered under one key, and when the latest was.</summary>
internal sealed record FailureCount(int Failures, DateTimeOffset LastFailure)
{
    public static FailureCount None { get; } = new(0, DateTimeOffset.MinValue);
}

/// <summary>
/// Failed order verifications counted by key (an order, a client's address, a client's user), durable and shared by
/// every conversation, so neither a new conversation nor a restart resets them. A count is forgotten when its
/// latest failure is older than the caller's window.
/// </summary>
internal interface IVerificationFailureStore
{
    /// <summary>The count of each key, in the order given; a key whose latest failure is at or before <paramref name="forgetBefore"/> counts none.</summary>
    Task<IReadOnlyList<FailureCount>> ReadAsync(IReadOnlyList<string> keys, DateTimeOffset forgetBefore, CancellationToken cancellationToken);

    /// <summary>Adds one failure at <paramref name="at"/> to each key (starting again from one where it had been forgotten), in one transaction.</summary>
    Task RecordAsync(IReadOnlyList<string> keys, DateTimeOffset at, DateTimeOffset forgetBefore, CancellationToken cancellationToken);
}
