using System.Data.Common;
using System.Text.Json;
using SupportBot.Schema;
using SupportBot.Storage;

namespace SupportBot.Privacy;

/// <summary>Retention and deletion on request over the shared <see cref="Database"/> the conversations and the handoff queue live in.</summary>
internal sealed class SqlPrivacyStore(Database database) : IPrivacyStore
{
    private const string OpenWork = "'Queued', 'Pending', 'Assigned', 'Ticket'";

    /// <summary>The channel user id of who wrote a stored activity.</summary>
    private string Writer => database.JsonText("json", "from", "id");

    /// <summary>The condition that a stored activity was written by a shopper.</summary>
    private string WrittenByShopper => $"{database.JsonText("json", "from", "role")} = 'user' AND {Writer} IS NOT NULL";

    public async Task<IReadOnlyList<string>> DueForRedactionAsync(DateTimeOffset startedBefore, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command($"""
            SELECT c.id FROM conversations c
            WHERE c.created_at < @before
              AND EXISTS (SELECT 1 FROM activities a WHERE a.conversation_id = c.id
                          AND a.seq > COALESCE((SELECT r.through_seq FROM redactions r WHERE r.conversation_id = c.id), -1))
              AND NOT EXISTS (SELECT 1 FROM handoffs h WHERE h.conversation_id = c.id AND h.status IN ({OpenWork}))
            ORDER BY c.created_at, c.id
            """).WithTime("before", startedBefore);
        return await ReadIdsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<PrivacyCounts> RewriteAsync(string conversationId, IReadOnlyList<StoredActivity> redacted, Func<string, string> redact, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(redacted);
        ArgumentNullException.ThrowIfNull(redact);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // Turns of the conversation wait while its history is rewritten.
        await database.LockConversationAsync(connection, transaction, conversationId, cancellationToken).ConfigureAwait(false);
        foreach (var activity in redacted)
        {
            await using var update = connection.Command("UPDATE activities SET json = @json WHERE conversation_id = @id AND seq = @seq", transaction)
                .With("id", conversationId).With("seq", activity.Sequence).With("json", JsonSerializer.Serialize(activity.Activity, ActivityJson.Options));
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var tickets = await RedactTicketsAsync(connection, transaction, conversationId, redact, cancellationToken).ConfigureAwait(false);

        // The insights keep counting the conversation; the order it was about goes with the transcript's personal data.
        await using (var facts = connection.Command("UPDATE turn_facts SET order_number = NULL WHERE conversation_id = @id", transaction).With("id", conversationId))
        {
            await facts.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await using (var mark = connection.Command($"""
            INSERT INTO redactions (conversation_id, through_seq, redacted_at) VALUES (@id, @seq, @at)
            ON CONFLICT (conversation_id) DO UPDATE SET through_seq = {database.Greatest("redactions.through_seq", "@seq")}, redacted_at = @at
            """, transaction).With("id", conversationId).With("seq", redacted.Count == 0 ? -1L : redacted.Max(a => a.Sequence)).WithTime("at", at))
        {
            await mark.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new PrivacyCounts(1, redacted.Count, tickets, 0);
    }

    private static async Task<int> RedactTicketsAsync(DbConnection connection, DbTransaction transaction, string conversationId, Func<string, string> redact, CancellationToken cancellationToken)
    {
        var tickets = new List<(string Id, string Summary, string Slots, string? Last)>();
        await using (var read = connection.Command("SELECT id, summary, slots, last_message FROM handoffs WHERE conversation_id = @id", transaction).With("id", conversationId))
        {
            await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                tickets.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
            }
        }

        foreach (var ticket in tickets)
        {
            var slots = JsonSerializer.Deserialize<Dictionary<string, string>>(ticket.Slots) ?? [];
            await using var update = connection.Command("""
                UPDATE handoffs SET shopper_name = NULL, email = NULL, summary = @summary, slots = @slots, last_message = @last WHERE id = @id
                """, transaction)
                .With("id", ticket.Id).With("summary", redact(ticket.Summary))
                .With("slots", JsonSerializer.Serialize(slots.ToDictionary(s => s.Key, s => redact(s.Value))))
                .With("last", ticket.Last is null ? null : redact(ticket.Last));
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return tickets.Count;
    }

    public async Task<int> RedactProfilesAsync(DateTimeOffset lastSeenBefore, bool dryRun, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(dryRun
            ? "SELECT COUNT(*) FROM users WHERE last_seen < @before AND name IS NOT NULL"
            : "UPDATE users SET name = NULL WHERE last_seen < @before AND name IS NOT NULL").WithTime("before", lastSeenBefore);
        return dryRun
            ? Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture)
            : await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> FindAsync(ShopperQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);

        // An e-mail is looked for in the stored JSON as the shopper typed it (LIKE ignores ASCII case), with the
        // pattern's own wildcards escaped, and on tickets, where the address was taken for a reply.
        var like = database.LikeIgnoringCase;
        await using var command = connection.Command($"""
            SELECT id FROM conversations WHERE id = @conversation OR user_id = @user
            UNION SELECT DISTINCT conversation_id FROM activities WHERE @user IS NOT NULL AND {Writer} = @user
            UNION SELECT conversation_id FROM handoffs WHERE {database.EqualsIgnoringCase("email", "@email")} OR shopper_id = @user
            UNION SELECT DISTINCT conversation_id FROM activities WHERE json {like} @pattern ESCAPE '\' OR json {like} @encoded ESCAPE '\'
            """)
            .With("conversation", Nullable(query.ConversationId)).With("user", Nullable(query.UserId)).With("email", Nullable(query.Email))
            .With("pattern", Like(query.Email))

            // The JSON writer escapes some characters an address may hold ('+' becomes \u002B), so the stored form is looked for too.
            .With("encoded", Like(string.IsNullOrWhiteSpace(query.Email) ? null : JsonSerializer.Serialize(query.Email.Trim(), ActivityJson.Options).Trim('"')));
        return await ReadIdsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<PrivacyCounts> DeleteAsync(IReadOnlyList<string> conversationIds, ShopperQuery query, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationIds);
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var list = connection.Command("CREATE TEMP TABLE IF NOT EXISTS doomed (id TEXT PRIMARY KEY); DELETE FROM doomed;", transaction))
        {
            await list.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var id in conversationIds)
        {
            await using var add = connection.Command("INSERT INTO doomed (id) VALUES (@id) ON CONFLICT (id) DO NOTHING", transaction).With("id", id);
            await add.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // Profiles go with the conversations when their shopper (the conversation's user, or who wrote in it) has no
        // other conversation left, and by id when asked.
        var profiles = $"""
            FROM users WHERE id = @user
               OR (id IN (SELECT {Writer} FROM activities WHERE conversation_id IN (SELECT id FROM doomed) AND {WrittenByShopper}
                          UNION SELECT user_id FROM conversations WHERE id IN (SELECT id FROM doomed))
                   AND id NOT IN (SELECT user_id FROM conversations WHERE user_id IS NOT NULL AND id NOT IN (SELECT id FROM doomed))
                   AND id NOT IN (SELECT {Writer} FROM activities WHERE conversation_id NOT IN (SELECT id FROM doomed) AND {WrittenByShopper}))
            """;
        string[] statements = dryRun
            ? [
                "SELECT COUNT(*) FROM conversations WHERE id IN (SELECT id FROM doomed)",
                "SELECT COUNT(*) FROM activities WHERE conversation_id IN (SELECT id FROM doomed)",
                "SELECT COUNT(*) FROM handoffs WHERE conversation_id IN (SELECT id FROM doomed)",
                "SELECT COUNT(*) " + profiles,
            ]
            : [
                "DELETE " + profiles,
                "DELETE FROM activities WHERE conversation_id IN (SELECT id FROM doomed)",
                "DELETE FROM handoffs WHERE conversation_id IN (SELECT id FROM doomed)",
                "DELETE FROM turn_facts WHERE conversation_id IN (SELECT id FROM doomed)",
                "DELETE FROM answer_feedback WHERE conversation_id IN (SELECT id FROM doomed)",
                "DELETE FROM redactions WHERE conversation_id IN (SELECT id FROM doomed)",
                "DELETE FROM conversations WHERE id IN (SELECT id FROM doomed)",
            ];
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var statement in statements)
        {
            await using var command = connection.Command(statement, transaction).With("user", Nullable(query.UserId));
            var count = dryRun
                ? Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture)
                : await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            counts[Table(statement)] = count;
        }

        await using (var drop = connection.Command("DROP TABLE doomed", transaction))
        {
            await drop.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new PrivacyCounts(counts["conversations"], counts["activities"], counts["handoffs"], counts["users"]);
    }

    /// <summary>The table a statement counts or deletes from (the first after FROM).</summary>
    private static string Table(string statement)
    {
        var from = statement.IndexOf("FROM ", StringComparison.Ordinal) + 5;
        return statement[from..].Split(' ', '\n', '\r')[0];
    }

    private static async Task<IReadOnlyList<string>> ReadIdsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private static string? Nullable(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? Like(string? value) => Nullable(string.IsNullOrWhiteSpace(value) ? null : "%" + Escape(value.Trim()) + "%");

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
