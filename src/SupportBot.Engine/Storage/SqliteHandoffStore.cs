using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SupportBot.Handoff;

namespace SupportBot.Storage;

/// <summary>The handoff queue in the same SQLite file as the conversations, so a restart keeps every waiting shopper.</summary>
public sealed class SqliteHandoffStore : IHandoffStore
{
    private const string Columns = """
        id, conversation_id, channel_id, service_url, shopper_id, shopper_name, reason, signals, intent, confidence, summary, slots,
        last_message, priority, status, agent_id, agent_name, email, created_at, rank_at, claimed_at, closed_at, rating
        """;

    private static readonly string[] WorkStatuses = [nameof(HandoffStatus.Queued), nameof(HandoffStatus.Pending), nameof(HandoffStatus.Assigned), nameof(HandoffStatus.Ticket)];

    private readonly SqliteFile _file;

    public SqliteHandoffStore(IOptions<StorageOptions> options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        _file = new SqliteFile(Path.Combine(options.Value.DataFolder(environment.ContentRootPath), SqliteConversationStore.FileName));
        Migrate();
    }

    public async Task AddAsync(HandoffTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        await using var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO handoffs ({Columns}) VALUES ($id, $conversation, $channel, $service, $shopper, $shopper_name, $reason, $signals, $intent,
                $confidence, $summary, $slots, $last, $priority, $status, $agent, $agent_name, $email, $created, $rank, NULL, NULL, NULL)
            """;
        command.Parameters.AddWithValue("$id", ticket.Id);
        command.Parameters.AddWithValue("$conversation", ticket.ConversationId);
        command.Parameters.AddWithValue("$channel", Nullable(ticket.ChannelId));
        command.Parameters.AddWithValue("$service", Nullable(ticket.ServiceUrl));
        command.Parameters.AddWithValue("$shopper", Nullable(ticket.ShopperId));
        command.Parameters.AddWithValue("$shopper_name", Nullable(ticket.ShopperName));
        command.Parameters.AddWithValue("$reason", ticket.Reason);
        command.Parameters.AddWithValue("$signals", JsonSerializer.Serialize(ticket.Signals));
        command.Parameters.AddWithValue("$intent", Nullable(ticket.Intent));
        command.Parameters.AddWithValue("$confidence", ticket.Confidence);
        command.Parameters.AddWithValue("$summary", ticket.Summary);
        command.Parameters.AddWithValue("$slots", JsonSerializer.Serialize(ticket.Slots));
        command.Parameters.AddWithValue("$last", Nullable(ticket.LastMessage));
        command.Parameters.AddWithValue("$priority", ticket.Priority);
        command.Parameters.AddWithValue("$status", ticket.Status.ToString());
        command.Parameters.AddWithValue("$agent", Nullable(ticket.AgentId));
        command.Parameters.AddWithValue("$agent_name", Nullable(ticket.AgentName));
        command.Parameters.AddWithValue("$email", Nullable(ticket.Email));
        command.Parameters.AddWithValue("$created", SqliteTime.Write(ticket.CreatedAt));
        command.Parameters.AddWithValue("$rank", SqliteTime.Write(ticket.RankAt));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<HandoffTicket?> FindAsync(string id, CancellationToken cancellationToken) =>
        First(await QueryAsync("id = $a", id, cancellationToken).ConfigureAwait(false));

    public Task<IReadOnlyList<HandoffTicket>> ListWorkAsync(CancellationToken cancellationToken) =>
        QueryAsync($"status IN ({InList(WorkStatuses)}) ORDER BY rank_at, rowid", null, cancellationToken);

    public async Task<bool> TransitionAsync(string id, IReadOnlyCollection<HandoffStatus> fromStatuses, HandoffStatus toStatus, HandoffChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fromStatuses);
        ArgumentNullException.ThrowIfNull(change);
        await using var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();

        // One conditional UPDATE: SQLite runs writers one at a time, so of several agents claiming at once exactly one
        // finds the row still queued.
        var claimed = toStatus == HandoffStatus.Assigned ? ", claimed_at = COALESCE(claimed_at, $at)" : "";
        var closed = toStatus is HandoffStatus.Resolved or HandoffStatus.Returned or HandoffStatus.Cancelled ? ", closed_at = $at" : "";
        command.CommandText = $"""
            UPDATE handoffs SET status = $to, agent_id = COALESCE($agent, agent_id), agent_name = COALESCE($agent_name, agent_name),
                email = COALESCE($email, email), last_message = COALESCE($last, last_message){claimed}{closed}
            WHERE id = $id AND status IN ({InList(fromStatuses.Select(s => s.ToString()))})
            """;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$to", toStatus.ToString());
        command.Parameters.AddWithValue("$agent", Nullable(change.AgentId));
        command.Parameters.AddWithValue("$agent_name", Nullable(change.AgentName));
        command.Parameters.AddWithValue("$email", Nullable(change.Email));
        command.Parameters.AddWithValue("$last", Nullable(change.LastMessage));
        command.Parameters.AddWithValue("$at", SqliteTime.Write(change.At));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<bool> RateAsync(string id, int rating, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE handoffs SET rating = $rating, rated_at = $at WHERE id = $id AND rating IS NULL";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$rating", rating);
        command.Parameters.AddWithValue("$at", SqliteTime.Write(at));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<IReadOnlyList<TimeSpan>> RecentWaitsAsync(int count, CancellationToken cancellationToken)
    {
        await using var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT created_at, claimed_at FROM handoffs WHERE claimed_at IS NOT NULL ORDER BY claimed_at DESC LIMIT $n";
        command.Parameters.AddWithValue("$n", count);
        var waits = new List<TimeSpan>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            waits.Add(SqliteTime.Read(reader.GetString(1)) - SqliteTime.Read(reader.GetString(0)));
        }

        return waits;
    }

    private async Task<IReadOnlyList<HandoffTicket>> QueryAsync(string where, string? a, CancellationToken cancellationToken)
    {
        await using var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM handoffs WHERE {where}";
        command.Parameters.AddWithValue("$a", Nullable(a));
        var tickets = new List<HandoffTicket>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            tickets.Add(Read(reader));
        }

        return tickets;
    }

    private static HandoffTicket Read(SqliteDataReader r) => new()
    {
        Id = r.GetString(0),
        ConversationId = r.GetString(1),
        ChannelId = Text(r, 2),
        ServiceUrl = Text(r, 3),
        ShopperId = Text(r, 4),
        ShopperName = Text(r, 5),
        Reason = r.GetString(6),
        Signals = JsonSerializer.Deserialize<Dictionary<string, string>>(r.GetString(7)) ?? [],
        Intent = Text(r, 8),
        Confidence = r.GetDouble(9),
        Summary = r.GetString(10),
        Slots = JsonSerializer.Deserialize<Dictionary<string, string>>(r.GetString(11)) ?? [],
        LastMessage = Text(r, 12),
        Priority = r.GetInt32(13),
        Status = Enum.Parse<HandoffStatus>(r.GetString(14)),
        AgentId = Text(r, 15),
        AgentName = Text(r, 16),
        Email = Text(r, 17),
        CreatedAt = SqliteTime.Read(r.GetString(18)),
        ClaimedAt = r.IsDBNull(20) ? null : SqliteTime.Read(r.GetString(20)),
        ClosedAt = r.IsDBNull(21) ? null : SqliteTime.Read(r.GetString(21)),
        Rating = r.IsDBNull(22) ? null : r.GetInt32(22),
    };

    private static HandoffTicket? First(IReadOnlyList<HandoffTicket> tickets) => tickets.Count > 0 ? tickets[0] : null;

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static object Nullable(string? value) => (object?)value ?? DBNull.Value;

    private static string InList(IEnumerable<string> values) => string.Join(", ", values.Select(v => $"'{v}'"));

    private void Migrate() => _file.Migrate("""
            CREATE TABLE IF NOT EXISTS handoffs (
                id TEXT PRIMARY KEY,
                conversation_id TEXT NOT NULL,
                channel_id TEXT,
                service_url TEXT,
                shopper_id TEXT,
                shopper_name TEXT,
                reason TEXT NOT NULL,
                signals TEXT NOT NULL,
                intent TEXT,
                confidence REAL NOT NULL,
                summary TEXT NOT NULL,
                slots TEXT NOT NULL,
                last_message TEXT,
                priority INTEGER NOT NULL,
                status TEXT NOT NULL,
                agent_id TEXT,
                agent_name TEXT,
                email TEXT,
                created_at TEXT NOT NULL,
                rank_at TEXT NOT NULL,
                claimed_at TEXT,
                closed_at TEXT,
                rating INTEGER,
                rated_at TEXT);
            CREATE INDEX IF NOT EXISTS handoffs_conversation ON handoffs (conversation_id, created_at);
            CREATE INDEX IF NOT EXISTS handoffs_work ON handoffs (status, rank_at);
            CREATE INDEX IF NOT EXISTS handoffs_claimed ON handoffs (claimed_at) WHERE claimed_at IS NOT NULL;
        """);
}
