using System.Data.Common;
using SupportBot.Schema;

namespace SupportBot.Storage;

/// <summary>
/// Turns over the shared <see cref="Database"/>. On PostgreSQL the turn runs inside one transaction that first takes
/// the conversation's advisory lock, so a turn on another instance waits for this one to commit. On SQLite (one
/// instance) the lock is a gate in this process and the commit is one short write transaction: holding SQLite's
/// single writer for a whole turn would stall every other conversation.
/// </summary>
public sealed class SqlTurnStore(Database database, TimeProvider time) : ITurnStore
{
    /// <summary>Gates by a hash of the conversation id: fixed memory however many conversations, and a rare shared gate only waits.</summary>
    private readonly SemaphoreSlim[] _gates = [.. Enumerable.Range(0, 1024).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>Turns allowed to hold the database at once (<see cref="Database.MaxConcurrentTurns"/>); null when unbounded.</summary>
    private readonly SemaphoreSlim? _slots = database.MaxConcurrentTurns == int.MaxValue ? null : new SemaphoreSlim(database.MaxConcurrentTurns);

    public async Task<ITurnTransaction> BeginAsync(string conversationId, CancellationToken cancellationToken)
    {
        var gate = database.IsShared ? _slots : _gates[(int)((uint)StringComparer.Ordinal.GetHashCode(conversationId) % (uint)_gates.Length)];
        if (gate is not null)
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        DbConnection? connection = null;
        DbTransaction? transaction = null;
        try
        {
            connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (database.IsShared)
            {
                transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await database.LockConversationAsync(connection, transaction, conversationId, cancellationToken).ConfigureAwait(false);
            }

            var (version, state) = await ReadStateAsync(connection, transaction, conversationId, cancellationToken).ConfigureAwait(false);
            return new Turn(conversationId, connection, transaction, gate, version, state, time);
        }
        catch
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync().ConfigureAwait(false);
            }

            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            gate?.Release();
            throw;
        }
    }

    private async Task<(long Version, SavedState? State)> ReadStateAsync(DbConnection connection, DbTransaction? transaction, string conversationId,
        CancellationToken cancellationToken)
    {
        await using var read = connection.Command("SELECT version, state, expires_at FROM conversation_state WHERE conversation_id = @id", transaction)
            .With("id", conversationId);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return (0, null);
        }

        var version = reader.Whole(0);
        var expires = reader.Time(2);
        return (version, expires > time.GetUtcNow() ? new SavedState(version, reader.GetString(1), expires) : null);
    }

    private sealed class Turn(string conversationId, DbConnection connection, DbTransaction? transaction, SemaphoreSlim? gate, long version, SavedState? state,
        TimeProvider time) : ITurnTransaction
    {
        private bool _disposed;

        public string ConversationId => conversationId;

        public SavedState? State => state;

        public Task<StoredActivity?> FindByClientIdAsync(string clientActivityId, CancellationToken cancellationToken) =>
            SqlConversationStore.FindByClientIdAsync(connection, transaction, conversationId, clientActivityId, cancellationToken);

        public async Task<IReadOnlyList<StoredActivity>> RepliesToAsync(StoredActivity activity, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(activity);
            var after = await SqlConversationStore.ReadAfterAsync(connection, transaction, conversationId, activity.Sequence, cancellationToken).ConfigureAwait(false);
            return [.. after.Where(a => a.Activity.ReplyToId == activity.Activity.Id)];
        }

        public async Task<string> NextIdAsync(CancellationToken cancellationToken) =>
            SqlConversationStore.IdOf(conversationId, await SqlConversationStore.NextSequenceAsync(connection, transaction, conversationId, cancellationToken).ConfigureAwait(false));

        public async Task<IReadOnlyList<StoredActivity>> CommitAsync(IReadOnlyList<Activity> activities, string? stateJson, DateTimeOffset expiresAt,
            CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(activities);
            var ownTransaction = transaction is null;
            var writing = transaction ?? await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var stored = await SqlConversationStore.InsertAsync(connection, writing, conversationId, activities, cancellationToken).ConfigureAwait(false);
                if (stateJson is not null && await SaveAsync(writing, stateJson, expiresAt, cancellationToken).ConfigureAwait(false) != 1)
                {
                    await writing.RollbackAsync(cancellationToken).ConfigureAwait(false);
                    throw new ConcurrentTurnException(conversationId);
                }

                await writing.CommitAsync(cancellationToken).ConfigureAwait(false);
                return stored;
            }
            finally
            {
                if (ownTransaction)
                {
                    await writing.DisposeAsync().ConfigureAwait(false);
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (transaction is not null)
            {
                // Rolls back what was not committed, which also lets the next turn of the conversation in.
                await transaction.DisposeAsync().ConfigureAwait(false);
            }

            await connection.DisposeAsync().ConfigureAwait(false);
            gate?.Release();
        }

        private async Task<int> SaveAsync(DbTransaction writing, string stateJson, DateTimeOffset expiresAt, CancellationToken cancellationToken)
        {
            // A first save inserts; a later one must find the version it read, else another writer got there first.
            await using var save = connection.Command(version == 0
                    ? "INSERT INTO conversation_state (conversation_id, version, expires_at, state, updated_at) VALUES (@id, 1, @expires, @state, @now) ON CONFLICT (conversation_id) DO NOTHING"
                    : "UPDATE conversation_state SET version = version + 1, expires_at = @expires, state = @state, updated_at = @now WHERE conversation_id = @id AND version = @version",
                    writing)
                .With("id", conversationId).With("version", version).WithTime("expires", expiresAt).With("state", stateJson).WithTime("now", time.GetUtcNow());
            return await save.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
