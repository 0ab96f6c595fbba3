using System.Data.Common;

namespace SupportBot.Storage;

/// <summary>
/// The database every store shares: SQLite (a file under the data folder, one instance) or PostgreSQL (several
/// instances). The stores write one SQL for both; this names the few places the two differ, and holds the schema's
/// versions (<see cref="SchemaMigrations"/>), brought up to date before the first connection is handed out.
/// </summary>
internal abstract class Database(TimeProvider time)
{
    private readonly Lock _migrationGate = new();
    private Task? _migration;
    private volatile bool _schemaIsCurrent;

    public abstract StorageProvider Provider { get; }

    /// <summary>The clock the schema versions are recorded with.</summary>
    protected TimeProvider Time { get; } = time;

    /// <summary>The schema versions this process applied when it first opened the database (none when it was current).</summary>
    public IReadOnlyList<int> AppliedAtOpen { get; private set; } = [];

    /// <summary>Whether instances may share it; on SQLite the conversation lock lives in this process.</summary>
    public bool IsShared => Provider == StorageProvider.Postgres;

    /// <summary>A connection, once the schema is current: the first caller applies what is missing, the others wait for it.</summary>
    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        _schemaIsCurrent ? OpenConnectionAsync(cancellationToken) : OpenOnceCurrentAsync(cancellationToken);

    private async Task<DbConnection> OpenOnceCurrentAsync(CancellationToken cancellationToken)
    {
        await BringSchemaUpToDateAsync(cancellationToken).ConfigureAwait(false);
        return await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Applies the missing schema versions once per process (<see cref="AppliedAtOpen"/> says which). The host does it
    /// while starting (<see cref="SchemaAtStart"/>), before anything reads the database synchronously. Callers share
    /// one run (a caller that gives up stops waiting, not the run); a failed run is not remembered, so the next caller
    /// tries again.
    /// </summary>
    public Task BringSchemaUpToDateAsync(CancellationToken cancellationToken)
    {
        lock (_migrationGate)
        {
            if (_migration is null || _migration.IsFaulted || _migration.IsCanceled)
            {
                _migration = MigrateOnceAsync();
            }

            return _migration.WaitAsync(cancellationToken);
        }
    }

    private async Task MigrateOnceAsync()
    {
        AppliedAtOpen = await MigrateAsync(CancellationToken.None).ConfigureAwait(false);
        _schemaIsCurrent = true;
    }

    /// <summary>A new connection, whatever the schema: what <see cref="MigrateAsync"/> itself works on.</summary>
    protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Waits for this process's turn to write (dispose to let the next writer in): SQLite has one writer, and a
    /// writer that finds it busy blocks its thread in SQLite's busy handler, so the hot writes queue here instead,
    /// asynchronously. PostgreSQL writers need no gate.
    /// </summary>
    public virtual ValueTask<IDisposable> WriterAsync(CancellationToken cancellationToken) => ValueTask.FromResult<IDisposable>(NoGate.Instance);

    /// <summary>Where a turn that has no transaction of its own commits (SQLite: many turns in one transaction); null on PostgreSQL.</summary>
    internal virtual GroupCommit? Commits => null;

    private sealed class NoGate : IDisposable
    {
        public static readonly NoGate Instance = new();

        public void Dispose()
        {
        }
    }

    /// <summary>
    /// How many turns may hold the database at once. A PostgreSQL turn keeps its connection (and the conversation's
    /// lock) until it commits, and the stores it calls meanwhile open one more each: turns beyond half the pool would
    /// wait for connections other waiting turns hold. Turns past this wait before taking any.
    /// </summary>
    public virtual int MaxConcurrentTurns => int.MaxValue;

    /// <summary>
    /// Holds the conversation's lock until <paramref name="transaction"/> ends, on every instance (PostgreSQL's advisory
    /// transaction lock). SQLite needs none: one process, and its write transactions run one at a time.
    /// </summary>
    public Task LockConversationAsync(DbConnection connection, DbTransaction transaction, string conversationId, CancellationToken cancellationToken) =>
        LockUntilCommitAsync(connection, transaction, conversationId, cancellationToken);

    /// <summary>
    /// Holds the lock named <paramref name="name"/> until <paramref name="transaction"/> ends, on every instance: a
    /// conversation's (<see cref="LockConversationAsync"/>), or one for start-up work such as seeding the demo store.
    /// </summary>
    public async Task LockUntilCommitAsync(DbConnection connection, DbTransaction transaction, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (LockConversationSql("@name") is { } sql)
        {
            await using var command = connection.Command(sql, transaction).With("name", name);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The statement that takes the lock of a conversation (or any name: <see cref="LockUntilCommitAsync"/>) until the
    /// transaction ends, to send with others; null when none is needed.
    /// </summary>
    public abstract string? LockConversationSql(string conversationParameter);

    /// <summary>
    /// What ends a SELECT that keeps the rows it read from other writers until the transaction ends (PostgreSQL's
    /// <c>FOR UPDATE</c>; nothing in SQLite, whose write transaction already keeps every other writer out).
    /// </summary>
    public abstract string ForUpdate { get; }

    /// <summary>The larger of two values in SQL (<c>MAX(a, b)</c> in SQLite, <c>GREATEST(a, b)</c> in PostgreSQL).</summary>
    public abstract string Greatest(string a, string b);

    /// <summary>A string field of a JSON text column (<c>json_extract</c> in SQLite, <c>-&gt;&gt;</c> in PostgreSQL).</summary>
    public abstract string JsonText(string column, params string[] path);

    /// <summary>The column that orders a table's rows as they were added (SQLite's <c>rowid</c>, a serial column in PostgreSQL).</summary>
    public abstract string InsertionOrder { get; }

    /// <summary>The LIKE that ignores case (SQLite's LIKE does for ASCII; PostgreSQL's ILIKE).</summary>
    public abstract string LikeIgnoringCase { get; }

    /// <summary>Text compared without regard to case.</summary>
    public abstract string EqualsIgnoringCase(string column, string parameter);

    /// <summary>The versions applied (in order), creating what is missing; safe to run again and from several instances at once.</summary>
    public abstract Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken);
}
