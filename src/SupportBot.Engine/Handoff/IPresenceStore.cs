namespace SupportBot.Handoff;

/// <summary>One open agent console as the store keeps it, until it stops beating.</summary>
internal sealed record ConsoleBeat(string ConnectionId, string AgentId, IReadOnlyList<string> Reasons, DateTimeOffset ExpiresAt);

/// <summary>Agents' open consoles on every instance: heartbeat rows that lapse when an instance stops refreshing them.</summary>
internal interface IPresenceStore
{
    Task BeatAsync(IReadOnlyList<ConsoleBeat> consoles, CancellationToken cancellationToken);

    Task EndAsync(string connectionId, CancellationToken cancellationToken);

    /// <summary>The consoles whose last beat has not lapsed at <paramref name="now"/>.</summary>
    Task<IReadOnlyList<ConsoleBeat>> OpenAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
