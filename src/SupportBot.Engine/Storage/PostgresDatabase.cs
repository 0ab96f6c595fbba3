using System.Data.Common;
using Microsoft.Extensions.Options;
using Npgsql;

namespace SupportBot.Storage;

/// <summary>A PostgreSQL database several instances share (<c>Storage:Provider=Postgres</c>, <c>Storage:ConnectionString</c>).</summary>
/// <param name="time">The clock the schema versions are recorded with (the system's unless told otherwise).</param>
internal sealed class PostgresDatabase(NpgsqlDataSource source, TimeProvider? time = null) : Database(time ?? TimeProvider.System)
{
    /// <summary>The advisory lock key that lets one instance at a time migrate the schema.</summary>
    private const long MigrationLock = 0x5355_5050_4f52_5442; // "SUPPORTB"

    public NpgsqlDataSource Source => source;

    /// <summary>
    /// The pool for <paramref name="connectionString"/>. A connection going back to it is not reset (no <c>DISCARD
    /// ALL</c>, which otherwise runs for every connection a turn borrows): no store leaves session state behind — the
    /// conversation locks are transaction locks, the schema lock is released, and the change feed keeps its
    /// listening connection for as long as it runs.
    /// </summary>
    public static NpgsqlDataSource SourceFor(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.NoResetOnClose = true;
        return builder.Build();
    }

    public override StorageProvider Provider => StorageProvider.Postgres;

    public override int MaxConcurrentTurns => Math.Max(1, new NpgsqlConnectionStringBuilder(source.ConnectionString).MaxPoolSize / 2);

    public override string InsertionOrder => "added";

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) => await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public override string? LockConversationSql(string conversationParameter) => $"SELECT pg_advisory_xact_lock(hashtextextended({conversationParameter}, 0))";

    public override string ForUpdate => " FOR UPDATE";

    public override string LikeIgnoringCase => "ILIKE";

    public override string Greatest(string a, string b) => $"GREATEST({a}, {b})";

    public override string JsonText(string column, params string[] path) =>
        $"(({column})::jsonb #>> '{{{string.Join(',', path)}}}')";

    public override string EqualsIgnoringCase(string column, string parameter) => $"lower({column}) = lower({parameter})";

    public override async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await ReachAsync(cancellationToken).ConfigureAwait(false);

        // Instances starting together: one migrates, the others wait and then find nothing left to do.
        await using (var take = connection.Command("SELECT pg_advisory_lock(@key)").With("key", MigrationLock))
        {
            await take.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await SchemaVersions.ApplyAsync(connection, m => m.Postgres, Time, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await using var release = connection.Command("SELECT pg_advisory_unlock(@key)").With("key", MigrationLock);
            await release.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The first connection of the process (the migration's): a server out of reach is a setting to fix, said in one
    /// line, not a driver's stack trace.
    /// </summary>
    private async Task<NpgsqlConnection> ReachAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw new OptionsValidationException(StorageOptions.SectionName, typeof(StorageOptions),
                [$"Storage: cannot reach the PostgreSQL database in Storage:ConnectionString: {ex.Message.TrimEnd('.')}"]);
        }
    }
}
