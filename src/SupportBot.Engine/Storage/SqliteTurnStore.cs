using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SupportBot.Conversation.Schema;

namespace SupportBot.Storage;

/// <summary>
/// Turns on the embedded SQLite file. One file serves one instance, so the conversation's lock is a gate in this
/// process; the turn reads with short statements and commits state and transcript in one short write transaction
/// (holding SQLite's single writer lock for a whole turn would stall every other conversation).
/// </summary>
public sealed class SqliteTurnStore : ITurnStore
{
    /// <summary>Gates by a hash of the conversation id: fixed memory however many conversations, and a rare shared gate only waits.</summary>
    private readonly SemaphoreSlim[] _gates = [.. Enumerable.Range(0, 1024).Select(_ => new SemaphoreSlim(1, 1))];
    private readonly SqliteFile _file;
    private readonly TimeProvider _time;

    public SqliteTurnStore(IOptions<StorageOptions> options, IHostEnvironment environment, TimeProvider time, IConversationStore schema)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        _ = schema; // resolved first so the schema exists before any turn
        _file = new SqliteFile(Path.Combine(options.Value.DataFolder(environment.ContentRootPath), SqliteConversationStore.FileName));
        _time = time;
    }

    public async Task<ITurnTransaction> BeginAsync(string conversationId, CancellationToken cancellationToken)
    {
        var gate = _gates[(int)((uint)StringComparer.Ordinal.GetHashCode(conversationId) % (uint)_gates.Length)];
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await using var read = connection.CreateCommand();
                read.CommandText = "SELECT version, state, expires_at FROM conversation_state WHERE conversation_id = $id";
                read.Parameters.AddWithValue("$id", conversationId);
                long version = 0;
                SavedState? state = null;
                await using (var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        version = reader.GetInt64(0);
                        var expires = SqliteTime.Read(reader.GetString(2));
                        state = expires > _time.GetUtcNow() ? new SavedState(version, reader.GetString(1), expires) : null;
                    }
                }

                return new Turn(conversationId, connection, gate, version, state, _time);
            }
            catch
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    private sealed class Turn(string conversationId, SqliteConnection connection, SemaphoreSlim gate, long version, SavedState? state, TimeProvider time) : ITurnTransaction
    {
        private bool _disposed;

        public string ConversationId => conversationId;

        public SavedState? State => state;

        public async Task<StoredActivity?> FindByClientIdAsync(string clientActivityId, CancellationToken cancellationToken)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT seq, json FROM activities WHERE conversation_id = $id AND client_id = $client";
            command.Parameters.AddWithValue("$id", conversationId);
            command.Parameters.AddWithValue("$client", clientActivityId);
            var found = await SqliteConversationStore.ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
            return found.Count > 0 ? found[0] : null;
        }

        public async Task<IReadOnlyList<StoredActivity>> RepliesToAsync(StoredActivity activity, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(activity);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT seq, json FROM activities WHERE conversation_id = $id AND seq > $after ORDER BY seq";
            command.Parameters.AddWithValue("$id", conversationId);
            command.Parameters.AddWithValue("$after", activity.Sequence);
            var after = await SqliteConversationStore.ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
            return [.. after.Where(a => a.Activity.ReplyToId == activity.Activity.Id)];
        }

        public async Task<string> NextIdAsync(CancellationToken cancellationToken) =>
            SqliteConversationStore.IdOf(conversationId, await SqliteConversationStore.NextSequenceAsync(connection, null, conversationId, cancellationToken).ConfigureAwait(false));

        public async Task<IReadOnlyList<StoredActivity>> CommitAsync(IReadOnlyList<Activity> activities, string? stateJson, DateTimeOffset expiresAt, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(activities);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var sequence = await SqliteConversationStore.NextSequenceAsync(connection, transaction, conversationId, cancellationToken).ConfigureAwait(false);
            var stored = new List<StoredActivity>(activities.Count);
            foreach (var activity in activities)
            {
                var withId = activity with { Id = SqliteConversationStore.IdOf(conversationId, sequence) };
                await using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = "INSERT INTO activities (conversation_id, seq, client_id, json) VALUES ($id, $seq, $client, $json)";
                insert.Parameters.AddWithValue("$id", conversationId);
                insert.Parameters.AddWithValue("$seq", sequence);
                insert.Parameters.AddWithValue("$client", (object?)withId.ClientActivityId ?? DBNull.Value);
                insert.Parameters.AddWithValue("$json", JsonSerializer.Serialize(withId, ActivityJson.Options));
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                stored.Add(new StoredActivity(sequence++, withId));
            }

            if (stateJson is not null)
            {
                await using var save = connection.CreateCommand();
                save.Transaction = transaction;
                save.CommandText = version == 0
                    ? "INSERT OR IGNORE INTO conversation_state (conversation_id, version, expires_at, state, updated_at) VALUES ($id, 1, $expires, $state, $now)"
                    : "UPDATE conversation_state SET version = version + 1, expires_at = $expires, state = $state, updated_at = $now WHERE conversation_id = $id AND version = $version";
                save.Parameters.AddWithValue("$id", conversationId);
                save.Parameters.AddWithValue("$version", version);
                save.Parameters.AddWithValue("$expires", SqliteTime.Write(expiresAt));
                save.Parameters.AddWithValue("$state", stateJson);
                save.Parameters.AddWithValue("$now", SqliteTime.Write(time.GetUtcNow()));
                if (await save.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
                {
                    await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                    throw new ConcurrentTurnException(conversationId);
                }
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return stored;
        }

        public async ValueTask DisposeAsync()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            await connection.DisposeAsync().ConfigureAwait(false);
            gate.Release();
        }
    }
}
