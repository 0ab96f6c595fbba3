namespace SupportBot.Handoff;

/// <summary>The persistent queue of handed-off conversations: it survives restarts, and a claim is won by exactly one agent.</summary>
internal interface IHandoffStore
{
    Task AddAsync(HandoffTicket ticket, CancellationToken cancellationToken);

    Task<HandoffTicket?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>The conversation's open handoff (queued, pending with a platform, or owned by an agent), read from the store: every instance sees the same.</summary>
    Task<HandoffTicket?> FindOpenAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>How many queued entries are ahead of <paramref name="ticket"/> in the queue's order.</summary>
    Task<int> AheadOfAsync(HandoffTicket ticket, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the conversation's open rating question (asked when a person resolved it), if there is one: the question is
    /// answered by the next message, whatever it says, and on whichever instance it arrives. Returns the ticket id only
    /// when the question was asked at or after <paramref name="askedSince"/>; an older one is taken and lapses unanswered.
    /// </summary>
    Task<string?> TakeRatingQuestionAsync(string conversationId, DateTimeOffset askedSince, CancellationToken cancellationToken);

    /// <summary>Queued, pending, assigned and ticket entries in queue order.</summary>
    Task<IReadOnlyList<HandoffTicket>> ListWorkAsync(CancellationToken cancellationToken);

    /// <summary>Moves a ticket from one of <paramref name="fromStatuses"/> to <paramref name="toStatus"/>; false when it was not in one of them (someone else got there first).</summary>
    Task<bool> TransitionAsync(string id, IReadOnlyCollection<HandoffStatus> fromStatuses, HandoffStatus toStatus, HandoffChange change, CancellationToken cancellationToken);

    Task<bool> RateAsync(string id, int rating, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>How long the most recently claimed conversations waited, newest first.</summary>
    Task<IReadOnlyList<TimeSpan>> RecentWaitsAsync(int count, CancellationToken cancellationToken);
}

/// <summary>What a transition writes besides the status (only the non-null fields).</summary>
internal sealed record HandoffChange(DateTimeOffset At)
{
    public string? AgentId { get; init; }

    public string? AgentName { get; init; }

    public string? Email { get; init; }

    public string? LastMessage { get; init; }

    /// <summary>The shopper is asked to rate the help: their next message may be the rating.</summary>
    public bool AskRating { get; init; }
}
