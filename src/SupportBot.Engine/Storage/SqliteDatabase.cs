using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace SupportBot.Storage;

/// <summary>
/// The embedded default: <c>supportbot.db</c> under the data folder, write-ahead logged, for one instance. A second
/// process asked to serve the same file is refused at start-up (<see cref="SingleProcessLock"/>): the turn lock lives
/// in this process, so two processes on one file would interleave turns.
/// </summary>
internal sealed class SqliteDatabase : Database, IDisposable, IAsyncDisposable
{
    public const string FileName = "supportbot.db";

    private readonly SqliteFile _file;
    private readonly IDisposable _owner;
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly GroupCommit _commits;

    /// <param name="time">The clock the schema versions are recorded with (the system's unless told otherwise).</param>
    public SqliteDatabase(string dataFolder, TimeProvider? time = null)
        : base(time ?? TimeProvider.System)
    {
        _file = new SqliteFile(System.IO.Path.Combine(dataFolder, FileName));
        _owner = SingleProcessLock.Take(_file.Path + ".lock",
            $"Storage: {_file.Path} is in use by another SupportBot process; one SQLite file serves one instance (use Storage:Provider=Postgres to run several)");
        _commits = new GroupCommit(OpenAsync, WriterAsync);
    }

    internal override GroupCommit? Commits => _commits;

    public async ValueTask DisposeAsync()
    {
        // Turns already queued are committed before the file is let go.
        await _commits.DisposeAsync().ConfigureAwait(false);
        Dispose();
    }

    public void Dispose()
    {
        _commits.Complete();
        _owner.Dispose();
        _writer.Dispose();
    }

    public override async ValueTask<IDisposable> WriterAsync(CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Release(_writer);
    }

    private sealed class Release(SemaphoreSlim writer) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                writer.Release();
            }
        }
    }

    public string FilePath => _file.Path;

    public override StorageProvider Provider => StorageProvider.Sqlite;

    public override string InsertionOrder => "rowid";

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) => await _file.OpenAsync(cancellationToken).ConfigureAwait(false);

    public override string? LockConversationSql(string conversationParameter) => null;

    public override string ForUpdate => "";

    public override string LikeIgnoringCase => "LIKE";

    public override string Greatest(string a, string b) => $"MAX({a}, {b})";

    public override string JsonText(string column, params string[] path) => $"json_extract({column}, '$.{string.Join('.', path)}')";

    public override string EqualsIgnoringCase(string column, string parameter) => $"{column} = {parameter} COLLATE NOCASE";

    /// <summary>One migration at a time per file in this process (hosts sharing a data folder in one process, as tests do; other processes are refused at start).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> Migrating = new(StringComparer.Ordinal);

    public override async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken)
    {
        var gate = Migrating.GetOrAdd(_file.Path, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await MigrateAloneAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<IReadOnlyList<int>> MigrateAloneAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var wal = connection.Command("PRAGMA journal_mode = WAL;"))
        {
            // Readers (Direct Line polls, the agent console) go on while a turn is being written.
            await wal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return await SchemaVersions.ApplyAsync(connection, m => m.Sqlite, Time, cancellationToken).ConfigureAwait(false);
    }
}
