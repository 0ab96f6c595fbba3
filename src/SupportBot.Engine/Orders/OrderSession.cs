using System.Text.Json.Serialization;
using SupportBot.Replies;
using SupportBot.Schema;

namespace SupportBot.Orders;

/// <summary>The self-service flows a conversation can be in.</summary>
internal static class OrderFlow
{
    public const string Status = "order_status";
    public const string Return = "start_return";
    public const string ReturnStatus = "return_status";
    public const string Cancel = "cancel_order";
    public const string ChangeAddress = "change_address";
    public const string Exchange = "exchange";
}

/// <summary>
/// What one conversation has established about orders: the flow it is in and its step, the slots collected, and who
/// the shopper proved to be. Saved with the conversation's state after every turn and forgotten with it after the
/// idle lifetime: a verification never carries over to another conversation.
/// </summary>
internal sealed class OrderSession
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
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public HashSet<string> VerifiedByPostalCode { get; } = new(StringComparer.Ordinal);

    /// <summary>Who sends the current turn, set by the engine at the start of each turn; verification failures count against it.</summary>
    [JsonIgnore]
    public ClientIdentity Client { get; set; } = ClientIdentity.Unknown;

    public string? FirstName { get; set; }

    public int FailedVerifications { get; set; }

    /// <summary>Return lines picked in the return flow.</summary>
    [JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)]
    public List<string> SelectedLines { get; } = [];

    public string? ReturnReason { get; set; }

    /// <summary>The size or colour wanted in the exchange flow ("L", "one size up", "navy").</summary>
    public string? NewSize { get; set; }

    /// <summary>
    /// What the shopper said about the item before the order was in hand ("the jeans"), matched against the order's
    /// lines once it is, so the item question is skipped when the answer came early.
    /// </summary>
    public string? ItemHint { get; set; }

    /// <summary>The new address typed in the change-address flow, waiting for confirmation.</summary>
    public Address? PendingAddress { get; set; }

    /// <summary>The buttons of the last question, offered again when the flow resumes after an interruption.</summary>
    public IReadOnlyList<ReplyChoice> PendingActions { get; set; } = [];

    /// <summary>The lines offered in the return flow's item choice.</summary>
    public IReadOnlyList<OrderItem> PendingLines { get; set; } = [];

    [JsonIgnore]
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

    /// <summary>Leaves the current flow; what the shopper proved stays for the rest of the conversation.</summary>
    public void EndFlow()
    {
        Flow = null;
        Step = null;
        SelectedLines.Clear();
        ReturnReason = null;
        NewSize = null;
        ItemHint = null;
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
        Add("new_size", NewSize);
        return slots;
    }
}
