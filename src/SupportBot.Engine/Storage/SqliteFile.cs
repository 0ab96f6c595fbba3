using Microsoft.Data.Sqlite;

namespace SupportBot.Storage;

/// <summary>
/// The SQLite database file of <see cref="SqliteDatabase"/>, opened the same way each time: pooled connections, and on each
/// connection NORMAL sync (in WAL mode it survives a process crash without an fsync per commit; durability is per
/// connection in SQLite) and a busy timeout so concurrent writers wait instead of failing.
/// </summary>
internal sealed class SqliteFile
{
    private const string ConnectionPragmas = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;";

    private readonly string _connectionString;

    public SqliteFile(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();
    }

    public string Path { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

        // The settings stay with the physical connection the pool hands out again, so each is set once, not on every
        // open: a turn opens several, and preparing the pragmas each time was a measurable share of a turn under load.
        if (connection.Handle is { } handle && !Configured.TryGetValue(handle, out _))
        {
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = ConnectionPragmas;
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            Configured.AddOrUpdate(handle, Marker);
        }

        return connection;
    }

    private static readonly object Marker = new();

    /// <summary>The physical connections already configured; an entry goes when its connection is collected.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SQLitePCL.sqlite3, object> Configured = [];
}
