namespace SupportBot.Storage;

/// <summary>Failed verifications counted in the shared <see cref="Database"/>, so every instance and every restart sees the same counts.</summary>
internal sealed class SqlVerificationFailureStore(Database database) : IVerificationFailureStore
{
    public async Task<IReadOnlyList<FailureCount>> ReadAsync(IReadOnlyList<string> keys, DateTimeOffset forgetBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var counts = new List<FailureCount>(keys.Count);
        foreach (var key in keys)
        {
            await using var command = connection.Command("SELECT failures, last_failure FROM verification_failures WHERE key = @key AND last_failure > @since")
                .With("key", key).WithTime("since", forgetBefore);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            counts.Add(await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                ? new FailureCount((int)reader.Whole(0), reader.Time(1))
                : FailureCount.None);
        }

        return counts;
    }

    public async Task RecordAsync(IReadOnlyList<string> keys, DateTimeOffset at, DateTimeOffset forgetBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // Forgotten counts are deleted as new ones are written, so the table holds only the last window's failures.
        await using (var purge = connection.Command("DELETE FROM verification_failures WHERE last_failure <= @since", transaction).WithTime("since", forgetBefore))
        {
            await purge.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // Keys in a fixed order, so two instances recording the same keys at once never wait on each other in a cycle.
        foreach (var key in keys.Order(StringComparer.Ordinal))
        {
            await using var upsert = connection.Command($"""
                INSERT INTO verification_failures (key, failures, last_failure) VALUES (@key, 1, @at)
                ON CONFLICT (key) DO UPDATE SET failures = verification_failures.failures + 1,
                    last_failure = {database.Greatest("verification_failures.last_failure", "@at")}
                """, transaction).With("key", key).WithTime("at", at);
            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
