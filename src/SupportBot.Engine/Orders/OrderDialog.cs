using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using SupportBot.Replies;
using SupportBot.Understanding.Entities;

namespace SupportBot.Orders;

/// <summary>A shopper's message as the order flows see it.</summary>
public sealed record DialogInput(string Text, string? Intent, IReadOnlyList<Entity> Entities, OrderPolicies Policies);

/// <summary>
/// What the order flows answer. <see cref="HandoffReason"/> is set when the conversation must go to a person
/// (verification failed, a lost parcel to replace, the order system is down).
/// </summary>
public sealed record DialogReply(string Text, IReadOnlyList<ReplyChoice> Choices, IReadOnlyList<ReplyCard> Cards, string? HandoffReason = null)
{
    /// <summary>Set when the flow changed the order in the shop's backend.</summary>
    public OrderChange? Change { get; init; }
}

/// <summary>What a flow changed: <see cref="Kind"/> is <c>return_created</c>, <c>cancelled</c> or <c>address_changed</c>.</summary>
public sealed record OrderChange(string OrderNumber, string Kind);

/// <summary>
/// The multi-turn order flows: order status, returns (eligibility, items, reason, RMA), return and refund status,
/// cancellation and address change. Every flow first establishes which order and that it is the shopper's
/// (<see cref="OrderAccess"/>); slots can come in any order and in one message ("LP10000001 ana@example.com").
/// A message that does not fit the step is left to the caller (an FAQ question, small talk), which then asks
/// <see cref="Reprompt"/> to resume.
/// </summary>
public sealed partial class OrderDialog(OrderAccess access, TimeProvider time, ILogger<OrderDialog> logger)
{
    public const string NeedNumber = "need_number";
    public const string NeedProof = "need_proof";
    public const string NeedEmail = "need_email";
    public const string ChooseOrder = "choose_order";
    public const string ChooseItems = "choose_items";
    public const string ChooseReason = "choose_reason";
    public const string Confirm = "confirm";
    public const string NeedAddress = "need_address";
    public const string LostOptions = "lost_options";

    public const string HandoffVerificationFailed = "verification_failed";
    public const string HandoffLostParcel = "lost_parcel_claim";
    public const string HandoffBackendDown = "order_system_unavailable";

    private static readonly string[] Reasons = ["Too small", "Too big", "Not as described", "Arrived damaged", "Changed my mind"];
    private const string AllItems = "All of them";

    /// <summary>The flow each intent starts.</summary>
    public static readonly IReadOnlyDictionary<string, string> FlowOfIntent = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["order_status"] = OrderFlow.Status,
        ["missing_package"] = OrderFlow.Status,
        ["start_return"] = OrderFlow.Return,
        ["exchange"] = OrderFlow.Return,
        ["return_status"] = OrderFlow.ReturnStatus,
        ["refund_status"] = OrderFlow.ReturnStatus,
        ["cancel_order"] = OrderFlow.Cancel,
        ["change_address"] = OrderFlow.ChangeAddress,
    };

    /// <summary>
    /// Starts a flow. With <paramref name="keepOrder"/> (a button under an order's status) it is about the order in
    /// hand; otherwise about the order the message names, or one the shopper picks.
    /// </summary>
    public Task<DialogReply> StartAsync(OrderSession session, string flow, DialogInput input, bool keepOrder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        session.EndFlow();
        session.Flow = flow;
        if (!keepOrder)
        {
            session.OrderNumber = null;
        }

        Absorb(session, input);
        return GuardedAsync(session, input, cancellationToken);
    }

    /// <summary>Continues the current flow with the message, or returns null when the message does not answer the step.</summary>
    public Task<DialogReply>? TryContinue(OrderSession session, DialogInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(input);
        var fits = session.Step switch
        {
            NeedNumber or ChooseOrder => Has(input, EntityKind.OrderNumber) || (session.OrderNumber is not null && HasProof(input)),
            NeedProof or NeedEmail => HasProof(input) || Has(input, EntityKind.OrderNumber),
            ChooseItems => PickedLines(session, input.Text) is not null,
            ChooseReason => PickedReason(input.Text) is not null,
            Confirm => Answer(input) is not null,
            NeedAddress => ParseAddress(input.Text, "") is not null,
            LostOptions => input.Text.Contains("replace", StringComparison.OrdinalIgnoreCase) || input.Text.Contains("refund", StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
        if (!fits)
        {
            return null;
        }

        Absorb(session, input);
        return GuardedAsync(session, input, cancellationToken);
    }

    /// <summary>The question of the current step again, after an interruption.</summary>
    public static DialogReply Reprompt(OrderSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var text = session.Step switch
        {
            NeedNumber => OrderReplies.AskNumber,
            NeedProof => OrderReplies.AskProof,
            NeedEmail => OrderReplies.StepUp(session.Flow, session.OrderNumber),
            ChooseOrder => "Which order is it about?",
            ChooseItems => "Which item would you like to return?",
            ChooseReason => "What's the reason for the return?",
            Confirm => "Shall I go ahead?",
            NeedAddress => AddressPrompt,
            LostOptions => "Would you like a replacement or a refund for the lost parcel?",
            _ => "What would you like to do next?",
        };
        return new DialogReply(text, session.PendingActions, []);
    }

    private async Task<DialogReply> GuardedAsync(OrderSession session, DialogInput input, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await AdvanceAsync(session, input, null, cancellationToken).ConfigureAwait(false);
            session.PendingActions = reply.Choices;
            return reply;
        }
        catch (OrderBackendUnavailableException unavailable)
        {
            LogBackendUnavailable(unavailable.Message);
            session.PendingActions = [];
            return new DialogReply("I'm sorry, I can't reach our order system right now. I'll pass you to a member of our team, who can look it up for you.",
                [], [], HandoffBackendDown);
        }
    }

    /// <param name="verified">The order, when the caller has just verified it (saves reading it again).</param>
    private async Task<DialogReply> AdvanceAsync(OrderSession session, DialogInput input, Order? verified, CancellationToken cancellationToken)
    {
        if (session.Step == LostOptions)
        {
            session.EndFlow();
            return new DialogReply("Of course. I'm passing this to our team with your order details, so they can send the replacement or refund.", [], [], HandoffLostParcel);
        }

        var order = verified ?? await OrderInHandAsync(session, cancellationToken).ConfigureAwait(false);
        if (order is null)
        {
            return await IdentifyAsync(session, input, cancellationToken).ConfigureAwait(false);
        }

        if (session.Flow != OrderFlow.Status && !session.MayChange(order))
        {
            return await StepUpAsync(session, input, order, cancellationToken).ConfigureAwait(false);
        }

        var now = time.GetUtcNow();
        return session.Flow switch
        {
            OrderFlow.Status => Status(session, order, input, now),
            OrderFlow.Return => await ReturnAsync(session, order, input, now, cancellationToken).ConfigureAwait(false),
            OrderFlow.ReturnStatus => Finish(session, OrderReplies.Returns(order), order.Returns.Count == 0 ? OrderReplies.NextSteps(order, input.Policies, now) : []),
            OrderFlow.Cancel => await CancelAsync(session, order, input, cancellationToken).ConfigureAwait(false),
            _ => await ChangeAddressAsync(session, order, input, cancellationToken).ConfigureAwait(false),
        };
    }

    /// <summary>The order the flow is about, once the shopper has proved it is theirs; null while that is still being established.</summary>
    private async Task<Order?> OrderInHandAsync(OrderSession session, CancellationToken cancellationToken) =>
        session.OrderNumber is { } number ? await access.FindVerifiedAsync(session, number, cancellationToken).ConfigureAwait(false) : null;

    private async Task<DialogReply> IdentifyAsync(OrderSession session, DialogInput input, CancellationToken cancellationToken)
    {
        if (session.OrderNumber is null)
        {
            var mine = await access.VerifiedOrdersAsync(session, cancellationToken).ConfigureAwait(false);
            if (mine.Count > 0)
            {
                session.Step = ChooseOrder;
                var choices = mine.Take(5).Select(o => new ReplyChoice($"{o.Number}: {Summary(o)}", o.Number)).ToList();
                return new DialogReply($"Which order is it about?", choices, []);
            }

            session.Step = NeedNumber;
            return new DialogReply(Preface(session.Flow, input.Policies) + OrderReplies.AskNumber, [], []);
        }

        if (session.Proof is null)
        {
            session.Step = NeedProof;
            return new DialogReply(OrderReplies.AskProof, [], []);
        }

        var result = await access.VerifyAsync(session, session.OrderNumber, session.Proof, cancellationToken).ConfigureAwait(false);
        session.Proof = null;
        if (result.Outcome == Verification.Verified)
        {
            var next = await AdvanceAsync(session, input, result.Order, cancellationToken).ConfigureAwait(false);
            return next with { Text = $"Thanks, {result.Order!.FirstName}! " + next.Text };
        }

        return NotVerified(session, result, NeedNumber);
    }

    /// <summary>
    /// The order was proved by its postal code, which shows status and tracking only: to change it, return from it,
    /// or see its returns, the shopper proves it again with its e-mail.
    /// </summary>
    private async Task<DialogReply> StepUpAsync(OrderSession session, DialogInput input, Order order, CancellationToken cancellationToken)
    {
        var proof = session.Proof;
        session.Proof = null;
        if (proof is null || !OrderAccess.IsEmail(proof))
        {
            session.Step = NeedEmail;
            return new DialogReply(OrderReplies.StepUp(session.Flow, order.Number), [], []);
        }

        var result = await access.VerifyAsync(session, order.Number, proof, cancellationToken).ConfigureAwait(false);
        return result.Outcome == Verification.Verified
            ? await AdvanceAsync(session, input, result.Order, cancellationToken).ConfigureAwait(false)
            : NotVerified(session, result, NeedEmail);
    }

    /// <summary>
    /// What a failed or refused verification says: the same words whether the order exists or not, and each time
    /// what the shopper can do next.
    /// </summary>
    /// <param name="retryStep">The step a plain mismatch goes back to: the order number again, or the e-mail of the order in hand.</param>
    private DialogReply NotVerified(OrderSession session, VerificationResult result, string retryStep)
    {
        switch (result.Outcome)
        {
            case Verification.Locked:
                session.EndFlow();
                return new DialogReply(
                    "I'm sorry, I still can't match those details, so I can't show this order here. I'm passing you to a member of our team, who can check it with you.",
                    [], [], HandoffVerificationFailed);
            case Verification.TryLater:
                session.EndFlow();
                return new DialogReply(OrderReplies.TryLater(result.RetryAfter), [new ReplyChoice("Talk to a person")], []);
            case Verification.EmailRequired:
                session.Step = retryStep == NeedEmail ? NeedEmail : NeedProof;
                return new DialogReply(OrderReplies.EmailRequired, [new ReplyChoice("Talk to a person")], []);
            default:
                if (retryStep == NeedNumber)
                {
                    session.OrderNumber = null;
                }

                session.Step = retryStep;
                return new DialogReply(OrderReplies.Mismatch(access.MaxAttempts - session.FailedVerifications), [], []);
        }
    }

    private static DialogReply Status(OrderSession session, Order order, DialogInput input, DateTimeOffset now)
    {
        var next = OrderReplies.NextSteps(order, input.Policies, now);
        var text = OrderReplies.Status(order, input.Policies, now);
        IReadOnlyList<ReplyCard> cards = [OrderReplies.Card(order)];
        if (order.Shipment?.Status == ShipmentStatus.Lost && order.Status == OrderStatus.Shipped)
        {
            session.Step = LostOptions;
            return new DialogReply(text, next, cards);
        }

        session.EndFlow();
        return new DialogReply(text, next, cards);
    }

    private async Task<DialogReply> ReturnAsync(OrderSession session, Order order, DialogInput input, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var policies = input.Policies;
        if (order.Status != OrderStatus.Delivered)
        {
            return Finish(session, $"Order **{order.Number}** hasn't been delivered yet, so there's nothing to return. " + OrderReplies.Status(order, policies, now),
                OrderReplies.NextSteps(order, policies, now));
        }

        var lines = ReturnEligibility.Of(order, policies, now);
        var eligible = lines.Where(l => l.Eligible).ToList();
        if (eligible.Count == 0)
        {
            return Finish(session, $"I'm sorry, nothing on order **{order.Number}** can be returned:" + OrderReplies.Eligibility(lines, policies),
                [new ReplyChoice("Talk to a person")]);
        }

        switch (session.Step)
        {
            case ChooseItems:
                session.SelectedLines.AddRange(PickedLines(session, input.Text) ?? []);
                session.Step = ChooseReason;
                return new DialogReply("Got it. What's the reason for the return?", Reasons.Select(r => new ReplyChoice(r)).ToList(), []);
            case ChooseReason:
                session.ReturnReason = PickedReason(input.Text);
                session.Step = Confirm;
                var items = string.Join(", ", session.SelectedLines.Select(id => OrderReplies.ItemTitle(order.Items.First(i => i.LineId == id))));
                return new DialogReply($"To confirm: return **{items}** from order **{order.Number}** ({session.ReturnReason!.ToLowerInvariant()})?",
                    [new ReplyChoice("Yes, create the return"), new ReplyChoice("No")], []);
            case Confirm when Answer(input) == true:
                try
                {
                    var lineQuantities = session.SelectedLines.Select(id => new ReturnLine(id, eligible.First(l => l.Item.LineId == id).ReturnableQuantity)).ToList();
                    var created = await access.CreateReturnAsync(session, order, lineQuantities, session.ReturnReason!, cancellationToken).ConfigureAwait(false);
                    return Finish(session, OrderReplies.ReturnCreated(created, order, policies), []) with { Change = new OrderChange(order.Number, "return_created") };
                }
                catch (OrderActionRefusedException refused)
                {
                    return Finish(session, $"I couldn't create that return: {Refusal(refused.Code, policies)}", [new ReplyChoice("Talk to a person")]);
                }

            case Confirm:
                return Finish(session, "OK, I haven't created a return. Is there anything else I can help with?", []);
            default:
                session.Step = ChooseItems;
                session.PendingLines = eligible.Select(l => l.Item).ToList();
                var choices = eligible.Select(l => new ReplyChoice(OrderReplies.ItemTitle(l.Item))).ToList();
                if (eligible.Count > 1)
                {
                    choices.Add(new ReplyChoice(AllItems));
                }

                var note = lines.Count > eligible.Count ? "\n\nFor your information:" + OrderReplies.Eligibility(lines.Where(l => !l.Eligible).ToList(), policies) : "";
                return new DialogReply($"Which item from order **{order.Number}** would you like to return?{note}", choices, []);
        }
    }

    private async Task<DialogReply> CancelAsync(OrderSession session, Order order, DialogInput input, CancellationToken cancellationToken)
    {
        var policies = input.Policies;
        if (order.Status != OrderStatus.Placed)
        {
            return Finish(session, order.Status switch
            {
                OrderStatus.Cancelled => $"Order **{order.Number}** is already cancelled; you won't be charged for it.",
                OrderStatus.Processing => $"I'm sorry, order **{order.Number}** can't be cancelled any more: our warehouse has started on it (orders can be cancelled within {policies.CancellationWindowMinutes} minutes). "
                    + $"When it arrives you can refuse the delivery or return it within {policies.ReturnWindowDays} days for a refund.",
                _ => $"I'm sorry, order **{order.Number}** has already shipped, so it can't be cancelled. You can return it within {policies.ReturnWindowDays} days of delivery for a refund.",
            }, []);
        }

        if (session.Step != Confirm)
        {
            session.Step = Confirm;
            var items = string.Join(", ", order.Items.Select(OrderReplies.ItemTitle));
            return new DialogReply($"Cancel order **{order.Number}** ({items}, {OrderReplies.Money(order.Payment.Total)})? This can't be undone.",
                [new ReplyChoice("Yes, cancel it"), new ReplyChoice("No, keep it")], []);
        }

        if (Answer(input) != true)
        {
            return Finish(session, $"OK, order **{order.Number}** stays as it is.", []);
        }

        try
        {
            await access.CancelAsync(session, order, cancellationToken).ConfigureAwait(false);
            return Finish(session, $"Done: order **{order.Number}** is cancelled and you won't be charged. The temporary hold on your payment disappears within {policies.AuthorizationReleaseDays} business days.", [])
                with { Change = new OrderChange(order.Number, "cancelled") };
        }
        catch (OrderActionRefusedException refused)
        {
            return Finish(session, $"I couldn't cancel it: {Refusal(refused.Code, policies)}", []);
        }
    }

    private async Task<DialogReply> ChangeAddressAsync(OrderSession session, Order order, DialogInput input, CancellationToken cancellationToken)
    {
        var policies = input.Policies;
        if (order.Status is not (OrderStatus.Placed or OrderStatus.Processing))
        {
            return Finish(session, order.Status == OrderStatus.Cancelled
                ? $"Order **{order.Number}** is cancelled, so there's no delivery to change."
                : $"I'm sorry, order **{order.Number}** has already left our warehouse, so we can't change its address. The carrier's tracking page may let you redirect it.", []);
        }

        switch (session.Step)
        {
            case NeedAddress:
                session.PendingAddress = ParseAddress(input.Text, order.ShippingAddress.Name);
                session.Step = Confirm;
                return new DialogReply($"Ship order **{order.Number}** to **{Format(session.PendingAddress!)}** instead?", [new ReplyChoice("Yes, change it"), new ReplyChoice("No")], []);
            case Confirm when Answer(input) == true:
                try
                {
                    var changed = await access.ChangeShippingAddressAsync(session, order, session.PendingAddress!, cancellationToken).ConfigureAwait(false);
                    return Finish(session, $"Done: order **{order.Number}** will go to {Format(changed.ShippingAddress)}.", []) with { Change = new OrderChange(order.Number, "address_changed") };
                }
                catch (OrderActionRefusedException refused)
                {
                    return Finish(session, $"I couldn't change it: {Refusal(refused.Code, policies)}", []);
                }

            case Confirm:
                return Finish(session, $"OK, order **{order.Number}** keeps its address.", []);
            default:
                session.Step = NeedAddress;
                return new DialogReply($"Order **{order.Number}** is going to {Format(order.ShippingAddress)}. {AddressPrompt}", [], []);
        }
    }

    private const string AddressPrompt = "What's the new address? Send it on one line: street, city, state or province, ZIP/postal code.";

    private static DialogReply Finish(OrderSession session, string text, IReadOnlyList<ReplyChoice> actions)
    {
        session.EndFlow();
        return new DialogReply(text, actions, []);
    }

    private static string Preface(string? flow, OrderPolicies policies) => flow switch
    {
        OrderFlow.Status => "I can check that for you. ",
        OrderFlow.Return => $"I can start a return for you (most items can be returned within {policies.ReturnWindowDays} days of delivery). ",
        OrderFlow.ReturnStatus => "I can check your return and refund. ",
        OrderFlow.Cancel => $"I can cancel an order that hasn't shipped yet (within {policies.CancellationWindowMinutes} minutes of ordering). ",
        OrderFlow.ChangeAddress => "I can change the address of an order that hasn't shipped yet. ",
        _ => "",
    };

    private static string Summary(Order order) => order.Status switch
    {
        OrderStatus.Delivered => $"delivered {order.Shipment?.DeliveredAt?.ToString("MMM d", CultureInfo.InvariantCulture)}",
        OrderStatus.Shipped => "on its way",
        _ => order.Status.ToString().ToLowerInvariant(),
    };

    private static string Refusal(string code, OrderPolicies policies) => code switch
    {
        "already_shipped" => "the order has already shipped.",
        "already_cancelled" => "the order is already cancelled.",
        "processing" => "our warehouse has already started on the order.",
        "not_delivered" => "the order hasn't been delivered yet.",
        "already_returned" => "that item is already being returned.",
        "final_sale" => "final-sale items can't be returned.",
        "outside_window" => $"it's more than {policies.ReturnWindowDays} days since delivery.",
        _ => "our order system refused it. A member of our team can help.",
    };

    private static void Absorb(OrderSession session, DialogInput input)
    {
        var number = input.Entities.FirstOrDefault(e => e.Kind == EntityKind.OrderNumber)?.Value;
        if (number is not null && number != session.OrderNumber)
        {
            session.OrderNumber = number;
            session.SelectedLines.Clear();
        }

        var proof = input.Entities.FirstOrDefault(e => e.Kind == EntityKind.Email)?.Value
            ?? input.Entities.FirstOrDefault(e => e.Kind == EntityKind.PostalCode)?.Value;
        if (proof is not null)
        {
            session.Proof = proof;
        }
    }

    private static bool Has(DialogInput input, EntityKind kind) => input.Entities.Any(e => e.Kind == kind);

    private static bool HasProof(DialogInput input) => Has(input, EntityKind.Email) || Has(input, EntityKind.PostalCode);

    private static List<string>? PickedLines(OrderSession session, string text)
    {
        var offered = session.PendingLines;
        if (text.Trim().Equals(AllItems, StringComparison.OrdinalIgnoreCase) || text.Contains("all", StringComparison.OrdinalIgnoreCase) && text.Length < 20)
        {
            return offered.Select(i => i.LineId).ToList();
        }

        var picked = offered.Where(i => text.Contains(i.Name, StringComparison.OrdinalIgnoreCase)
            || text.Trim().Equals(OrderReplies.ItemTitle(i), StringComparison.OrdinalIgnoreCase)).Select(i => i.LineId).ToList();
        return picked.Count > 0 ? picked : null;
    }

    private static string? PickedReason(string text)
    {
        var trimmed = text.Trim();
        var known = Reasons.FirstOrDefault(r => trimmed.Contains(r, StringComparison.OrdinalIgnoreCase));
        return known ?? (trimmed.Length is > 2 and <= 80 && !trimmed.EndsWith('?') ? trimmed : null);
    }

    /// <summary>Yes (true), no (false), or neither (null) — from the words or the affirm/deny intents.</summary>
    private static bool? Answer(DialogInput input)
    {
        var text = input.Text.Trim().TrimEnd('.', '!').ToLowerInvariant();
        if (text.StartsWith("yes", StringComparison.Ordinal) || text is "yep" or "yeah" or "sure" or "ok" or "okay" or "please do" or "do it" or "confirm" || input.Intent == "affirm")
        {
            return true;
        }

        return text.StartsWith("no", StringComparison.Ordinal) || text is "nope" or "don't" or "cancel that" || input.Intent == "deny" ? false : null;
    }

    /// <summary>"12 Oak St, Portland, OR 97205" (a country may follow); null when it is not an address.</summary>
    internal static Address? ParseAddress(string text, string name)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 3)
        {
            return null;
        }

        var country = parts.Length > 3 && parts[^1].Length is >= 2 and <= 14 && !parts[^1].Any(char.IsDigit) ? parts[^1] : null;
        var last = country is null ? parts[^1] : parts[^2];
        var match = RegionAndPostal().Match(last);
        if (!match.Success || !parts[0].Any(char.IsDigit))
        {
            return null;
        }

        var postal = match.Groups["postal"].Value.ToUpperInvariant();
        var canadian = char.IsLetter(postal[0]);
        if (canadian && postal.Length == 6)
        {
            postal = postal[..3] + " " + postal[3..];
        }

        var cityIndex = country is null ? parts.Length - 2 : parts.Length - 3;
        var line2 = cityIndex > 1 ? string.Join(", ", parts[1..cityIndex]) : null;
        return new Address(name, parts[0], line2, parts[cityIndex], match.Groups["region"].Value.ToUpperInvariant(), postal, canadian ? "CA" : "US");
    }

    private static string Format(Address address) =>
        $"{address.Line1}{(address.Line2 is null ? "" : ", " + address.Line2)}, {address.City}, {address.Region} {address.PostalCode}";

    [LoggerMessage(EventId = 600, Level = LogLevel.Warning, Message = "The order backend is unavailable; the conversation goes to a person: {Detail}")]
    private partial void LogBackendUnavailable(string detail);

    [GeneratedRegex(@"^(?<region>[A-Za-z]{2})\s+(?<postal>\d{5}(?:-\d{4})?|[A-Za-z]\d[A-Za-z]\s?\d[A-Za-z]\d)$")]
    private static partial Regex RegionAndPostal();
}
