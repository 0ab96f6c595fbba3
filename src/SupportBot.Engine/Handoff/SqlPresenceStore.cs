using System.Text.Json;
using SupportBot.Storage;

namespace SupportBot.Handoff;

/// <summary>Agent consoles' heartbeats in the shared <see cref="Database"/>.</summary>
internal sealed class SqlPresenceStore(Database database) : IPresenceStore
{
    public async Task BeatAsync(IReadOnlyList<ConsoleBeat> consoles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consoles);
        if (consoles.Count == 0)
        {
            return;
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var console in consoles)
        {
            await using var upsert = connection.Command("""
                INSERT INTO agent_presence (connection_id, agent_id, reasons, expires_at) VALUES (@id, @agent, @reasons, @expires)
                ON CONFLICT (connection_id) DO UPDATE SET expires_at = @expires
                """).With("id", console.ConnectionId).With("agent", console.AgentId).With("reasons", JsonSerializer.Serialize(console.Reasons))
                .WithTime("expires", console.ExpiresAt);
            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task EndAsync(string connectionId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var delete = connection.Command("DELETE FROM agent_presence WHERE connection_id = @id").With("id", connectionId);
        await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ConsoleBeat>> OpenAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("SELECT connection_id, agent_id, reasons, expires_at FROM agent_presence WHERE expires_at > @now").WithTime("now", now);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var open = new List<ConsoleBeat>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            open.Add(new ConsoleBeat(reader.GetString(0), reader.GetString(1), JsonSerializer.Deserialize<List<string>>(reader.GetString(2)) ?? [], reader.Time(3)));
        }

        return open;
    }
}
