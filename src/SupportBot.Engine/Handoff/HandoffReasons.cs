namespace SupportBot.Handoff;

/// <summary>Why a conversation went to a person: recorded in the trace, the queue and the <c>handoff.initiate</c> event.</summary>
internal static class HandoffReasons
{
    public const string Requested = "requested";
    public const string LowConfidence = "low_confidence";
    public const string RepeatedFallback = "repeated_fallback";
    public const string Frustration = "frustration";
    public const string Sensitive = "sensitive";
    public const string VerificationFailed = "verification_failed";
    public const string LostParcelClaim = "lost_parcel_claim";
    public const string OrderSystemUnavailable = "order_system_unavailable";

    /// <summary>What an agent reads in the queue.</summary>
    public static string Describe(string reason) => reason switch
    {
        Requested => "Asked for a person",
        LowConfidence => "The bot had no answer",
        RepeatedFallback => "The bot failed twice in a row",
        Frustration => "Shopper sounds frustrated",
        Sensitive => "Sensitive topic",
        VerificationFailed => "Could not verify the order",
        LostParcelClaim => "Lost parcel claim",
        OrderSystemUnavailable => "Order system was down",
        _ => reason.Replace('_', ' '),
    };
}

/// <summary>Where a handed-off conversation stands.</summary>
internal enum HandoffStatus
{
    /// <summary>Waiting for an agent.</summary>
    Queued,

    /// <summary>An agent (ours or an external platform's) owns the conversation; the bot is silent.</summary>
    Assigned,

    /// <summary>Left as a message with an e-mail address while no one was available; the chat itself is back with the bot.</summary>
    Ticket,

    /// <summary>Sent to an external contact centre with <c>handoff.initiate</c>, not yet accepted.</summary>
    Pending,

    Resolved,

    /// <summary>The agent handed the conversation back to the bot.</summary>
    Returned,

    /// <summary>The shopper left the queue, or the external platform could not take it.</summary>
    Cancelled,
}

/// <summary>A conversation handed to people: the queue entry, what the bot knew, and how it ended.</summary>
internal sealed record HandoffTicket
{
    public required string Id { get; init; }

    public required string ConversationId { get; init; }

    public string? ChannelId { get; init; }

    public string? ServiceUrl { get; init; }

    public string? ShopperId { get; init; }

    public string? ShopperName { get; init; }

    public required string Reason { get; init; }

    public IReadOnlyDictionary<string, string> Signals { get; init; } = new Dictionary<string, string>();

    public string? Intent { get; init; }

    public double Confidence { get; init; }

    public string Summary { get; init; } = "";

    /// <summary>The conversation's language now (two letters, read from the conversation's row); null when it has none.</summary>
    public string? Language { get; init; }

    public IReadOnlyDictionary<string, string> Slots { get; init; } = new Dictionary<string, string>();

    /// <summary>The shopper's message that led to the handoff (for the queue and the suggested reply).</summary>
    public string? LastMessage { get; init; }

    /// <summary>Minutes of waiting the reason is worth in the queue order.</summary>
    public int Priority { get; init; }

    public HandoffStatus Status { get; init; }

    public string? AgentId { get; init; }

    public string? AgentName { get; init; }

    public string? Email { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ClaimedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public int? Rating { get; init; }

    /// <summary>Queued or owned: the bot must not answer as if it were its conversation.</summary>
    public bool IsOpen => Status is HandoffStatus.Queued or HandoffStatus.Assigned or HandoffStatus.Pending;

    /// <summary>The queue's order: earlier is served first; the priority counts as that many minutes of waiting.</summary>
    public DateTimeOffset RankAt => CreatedAt - TimeSpan.FromMinutes(Priority);
}
