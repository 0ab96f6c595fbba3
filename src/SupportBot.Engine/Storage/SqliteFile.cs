using Microsoft.Data.Sqlite;

namespace SupportBot.Storage;

/// <summary>
/// A SQLite database file, opened the same way by every store that keeps one: pooled connections, and on each
/// connection NORMAL sync (in WAL mode it survives a process crash without an fsync per commit; durability is per
/// connection in SQLite) and a busy timeout so concurrent writers wait instead of failing.
/// </summary>
internal sealed class SqliteFile
{
    private const string ConnectionPragmas = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;";

    private readonly string _connectionString;

    public SqliteFile(string path, bool foreignKeys = false)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            ForeignKeys = foreignKeys ? true : null,
        }.ToString();
    }

    public string Path { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = ConnectionPragmas;
        await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    /// <summary>
    /// Creates what is missing of a schema (<c>CREATE … IF NOT EXISTS</c> statements) at start-up, in write-ahead-log
    /// mode, which lets readers (Direct Line polls, the agent console) go on while a turn is being written.
    /// </summary>
    public void Migrate(string schema)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;\n" + schema;
        command.ExecuteNonQuery();
    }

    /// <summary>A connection for start-up work (creating the schema, seeding), before anything runs concurrently.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = ConnectionPragmas;
        pragma.ExecuteNonQuery();
        return connection;
    }
}
