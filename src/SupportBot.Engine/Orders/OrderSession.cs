using System.Collections.Concurrent;
using SupportBot.Conversation;
using SupportBot.Conversation.Schema;

namespace SupportBot.Orders;

/// <summary>The self-service flows a conversation can be in.</summary>
public static class OrderFlow
{
    public const string Status = "order_status";
    public const string Return = "start_return";
    public const string ReturnStatus = "return_status";
    public const string Cancel = "cancel_order";
    public const string ChangeAddress = "change_address";
}

/// <summary>
/// What one conversation has established about orders: the flow it is in and its step, the slots collected, and who
/// the shopper proved to be. It lives only as long as the conversation (see <see cref="OrderSessions"/>): a
/// verification never carries over to another conversation.
/// </summary>
public sealed class OrderSession
{
    public string? Flow { get; set; }

    public string? Step { get; set; }

    /// <summary>The order number the shopper gave (or picked), verified or not.</summary>
    public string? OrderNumber { get; set; }

    /// <summary>The e-mail or postal code the shopper gave to prove the order is theirs.</summary>
    public string? Proof { get; set; }

    /// <summary>The customer whose order the shopper proved (see <see cref="MayRead"/> for which of their orders).</summary>
    public string? VerifiedCustomerId { get; set; }

    /// <summary>
    /// The shopper gave the e-mail on one of the customer's orders: all their orders may be read and changed. A
    /// ZIP/postal code proves less (anyone near the shopper knows it): it shows that one order's status and tracking.
    /// </summary>
    public bool VerifiedByEmail { get; set; }

    /// <summary>The orders proved by their ZIP/postal code only.</summary>
    public HashSet<string> VerifiedByPostalCode { get; } = new(StringComparer.Ordinal);

    /// <summary>Who sends the current turn, set by the engine at the start of each turn; verification failures count against it.</summary>
    public ClientIdentity Client { get; set; } = ClientIdentity.Unknown;

    public string? FirstName { get; set; }

    public int FailedVerifications { get; set; }

    /// <summary>Return lines picked in the return flow.</summary>
    public List<string> SelectedLines { get; } = [];

    public string? ReturnReason { get; set; }

    /// <summary>The new address typed in the change-address flow, waiting for confirmation.</summary>
    public Address? PendingAddress { get; set; }

    public DateTimeOffset LastUsed { get; set; }

    /// <summary>The buttons of the last question, offered again when the flow resumes after an interruption.</summary>
    public IReadOnlyList<CardAction> PendingActions { get; set; } = [];

    /// <summary>The lines offered in the return flow's item choice.</summary>
    public IReadOnlyList<OrderItem> PendingLines { get; set; } = [];

    public bool IsVerified => VerifiedCustomerId is not null;

    /// <summary>The order's status and tracking may be shown: it is the verified customer's, proved by e-mail or by its own postal code.</summary>
    public bool MayRead(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return IsVerified && order.CustomerId == VerifiedCustomerId && (VerifiedByEmail || VerifiedByPostalCode.Contains(order.Number));
    }

    /// <summary>The order may be cancelled, re-addressed or returned, and its full details shown: the customer proved it by e-mail.</summary>
    public bool MayChange(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return IsVerified && order.CustomerId == VerifiedCustomerId && VerifiedByEmail;
    }

    /// <summary>What the handoff rules remember about this conversation (fallbacks in a row, recent messages, an open offer).</summary>
    public Handoff.HandoffMemory Handoff { get; } = new();

    /// <summary>Leaves the current flow; what the shopper proved stays for the rest of the conversation.</summary>
    public void EndFlow()
    {
        Flow = null;
        Step = null;
        SelectedLines.Clear();
        ReturnReason = null;
        PendingAddress = null;
        PendingActions = [];
        PendingLines = [];
    }

    /// <summary>The slots a person taking over needs, without the proof itself.</summary>
    public IReadOnlyDictionary<string, string> Summary()
    {
        var slots = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string key, string? value)
        {
            if (value is not null)
            {
                slots[key] = value;
            }
        }

        Add("flow", Flow);
        Add("step", Step);
        Add("order_number", OrderNumber);
        Add("verified", IsVerified ? "yes" : "no");
        Add("verified_by", !IsVerified ? null : VerifiedByEmail ? "email" : "postal_code");
        Add("failed_verifications", FailedVerifications > 0 ? FailedVerifications.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        Add("return_lines", SelectedLines.Count > 0 ? string.Join(",", SelectedLines) : null);
        Add("return_reason", ReturnReason);
        return slots;
    }
}

/// <summary>
/// The order sessions of live conversations, forgotten after <see cref="IdleLifetime"/> without a turn, so a
/// verification expires with its conversation and memory stays bounded.
/// </summary>
public sealed class OrderSessions(TimeProvider time)
{
    public static readonly TimeSpan IdleLifetime = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<string, OrderSession> _sessions = new(StringComparer.Ordinal);
    private long _lastSweep;

    /// <summary>The session of a conversation (a new one when it had none or it expired). Callers hold the conversation's turn.</summary>
    public OrderSession For(string conversationId)
    {
        var now = time.GetUtcNow();
        Sweep(now);
        var session = _sessions.GetOrAdd(conversationId, _ => new OrderSession { LastUsed = now });
        if (now - session.LastUsed > IdleLifetime)
        {
            session = new OrderSession { LastUsed = now };
            _sessions[conversationId] = session;
        }

        session.LastUsed = now;
        return session;
    }

    /// <summary>Ends a conversation's session now (the shopper left, or a person took over).</summary>
    public void Forget(string conversationId) => _sessions.TryRemove(conversationId, out _);

    private void Sweep(DateTimeOffset now)
    {
        var last = Interlocked.Read(ref _lastSweep);
        if (now.UtcTicks - last < IdleLifetime.Ticks / 10 || Interlocked.CompareExchange(ref _lastSweep, now.UtcTicks, last) != last)
        {
            return;
        }

        foreach (var (id, session) in _sessions)
        {
            if (now - session.LastUsed > IdleLifetime)
            {
                _sessions.TryRemove(id, out _);
            }
        }
    }
}
