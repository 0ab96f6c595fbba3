using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SupportBot.Conversation.Schema;

namespace SupportBot.Storage;

/// <summary>The embedded default store: one SQLite file under the data folder, write-ahead logged.</summary>
public sealed class SqliteConversationStore : IConversationStore
{
    public const string FileName = "supportbot.db";

    private readonly SqliteFile _file;

    public SqliteConversationStore(IOptions<StorageOptions> options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        _file = new SqliteFile(Path.Combine(options.Value.DataFolder(environment.ContentRootPath), FileName));
        Migrate();
    }

    public async Task CreateAsync(string conversationId, string? userId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT OR IGNORE INTO conversations (id, user_id, created_at) VALUES ($id, $user, $at)";
        command.Parameters.AddWithValue("$id", conversationId);
        command.Parameters.AddWithValue("$user", (object?)userId ?? DBNull.Value);
        command.Parameters.AddWithValue("$at", SqliteTime.Write(at));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM conversations WHERE id = $id";
        command.Parameters.AddWithValue("$id", conversationId);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
    }

    public async Task<IReadOnlyList<string>> ListSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();

        command.CommandText = "SELECT id FROM conversations WHERE created_at >= $since ORDER BY created_at, id";
        command.Parameters.AddWithValue("$since", SqliteTime.Write(since));
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    public async Task<IReadOnlyList<StoredActivity>> AppendAsync(string conversationId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        await using var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var sequence = await NextSequenceAsync(connection, transaction, conversationId, cancellationToken).ConfigureAwait(false);

        var stored = new List<StoredActivity>(activities.Count);
        foreach (var activity in activities)
        {
            var withId = activity with { Id = IdOf(conversationId, sequence) };
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

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return stored;
    }

    public async Task<string> NextIdAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        return IdOf(conversationId, await NextSequenceAsync(connection, null, conversationId, cancellationToken).ConfigureAwait(false));
    }

    public async Task<UserProfile> TouchUserAsync(string userId, string? name, string? locale, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO users (id, name, locale, first_seen, last_seen, messages) VALUES ($id, $name, $locale, $at, $at, 1)
            ON CONFLICT (id) DO UPDATE SET name = COALESCE($name, name), locale = COALESCE($locale, locale), last_seen = $at, messages = messages + 1
            """;
        command.Parameters.AddWithValue("$id", userId);
        command.Parameters.AddWithValue("$name", (object?)name ?? DBNull.Value);
        command.Parameters.AddWithValue("$locale", (object?)locale ?? DBNull.Value);
        command.Parameters.AddWithValue("$at", SqliteTime.Write(at));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return (await FindUserAsync(userId, cancellationToken).ConfigureAwait(false))!;
    }

    public async Task<UserProfile?> FindUserAsync(string userId, CancellationToken cancellationToken)
    {
        await using var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, name, locale, first_seen, last_seen, messages FROM users WHERE id = $id";
        command.Parameters.AddWithValue("$id", userId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new UserProfile(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                SqliteTime.Read(reader.GetString(3)), SqliteTime.Read(reader.GetString(4)), reader.GetInt32(5))
            : null;
    }

    public async Task<IReadOnlyList<StoredActivity>> ReadAfterAsync(string conversationId, long watermark, CancellationToken cancellationToken)
    {
        await using var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, json FROM activities WHERE conversation_id = $id AND seq > $after ORDER BY seq";
        command.Parameters.AddWithValue("$id", conversationId);
        command.Parameters.AddWithValue("$after", watermark);
        return await ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<StoredActivity?> FindByClientIdAsync(string conversationId, string clientActivityId, CancellationToken cancellationToken)
    {
        await using var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, json FROM activities WHERE conversation_id = $id AND client_id = $client";
        command.Parameters.AddWithValue("$id", conversationId);
        command.Parameters.AddWithValue("$client", clientActivityId);
        var found = await ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
        return found.Count > 0 ? found[0] : null;
    }

    internal static string IdOf(string conversationId, long sequence) => $"{conversationId}|{sequence.ToString("D7", CultureInfo.InvariantCulture)}";

    internal static async Task<long> NextSequenceAsync(SqliteConnection connection, SqliteTransaction? transaction, string conversationId, CancellationToken cancellationToken)
    {
        await using var next = connection.CreateCommand();
        next.Transaction = transaction;
        next.CommandText = "SELECT COALESCE(MAX(seq), -1) + 1 FROM activities WHERE conversation_id = $id";
        next.Parameters.AddWithValue("$id", conversationId);
        return (long)(await next.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    internal static async Task<List<StoredActivity>> ReadAllAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var result = new List<StoredActivity>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new StoredActivity(reader.GetInt64(0), JsonSerializer.Deserialize<Activity>(reader.GetString(1), ActivityJson.Options)!));
        }

        return result;
    }


    private void Migrate() => _file.Migrate("""
            CREATE TABLE IF NOT EXISTS conversations (
                id TEXT PRIMARY KEY,
                user_id TEXT,
                created_at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS activities (
                conversation_id TEXT NOT NULL REFERENCES conversations(id),
                seq INTEGER NOT NULL,
                client_id TEXT,
                json TEXT NOT NULL,
                PRIMARY KEY (conversation_id, seq));
            CREATE TABLE IF NOT EXISTS users (
                id TEXT PRIMARY KEY,
                name TEXT,
                locale TEXT,
                first_seen TEXT NOT NULL,
                last_seen TEXT NOT NULL,
                messages INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS conversation_state (
                conversation_id TEXT PRIMARY KEY,
                version INTEGER NOT NULL,
                expires_at TEXT NOT NULL,
                state TEXT NOT NULL,
                updated_at TEXT NOT NULL);
            CREATE UNIQUE INDEX IF NOT EXISTS activities_client ON activities (conversation_id, client_id) WHERE client_id IS NOT NULL;
        """);
}
