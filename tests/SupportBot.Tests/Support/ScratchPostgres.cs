using Npgsql;

namespace SupportBot.Tests.Support;

/// <summary>
/// A fresh database of its own on the PostgreSQL server the test command provides (<c>SUPPORTBOT_TEST_POSTGRES</c>,
/// which <c>./test.sh</c> sets, starting a throwaway server when none is reachable), dropped afterwards.
/// </summary>
internal sealed class ScratchPostgres : IAsyncDisposable
{
    public const string Variable = "SUPPORTBOT_TEST_POSTGRES";

    private readonly string _server;

    private ScratchPostgres(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = true }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>Settings that point a host at this database.</summary>
    public string[] Settings => ["--Storage:Provider", "Postgres", "--Storage:ConnectionString", ConnectionString];

    public static async Task<ScratchPostgres> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        Assert.False(string.IsNullOrEmpty(server),
            $"{Variable} is not set: run the tests with ./test.sh (it starts PostgreSQL), or set it to an Npgsql connection string");
        var database = new ScratchPostgres(server!, "supportbot_test_" + Guid.NewGuid().ToString("N")[..16]);
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {database.Name}", connection);
        await create.ExecuteNonQueryAsync();
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
