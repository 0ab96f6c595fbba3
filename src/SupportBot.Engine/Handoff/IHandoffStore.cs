namespace SupportBot.Handoff;

/// <summary>The persistent queue of handed-off conversations: it survives restarts, and a claim is won by exactly one agent.</summary>
public interface IHandoffStore
{
    Task AddAsync(HandoffTicket ticket, CancellationToken cancellationToken);

    Task<HandoffTicket?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>Queued, pending, assigned and ticket entries in queue order.</summary>
    Task<IReadOnlyList<HandoffTicket>> ListWorkAsync(CancellationToken cancellationToken);

    /// <summary>Moves a ticket from one of <paramref name="fromStatuses"/> to <paramref name="toStatus"/>; false when it was not in one of them (someone else got there first).</summary>
    Task<bool> TransitionAsync(string id, IReadOnlyCollection<HandoffStatus> fromStatuses, HandoffStatus toStatus, HandoffChange change, CancellationToken cancellationToken);

    Task<bool> RateAsync(string id, int rating, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>How long the most recently claimed conversations waited, newest first.</summary>
    Task<IReadOnlyList<TimeSpan>> RecentWaitsAsync(int count, CancellationToken cancellationToken);
}

/// <summary>What a transition writes besides the status (only the non-null fields).</summary>
public sealed record HandoffChange(DateTimeOffset At)
{
    public string? AgentId { get; init; }

    public string? AgentName { get; init; }

    public string? Email { get; init; }

    public string? LastMessage { get; init; }
}
