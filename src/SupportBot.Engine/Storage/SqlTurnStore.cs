using System.Data.Common;
using System.Text;
using System.Text.Json;
using SupportBot.Schema;

namespace SupportBot.Storage;

/// <summary>
/// Turns over the shared <see cref="Database"/>. On PostgreSQL the turn runs inside one transaction that first takes
/// the conversation's advisory lock, so a turn on another instance waits for this one to commit. On SQLite (one
/// instance) the lock is a gate in this process, and the commit joins the other turns committing at the same moment in
/// one write transaction (<see cref="GroupCommit"/>): holding SQLite's single writer for a whole turn, or paying a
/// transaction per turn, would make every conversation queue behind it.
/// </summary>
internal sealed class SqlTurnStore(Database database, TimeProvider time) : ITurnStore
{
    /// <summary>One gate per conversation with a turn in flight (SQLite): no two conversations ever wait for each other.</summary>
    private readonly KeyedGates _gates = new();

    /// <summary>Turns allowed to hold the database at once (<see cref="Database.MaxConcurrentTurns"/>); null when unbounded.</summary>
    private readonly SemaphoreSlim? _slots = database.MaxConcurrentTurns == int.MaxValue ? null : new SemaphoreSlim(database.MaxConcurrentTurns);

    public async Task<ITurnTransaction> BeginAsync(string conversationId, string? clientActivityId, CancellationToken cancellationToken) =>
        await OpenTurnAsync<object?>(conversationId, clientActivityId, null, cancellationToken).ConfigureAwait(false);

    public Task<ITurnTransaction<T>> BeginAsync<T>(string conversationId, string? clientActivityId, ITurnOpeningRead<T> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        return OpenTurnAsync(conversationId, clientActivityId, read, cancellationToken);
    }

    private async Task<ITurnTransaction<T>> OpenTurnAsync<T>(string conversationId, string? clientActivityId, ITurnOpeningRead<T>? read, CancellationToken cancellationToken)
    {
        IDisposable? gate = null;
        if (!database.IsShared)
        {
            gate = await _gates.EnterAsync(conversationId, cancellationToken).ConfigureAwait(false);
        }
        else if (_slots is not null)
        {
            await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            gate = new SlotRelease(_slots);
        }

        DbConnection? connection = null;
        DbTransaction? transaction = null;
        try
        {
            connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (database.IsShared)
            {
                transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            }

            var opening = await OpenAsync(connection, transaction, conversationId, clientActivityId, read, cancellationToken).ConfigureAwait(false);
            if (transaction is null && database.Commits is not null)
            {
                // SQLite: the commit goes through the writer's connection, so this one goes back to the pool now rather
                // than being held while the turn thinks and waits for its batch (a thousand turns in flight were a
                // thousand open connections, each with its own page cache).
                await connection.DisposeAsync().ConfigureAwait(false);
                connection = null;
            }

            return new Turn<T>(conversationId, database, connection, transaction, gate, opening, time);
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

            gate?.Dispose();
            throw;
        }
    }

    /// <summary>What a turn reads before it runs.</summary>
    private sealed record Opening<T>(long Version, SavedState? State, long NextSequence, StoredActivity? Earlier, T Opened, string? Language);

    /// <summary>
    /// The lock (on a shared database), the saved state, the next sequence, the caller's own read and a retried client id, sent as one
    /// command: on PostgreSQL that is one round trip, and the reads run after the lock is held.
    /// </summary>
    private async Task<Opening<T>> OpenAsync<T>(DbConnection connection, DbTransaction? transaction, string conversationId, string? clientActivityId,
        ITurnOpeningRead<T>? read, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder();
        if (database.IsShared && database.LockConversationSql("@id") is { } lockSql)
        {
            sql.Append(lockSql).Append(";\n");
        }

        sql.Append("SELECT version, state, expires_at FROM conversation_state WHERE conversation_id = @id;\n");
        sql.Append("SELECT COALESCE(MAX(seq), -1) + 1 FROM activities WHERE conversation_id = @id;\n");
        sql.Append("SELECT language FROM conversations WHERE id = @id;\n");
        sql.Append(read?.Sql("@id"));
        if (clientActivityId is not null)
        {
            sql.Append("SELECT seq, json FROM activities WHERE conversation_id = @id AND client_id = @client;\n");
        }

        await using var command = connection.Command(sql.ToString(), transaction).With("id", conversationId);
        if (clientActivityId is not null)
        {
            command.With("client", clientActivityId);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (database.IsShared)
        {
            // The lock's own row (void): the reads below ran once it was held.
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        }

        long version = 0;
        SavedState? state = null;
        if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            version = reader.Whole(0);
            var expires = reader.Time(2);
            state = expires > time.GetUtcNow() ? new SavedState(version, reader.GetString(1), expires) : null;
        }

        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var next = reader.Whole(0);
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var language = await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? reader.TextOrNull(0) : null;
        var opened = default(T)!;
        if (read is not null)
        {
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            opened = await read.ReadAsync(reader, cancellationToken).ConfigureAwait(false);
        }

        StoredActivity? earlier = null;
        if (clientActivityId is not null && await reader.NextResultAsync(cancellationToken).ConfigureAwait(false)
            && await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            earlier = new StoredActivity(reader.Whole(0), JsonSerializer.Deserialize<Activity>(reader.GetString(1), ActivityJson.Options)!);
        }

        return new Opening<T>(version, state, next, earlier, opened, language);
    }

    private sealed class SlotRelease(SemaphoreSlim slots) : IDisposable
    {
        public void Dispose() => slots.Release();
    }

    private sealed class Turn<T>(string conversationId, Database database, DbConnection? held, DbTransaction? transaction, IDisposable? gate, Opening<T> opening,
        TimeProvider time) : ITurnTransaction<T>
    {
        private bool _disposed;
        private DbConnection? _connection = held;

        /// <summary>The turn's connection: held from the start on PostgreSQL (its transaction), opened when first needed on SQLite.</summary>
        private async Task<DbConnection> ConnectionAsync(CancellationToken cancellationToken) =>
            _connection ??= await database.OpenAsync(cancellationToken).ConfigureAwait(false);

        public string ConversationId => conversationId;

        public SavedState? State => opening.State;

        public StoredActivity? Earlier => opening.Earlier;

        public string? Language => opening.Language;

        public T Opened => opening.Opened;

        public string NextId => SqlConversationStore.IdOf(conversationId, opening.NextSequence);

        public async Task<IReadOnlyList<StoredActivity>> RepliesToAsync(StoredActivity activity, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(activity);
            var connection = await ConnectionAsync(cancellationToken).ConfigureAwait(false);
            var after = await SqlConversationStore.ReadAfterAsync(connection, transaction, conversationId, activity.Sequence, cancellationToken).ConfigureAwait(false);
            return [.. after.Where(a => a.Activity.ReplyToId == activity.Activity.Id)];
        }

        public async Task<IReadOnlyList<StoredActivity>> ReadAsync(long first, long last, CancellationToken cancellationToken)
        {
            var connection = await ConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await SqlConversationStore.ReadRangeAsync(connection, transaction, conversationId, first, last, cancellationToken).ConfigureAwait(false);
        }

        public async Task<IReadOnlyList<StoredActivity>> CommitAsync(IReadOnlyList<Activity> activities, string? stateJson, DateTimeOffset expiresAt, ShopperSeen? seen,
            TurnFact? fact, AnswerVote? vote, string? language, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(activities);
            if (transaction is null && database.Commits is { } commits)
            {
                // SQLite: with the turns committing at the same moment, in one transaction on the writer's connection.
                return await commits.WriteAsync((batch, inBatch) => WriteAsync(batch, inBatch, activities, stateJson, expiresAt, seen, fact, vote, language, CancellationToken.None), cancellationToken)
                    .ConfigureAwait(false);
            }

            var ownTransaction = transaction is null;
            var connection = await ConnectionAsync(cancellationToken).ConfigureAwait(false);
            var writing = transaction ?? await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var stored = await WriteAsync(connection, writing, activities, stateJson, expiresAt, seen, fact, vote, language, cancellationToken).ConfigureAwait(false);
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

        /// <summary>
        /// The transcript entries and the state in one command (one round trip); the state's statement returns a row
        /// only when it took effect, else another writer got there first and nothing of this turn may be kept (the
        /// caller rolls back: the whole transaction, or in a batch this turn's savepoint).
        /// </summary>
        private async Task<IReadOnlyList<StoredActivity>> WriteAsync(DbConnection on, DbTransaction writing, IReadOnlyList<Activity> activities, string? stateJson,
            DateTimeOffset expiresAt, ShopperSeen? seen, TurnFact? fact, AnswerVote? vote, string? language, CancellationToken cancellationToken)
        {
            await using var command = on.Command("", writing);
            var stored = SqlConversationStore.AddInsert(command, conversationId, opening.NextSequence, activities);
            if (language is not null && language != opening.Language)
            {
                command.CommandText += "UPDATE conversations SET language = @language WHERE id = @language_of;\n";
                command.With("language_of", conversationId).With("language", language);
            }

            if (seen is not null)
            {
                SqlConversationStore.AddTouch(command, seen);
            }

            if (fact is not null)
            {
                TurnFacts.AddInsert(command, conversationId, opening.NextSequence, fact);
            }

            if (vote is not null)
            {
                AnswerVotes.AddUpsert(command, conversationId, vote);
            }

            if (stateJson is not null)
            {
                AddSave(command, stateJson, expiresAt);
                bool saved;
                await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
                {
                    saved = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                }

                if (!saved)
                {
                    throw new ConcurrentTurnException(conversationId);
                }
            }
            else if (command.CommandText.Length > 0)
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return stored;
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

            if (_connection is not null)
            {
                await _connection.DisposeAsync().ConfigureAwait(false);
            }

            gate?.Dispose();
        }

        /// <summary>A first save inserts; a later one must find the version it read, else another writer got there first.</summary>
        private void AddSave(DbCommand command, string stateJson, DateTimeOffset expiresAt)
        {
            command.CommandText += opening.Version == 0
                ? "INSERT INTO conversation_state (conversation_id, version, expires_at, state, updated_at) VALUES (@id, 1, @expires, @state, @now) ON CONFLICT (conversation_id) DO NOTHING RETURNING version"
                : "UPDATE conversation_state SET version = version + 1, expires_at = @expires, state = @state, updated_at = @now WHERE conversation_id = @id AND version = @version RETURNING version";
            command.With("id", conversationId).With("version", opening.Version).WithTime("expires", expiresAt).With("state", stateJson).WithTime("now", time.GetUtcNow());
        }
    }
}
