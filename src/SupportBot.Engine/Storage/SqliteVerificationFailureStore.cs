using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SupportBot.Storage;

/// <summary>The verification failure counts in the same SQLite file as the conversations.</summary>
public sealed class SqliteVerificationFailureStore : IVerificationFailureStore
{
    private readonly SqliteFile _file;

    public SqliteVerificationFailureStore(IOptions<StorageOptions> options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        _file = new SqliteFile(Path.Combine(options.Value.DataFolder(environment.ContentRootPath), SqliteConversationStore.FileName));
        _file.Migrate("""
            CREATE TABLE IF NOT EXISTS verification_failures (
                key TEXT PRIMARY KEY,
                failures INTEGER NOT NULL,
                last_failure TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS verification_failures_last ON verification_failures (last_failure);
            """);
    }

    public async Task<IReadOnlyList<FailureCount>> ReadAsync(IReadOnlyList<string> keys, DateTimeOffset forgetBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await using var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        var counts = new List<FailureCount>(keys.Count);
        foreach (var key in keys)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT failures, last_failure FROM verification_failures WHERE key = $key AND last_failure > $since";
            command.Parameters.AddWithValue("$key", key);
            command.Parameters.AddWithValue("$since", SqliteTime.Write(forgetBefore));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            counts.Add(await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                ? new FailureCount(reader.GetInt32(0), SqliteTime.Read(reader.GetString(1)))
                : FailureCount.None);
        }

        return counts;
    }

    public async Task RecordAsync(IReadOnlyList<string> keys, DateTimeOffset at, DateTimeOffset forgetBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await using var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // Forgotten counts are deleted as new ones are written, so the table holds only the last window's failures.
        await using (var purge = connection.CreateCommand())
        {
            purge.Transaction = transaction;
            purge.CommandText = "DELETE FROM verification_failures WHERE last_failure <= $since";
            purge.Parameters.AddWithValue("$since", SqliteTime.Write(forgetBefore));
            await purge.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var key in keys)
        {
            await using var upsert = connection.CreateCommand();
            upsert.Transaction = transaction;
            upsert.CommandText = """
                INSERT INTO verification_failures (key, failures, last_failure) VALUES ($key, 1, $at)
                ON CONFLICT (key) DO UPDATE SET failures = failures + 1, last_failure = MAX(last_failure, $at)
                """;
            upsert.Parameters.AddWithValue("$key", key);
            upsert.Parameters.AddWithValue("$at", SqliteTime.Write(at));
            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
