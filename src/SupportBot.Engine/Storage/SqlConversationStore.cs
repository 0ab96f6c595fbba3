using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using SupportBot.Schema;

namespace SupportBot.Storage;

/// <summary>Conversations, transcripts and shopper profiles in the shared <see cref="Database"/> (SQLite or PostgreSQL).</summary>
internal sealed class SqlConversationStore(Database database) : IConversationStore
{
    public async Task CreateAsync(string conversationId, string? userId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        using var writer = await database.WriterAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("INSERT INTO conversations (id, user_id, created_at) VALUES (@id, @user, @at) ON CONFLICT (id) DO NOTHING")
            .With("id", conversationId).With("user", userId).WithTime("at", at);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("SELECT 1 FROM conversations WHERE id = @id").With("id", conversationId);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
    }

    public async Task<IReadOnlyList<string>> ListSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("SELECT id FROM conversations WHERE created_at >= @since ORDER BY created_at, id").WithTime("since", since);
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
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await database.LockConversationAsync(connection, transaction, conversationId, cancellationToken).ConfigureAwait(false);
        var stored = await InsertAsync(connection, transaction, conversationId, activities, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return stored;
    }

    public async Task<string> NextIdAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return IdOf(conversationId, await NextSequenceAsync(connection, null, conversationId, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Adds the statement that records a message from <paramref name="seen"/>'s user (first seen, last seen, how many).</summary>
    internal static void AddTouch(DbCommand command, ShopperSeen seen)
    {
        command.CommandText += """
            INSERT INTO users (id, name, locale, first_seen, last_seen, messages) VALUES (@user_id, @user_name, @user_locale, @user_at, @user_at, 1)
            ON CONFLICT (id) DO UPDATE SET name = COALESCE(@user_name, users.name), locale = COALESCE(@user_locale, users.locale), last_seen = @user_at,
                messages = users.messages + 1
            """ + ";\n";
        command.With("user_id", seen.UserId).With("user_name", seen.Name).With("user_locale", seen.Locale).WithTime("user_at", seen.At);
    }

    public async Task<UserProfile?> FindUserAsync(string userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("SELECT id, name, locale, first_seen, last_seen, messages FROM users WHERE id = @id").With("id", userId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? UserOf(reader) : null;
    }

    private static UserProfile UserOf(DbDataReader reader) =>
        new(reader.GetString(0), reader.TextOrNull(1), reader.TextOrNull(2), reader.Time(3), reader.Time(4), (int)reader.Whole(5));

    public async Task<IReadOnlyList<StoredActivity>> ReadAfterAsync(string conversationId, long watermark, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ReadAfterAsync(connection, null, conversationId, watermark, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AnswerVote>> VotesAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await AnswerVotes.ReadAsync(connection, conversationId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<StoredActivity?> FindByClientIdAsync(string conversationId, string clientActivityId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await FindByClientIdAsync(connection, null, conversationId, clientActivityId, cancellationToken).ConfigureAwait(false);
    }

    internal static string IdOf(string conversationId, long sequence) => $"{conversationId}|{sequence.ToString("D7", CultureInfo.InvariantCulture)}";

    /// <summary>The sequence an id of <see cref="IdOf"/> holds; null for any other id (a client's, or none).</summary>
    internal static long? SequenceOf(string? activityId) =>
        activityId?.LastIndexOf('|') is int bar and >= 0 && long.TryParse(activityId.AsSpan(bar + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            ? sequence
            : null;

    internal static async Task<long> NextSequenceAsync(DbConnection connection, DbTransaction? transaction, string conversationId, CancellationToken cancellationToken)
    {
        await using var next = connection.Command("SELECT COALESCE(MAX(seq), -1) + 1 FROM activities WHERE conversation_id = @id", transaction).With("id", conversationId);
        return Convert.ToInt64(await next.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <summary>Appends after the last stored activity, giving each the id <c>{conversation}|{sequence}</c>; the caller holds the conversation's lock.</summary>
    internal static async Task<IReadOnlyList<StoredActivity>> InsertAsync(DbConnection connection, DbTransaction transaction, string conversationId,
        IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var sequence = await NextSequenceAsync(connection, transaction, conversationId, cancellationToken).ConfigureAwait(false);
        await using var insert = connection.Command("", transaction);
        var stored = AddInsert(insert, conversationId, sequence, activities);
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return stored;
    }

    /// <summary>
    /// Adds to <paramref name="command"/> the one statement that appends <paramref name="activities"/> from
    /// <paramref name="sequence"/> on (nothing when there are none), and returns them as they will be stored.
    /// </summary>
    internal static IReadOnlyList<StoredActivity> AddInsert(DbCommand command, string conversationId, long sequence, IReadOnlyList<Activity> activities)
    {
        if (activities.Count == 0)
        {
            return [];
        }

        var stored = new List<StoredActivity>(activities.Count);
        var rows = new List<string>(activities.Count);
        command.With("conversation", conversationId);
        foreach (var activity in activities)
        {
            var withId = activity with { Id = IdOf(conversationId, sequence) };
            var n = stored.Count.ToString(CultureInfo.InvariantCulture);
            rows.Add($"(@conversation, @seq{n}, @client{n}, @json{n})");
            command.With("seq" + n, sequence).With("client" + n, withId.ClientActivityId).With("json" + n, JsonSerializer.Serialize(withId, ActivityJson.Options));
            stored.Add(new StoredActivity(sequence++, withId));
        }

        command.CommandText += $"INSERT INTO activities (conversation_id, seq, client_id, json) VALUES {string.Join(", ", rows)};\n";
        return stored;
    }

    internal static async Task<IReadOnlyList<StoredActivity>> ReadAfterAsync(DbConnection connection, DbTransaction? transaction, string conversationId, long watermark,
        CancellationToken cancellationToken)
    {
        await using var command = connection.Command("SELECT seq, json FROM activities WHERE conversation_id = @id AND seq > @after ORDER BY seq", transaction)
            .With("id", conversationId).With("after", watermark);
        return await ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
    }

    internal static async Task<IReadOnlyList<StoredActivity>> ReadRangeAsync(DbConnection connection, DbTransaction? transaction, string conversationId, long first,
        long last, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("SELECT seq, json FROM activities WHERE conversation_id = @id AND seq >= @first AND seq <= @last ORDER BY seq", transaction)
            .With("id", conversationId).With("first", first).With("last", last);
        return await ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
    }

    internal static async Task<StoredActivity?> FindByClientIdAsync(DbConnection connection, DbTransaction? transaction, string conversationId, string clientActivityId,
        CancellationToken cancellationToken)
    {
        await using var command = connection.Command("SELECT seq, json FROM activities WHERE conversation_id = @id AND client_id = @client", transaction)
            .With("id", conversationId).With("client", clientActivityId);
        var found = await ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
        return found.Count > 0 ? found[0] : null;
    }

    private static async Task<List<StoredActivity>> ReadAllAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var result = new List<StoredActivity>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new StoredActivity(reader.Whole(0), JsonSerializer.Deserialize<Activity>(reader.GetString(1), ActivityJson.Options)!));
        }

        return result;
    }
}
