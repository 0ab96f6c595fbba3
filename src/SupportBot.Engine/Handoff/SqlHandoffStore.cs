using System.Data.Common;
using System.Text.Json;
using SupportBot.Storage;

namespace SupportBot.Handoff;

/// <summary>The handoff queue in the shared <see cref="Database"/>, so a restart keeps every waiting shopper and every instance sees one queue.</summary>
internal sealed class SqlHandoffStore(Database database) : IHandoffStore
{
    private const string Columns = """
        id, conversation_id, channel_id, service_url, shopper_id, shopper_name, reason, signals, intent, confidence, summary, slots,
        last_message, priority, status, agent_id, agent_name, email, created_at, rank_at, claimed_at, closed_at, rating
        """;

    /// <summary>The columns read: the ticket's own, and its conversation's language as it stands now (it may change after the handoff).</summary>
    private const string ReadColumns = Columns + ", (SELECT c.language FROM conversations c WHERE c.id = handoffs.conversation_id)";

    private static readonly string[] OpenStatuses = [nameof(HandoffStatus.Queued), nameof(HandoffStatus.Pending), nameof(HandoffStatus.Assigned)];

    private static readonly string[] WorkStatuses = [nameof(HandoffStatus.Queued), nameof(HandoffStatus.Pending), nameof(HandoffStatus.Assigned), nameof(HandoffStatus.Ticket)];

    public async Task AddAsync(HandoffTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("");
        AddInsert(command, ticket, "h");
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds the ticket's insert, as it stands (a new one is queued, unclaimed and unrated), to <paramref name="command"/>.</summary>
    /// <param name="prefix">Names the ticket's parameters, so that one command can carry it with other statements.</param>
    internal static void AddInsert(DbCommand command, HandoffTicket ticket, string prefix)
    {
        var p = "@" + prefix;
        command.CommandText += $"""
            INSERT INTO handoffs ({Columns}) VALUES ({p}_id, {p}_conversation, {p}_channel, {p}_service, {p}_shopper, {p}_shopper_name, {p}_reason,
                {p}_signals, {p}_intent, {p}_confidence, {p}_summary, {p}_slots, {p}_last, {p}_priority, {p}_status, {p}_agent, {p}_agent_name, {p}_email,
                {p}_created, {p}_rank, {p}_claimed, {p}_closed, CAST({p}_rating AS INTEGER))
            """ + ";\n";
        command.With(prefix + "_id", ticket.Id).With(prefix + "_conversation", ticket.ConversationId).With(prefix + "_channel", ticket.ChannelId)
            .With(prefix + "_service", ticket.ServiceUrl).With(prefix + "_shopper", ticket.ShopperId).With(prefix + "_shopper_name", ticket.ShopperName)
            .With(prefix + "_reason", ticket.Reason).With(prefix + "_signals", JsonSerializer.Serialize(ticket.Signals)).With(prefix + "_intent", ticket.Intent)
            .With(prefix + "_confidence", ticket.Confidence).With(prefix + "_summary", ticket.Summary).With(prefix + "_slots", JsonSerializer.Serialize(ticket.Slots))
            .With(prefix + "_last", ticket.LastMessage).With(prefix + "_priority", ticket.Priority).With(prefix + "_status", ticket.Status.ToString())
            .With(prefix + "_agent", ticket.AgentId).With(prefix + "_agent_name", ticket.AgentName).With(prefix + "_email", ticket.Email)
            .WithTime(prefix + "_created", ticket.CreatedAt).WithTime(prefix + "_rank", ticket.RankAt).WithTime(prefix + "_claimed", ticket.ClaimedAt)
            .WithTime(prefix + "_closed", ticket.ClosedAt).With(prefix + "_rating", ticket.Rating);
    }

    public async Task<HandoffTicket?> FindAsync(string id, CancellationToken cancellationToken) =>
        First(await QueryAsync("id = @a", id, cancellationToken).ConfigureAwait(false));

    public async Task<HandoffTicket?> FindOpenAsync(string conversationId, CancellationToken cancellationToken) =>
        First(await QueryAsync(OpenOf("@a"), conversationId, cancellationToken).ConfigureAwait(false));

    /// <summary>Where a conversation stands with people, read by a turn with its own first reads (<see cref="ITurnStore.BeginAsync{T}"/>).</summary>
    public static ITurnOpeningRead<HandoffStanding> Standing { get; } = new StandingRead();

    /// <summary>
    /// Two statements: the open ticket (none, or one row of the ticket's columns, read by <see cref="Read"/>) and
    /// whether a rating question is waiting (a count).
    /// </summary>
    private sealed class StandingRead : ITurnOpeningRead<HandoffStanding>
    {
        public string Sql(string conversationParameter) =>
            $"SELECT {ReadColumns} FROM handoffs WHERE {OpenOf(conversationParameter)} LIMIT 1;\n"
            + $"SELECT COUNT(*) FROM handoffs WHERE conversation_id = {conversationParameter} AND awaiting_rating = 1;\n";

        public async Task<HandoffStanding> ReadAsync(DbDataReader reader, CancellationToken cancellationToken)
        {
            var open = await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            return new HandoffStanding(open, reader.Whole(0) > 0);
        }
    }

    private static string OpenOf(string conversationParameter) =>
        $"conversation_id = {conversationParameter} AND status IN ({InList(OpenStatuses)}) ORDER BY created_at DESC";

    public async Task<int> AheadOfAsync(HandoffTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("""
            SELECT COUNT(*) FROM handoffs WHERE status = 'Queued' AND id <> @id AND (rank_at < @rank OR (rank_at = @rank AND id < @id))
            """).With("id", ticket.Id).WithTime("rank", ticket.RankAt);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<string?> TakeRatingQuestionAsync(string conversationId, DateTimeOffset askedSince, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);

        // Nearly every message finds no question: a read says so without taking the writer's turn.
        await using (var asked = connection.Command("SELECT 1 FROM handoffs WHERE conversation_id = @conversation AND awaiting_rating = 1").With("conversation", conversationId))
        {
            if (await asked.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
            {
                return null;
            }
        }

        using var writer = await database.WriterAsync(cancellationToken).ConfigureAwait(false);

        // Taken in one statement, so of two instances answering at once only one sees the question; a lapsed one is
        // taken too, so it cannot come back.
        await using var command = connection.Command("UPDATE handoffs SET awaiting_rating = 0 WHERE conversation_id = @conversation AND awaiting_rating = 1 RETURNING id, closed_at")
            .With("conversation", conversationId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        (string Id, DateTimeOffset At)? latest = null;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (reader.TimeOrNull(1) is { } at && at >= askedSince && (latest is null || at > latest.Value.At))
            {
                latest = (reader.GetString(0), at);
            }
        }

        return latest?.Id;
    }

    public Task<IReadOnlyList<HandoffTicket>> ListWorkAsync(CancellationToken cancellationToken) =>
        QueryAsync($"status IN ({InList(WorkStatuses)}) ORDER BY rank_at, {database.InsertionOrder}", null, cancellationToken);

    public async Task<bool> TransitionAsync(string id, IReadOnlyCollection<HandoffStatus> fromStatuses, HandoffStatus toStatus, HandoffChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fromStatuses);
        ArgumentNullException.ThrowIfNull(change);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);

        // One conditional UPDATE: the database runs it atomically, so of several agents claiming at once (on any
        // instance) exactly one finds the row still queued.
        var claimed = toStatus == HandoffStatus.Assigned ? ", claimed_at = COALESCE(claimed_at, @at)" : "";
        var closed = toStatus is HandoffStatus.Resolved or HandoffStatus.Returned or HandoffStatus.Cancelled ? ", closed_at = @at" : "";
        var rating = change.AskRating ? ", awaiting_rating = 1" : "";
        await using var command = connection.Command($"""
            UPDATE handoffs SET status = @to, agent_id = COALESCE(@agent, agent_id), agent_name = COALESCE(@agent_name, agent_name),
                email = COALESCE(@email, email), last_message = COALESCE(@last, last_message){claimed}{closed}{rating}
            WHERE id = @id AND status IN ({InList(fromStatuses.Select(s => s.ToString()))})
            """)
            .With("id", id).With("to", toStatus.ToString()).With("agent", change.AgentId).With("agent_name", change.AgentName)
            .With("email", change.Email).With("last", change.LastMessage).WithTime("at", change.At);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<bool> RateAsync(string id, int rating, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("UPDATE handoffs SET rating = @rating, rated_at = @at WHERE id = @id AND rating IS NULL")
            .With("id", id).With("rating", rating).WithTime("at", at);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<IReadOnlyList<TimeSpan>> RecentWaitsAsync(int count, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("SELECT created_at, claimed_at FROM handoffs WHERE claimed_at IS NOT NULL ORDER BY claimed_at DESC LIMIT @n")
            .With("n", count);
        var waits = new List<TimeSpan>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            waits.Add(reader.Time(1) - reader.Time(0));
        }

        return waits;
    }

    private async Task<IReadOnlyList<HandoffTicket>> QueryAsync(string where, string? a, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command($"SELECT {ReadColumns} FROM handoffs WHERE {where}").With("a", a);
        var tickets = new List<HandoffTicket>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            tickets.Add(Read(reader));
        }

        return tickets;
    }

    internal static HandoffTicket Read(DbDataReader r) => new()
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
        Priority = (int)r.Whole(13),
        Status = Enum.Parse<HandoffStatus>(r.GetString(14)),
        AgentId = Text(r, 15),
        AgentName = Text(r, 16),
        Email = Text(r, 17),
        CreatedAt = r.Time(18),
        ClaimedAt = r.TimeOrNull(20),
        ClosedAt = r.TimeOrNull(21),
        Rating = r.IsDBNull(22) ? null : (int)r.Whole(22),
        Language = Text(r, 23),
    };

    private static HandoffTicket? First(IReadOnlyList<HandoffTicket> tickets) => tickets.Count > 0 ? tickets[0] : null;

    private static string? Text(DbDataReader reader, int ordinal) => reader.TextOrNull(ordinal);

    private static string InList(IEnumerable<string> values) => string.Join(", ", values.Select(v => $"'{v}'"));
}
