using System.Globalization;
using System.Text;
using SupportBot.Replies;

namespace SupportBot.Orders;

/// <summary>What the order flows say: statuses with their next step, eligibility, confirmations; as Markdown text every channel shows, plus a hero card where the channel draws cards.</summary>
internal static class OrderReplies
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public const string AskNumber = "What's your order number? It starts with **LP** and is in your order confirmation email.";

    public const string AskProof = "To keep your order details private, what's the **email address** or the **ZIP/postal code** on the order?";

    public static string Mismatch(int attemptsLeft) =>
        "I couldn't match that order number with that email or ZIP/postal code. Please check both and send them again "
        + $"({attemptsLeft} {(attemptsLeft == 1 ? "try" : "tries")} left).";

    /// <summary>After several failures a ZIP/postal code is turned away without being checked; the words never depend on the order.</summary>
    public const string EmailRequired =
        "After several details that didn't match, I can only check an order with the **email address** it was placed with: a ZIP/postal code isn't enough any more. "
        + "What's the email address on the order? If you don't have it, a member of our team can help.";

    /// <summary>A try refused for a while (slowed, or locked out for the window); the same words for any order number.</summary>
    public static string TryLater(TimeSpan retryAfter)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes));
        return "There have been too many attempts with details that didn't match, so I've paused order checks for now. "
            + $"Please try again in {minutes} {(minutes == 1 ? "minute" : "minutes")} with the **email address** on the order, or talk to a person, who can check it with you.";
    }

    /// <summary>The step-up: the order was proved by its postal code, and the flow needs its e-mail.</summary>
    public static string StepUp(string? flow, string? number)
    {
        var what = flow switch
        {
            OrderFlow.Cancel => "cancel it",
            OrderFlow.ChangeAddress => "change its delivery address",
            OrderFlow.Return => "start a return",
            OrderFlow.ReturnStatus => "show its returns and refunds",
            _ => "do that",
        };
        return $"To {what}, I need one more check: what's the **email address** on order **{number}**? "
            + "(A ZIP/postal code is enough to see an order's status and tracking, but not to change it.)";
    }

    public static string Status(Order order, OrderPolicies policies, DateTimeOffset now)
    {
        var text = new StringBuilder();
        var shipment = order.Shipment;
        switch (order.Status)
        {
            case OrderStatus.Placed:
                text.Append(CultureInfo.InvariantCulture, $"Order **{order.Number}** is confirmed and hasn't shipped yet. ");
                text.Append(CultureInfo.InvariantCulture, $"You can still cancel it or change its address within {policies.CancellationWindowMinutes} minutes of ordering.");
                break;
            case OrderStatus.Processing:
                text.Append(CultureInfo.InvariantCulture, $"Order **{order.Number}** is being prepared in our warehouse and hasn't shipped yet. ");
                text.Append("You'll get an email with tracking as soon as it leaves us.");
                break;
            case OrderStatus.Cancelled:
                text.Append(CultureInfo.InvariantCulture, $"Order **{order.Number}** was cancelled, so you won't be charged for it. ");
                text.Append(CultureInfo.InvariantCulture, $"Any temporary hold on your card disappears within {policies.AuthorizationReleaseDays} business days.");
                break;
            case OrderStatus.Delivered when shipment?.DeliveredAt is { } delivered:
                text.Append(CultureInfo.InvariantCulture, $"Order **{order.Number}** was delivered on **{Day(delivered)}** by {shipment.Carrier}.");
                var windowEnds = delivered.AddDays(policies.ReturnWindowDays);
                text.Append(windowEnds > now
                    ? $" If something isn't right, you can return it until {Day(windowEnds)}."
                    : string.Empty);
                break;
            default:
                text.Append(ShipmentText(order, shipment!, policies));
                break;
        }

        return text.ToString();
    }

    private static string ShipmentText(Order order, Shipment shipment, OrderPolicies policies)
    {
        var latest = shipment.Events.Count > 0 ? shipment.Events[^1] : null;
        var lastScan = latest is null ? "" : $"\n\nLatest update: *{latest.Description}*, {latest.Location}, {Day(latest.At)}.";
        var tracking = $"{shipment.Carrier} tracking: [{shipment.TrackingNumber}]({shipment.TrackingUrl})";
        return shipment.Status switch
        {
            ShipmentStatus.Delayed =>
                $"I'm sorry: order **{order.Number}** is running late. It was due {Day(shipment.EstimatedDelivery)}, and {shipment.Carrier} reports a delay.{lastScan}\n\n"
                + $"Most delayed parcels arrive within a few days. If it hasn't moved {policies.LateContactDays} business days after the due date, we'll open a trace with the carrier and "
                + $"send a replacement or refund if it's lost. {tracking}.",
            ShipmentStatus.Lost =>
                $"I'm very sorry: {shipment.Carrier} has lost order **{order.Number}** (no scan since {Day(latest?.At ?? shipment.ShippedAt)}). "
                + $"We'll make it right: I can ask our team to send a free replacement or a full refund, or you can talk to a person now. {tracking}.",
            _ =>
                $"Order **{order.Number}** is on its way with {shipment.Carrier} and should arrive **{Day(shipment.EstimatedDelivery)}**.{lastScan}\n\n{tracking}.",
        };
    }

    /// <summary>The buttons that follow a status: the next thing a shopper in that situation usually wants.</summary>
    public static List<ReplyChoice> NextSteps(Order order, OrderPolicies policies, DateTimeOffset now)
    {
        var actions = new List<ReplyChoice>();
        switch (order.Status)
        {
            case OrderStatus.Placed:
                actions.Add(new ReplyChoice("Cancel this order"));
                actions.Add(new ReplyChoice("Change the delivery address"));
                break;
            case OrderStatus.Processing:
                actions.Add(new ReplyChoice("Change the delivery address"));
                break;
            case OrderStatus.Delivered when order.Shipment?.DeliveredAt is { } delivered && now - delivered <= TimeSpan.FromDays(policies.ReturnWindowDays):
                actions.Add(new ReplyChoice("Start a return"));
                break;
            case OrderStatus.Shipped when order.Shipment?.Status == ShipmentStatus.Lost:
                actions.Add(new ReplyChoice("Request a replacement or refund"));
                actions.Add(new ReplyChoice("Talk to a person"));
                break;
            case OrderStatus.Shipped when order.Shipment?.Status == ShipmentStatus.Delayed:
                actions.Add(new ReplyChoice("Talk to a person"));
                break;
        }

        if (order.Returns.Count > 0)
        {
            actions.Add(new ReplyChoice("Where is my refund?"));
        }

        return actions;
    }

    public static ReplyCard Card(Order order)
    {
        var shipment = order.Shipment;
        var state = order.Status switch
        {
            OrderStatus.Shipped when shipment?.Status == ShipmentStatus.Delayed => "Delayed",
            OrderStatus.Shipped when shipment?.Status == ShipmentStatus.Lost => "Lost in transit",
            OrderStatus.Shipped => "On its way",
            _ => order.Status.ToString(),
        };
        var subtitle = shipment?.Status == ShipmentStatus.Delayed && shipment.EstimatedDelivery is { } due ? $"Was due {Day(due)}"
            : shipment?.EstimatedDelivery is { } eta && order.Status == OrderStatus.Shipped ? $"Expected {Day(eta)}"
            : shipment?.DeliveredAt is { } delivered ? $"Delivered {Day(delivered)}"
            : $"Ordered {Day(order.PlacedAt)}";
        var items = string.Join(", ", order.Items.Select(i => i.Quantity > 1 ? $"{i.Quantity} × {i.Name}" : i.Name));
        IReadOnlyList<ReplyLink> links = shipment is null ? [] : [new ReplyLink($"Track with {shipment.Carrier}", shipment.TrackingUrl)];
        return new ReplyCard($"Order {order.Number}: {state}", subtitle, items, links);
    }

    public static string Eligibility(IReadOnlyList<LineEligibility> lines, OrderPolicies policies)
    {
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n- {ItemTitle(line.Item)}: ");
            text.Append(line.Reason switch
            {
                null => "can be returned",
                ReturnEligibility.FinalSale => "final sale, so it can't be returned",
                ReturnEligibility.AlreadyReturned => "already being returned",
                ReturnEligibility.OutsideWindow => $"more than {policies.ReturnWindowDays} days since delivery",
                _ => "not delivered yet",
            });
        }

        return text.ToString();
    }

    public static string ItemTitle(OrderItem item) => item.Size is null ? item.Name : $"{item.Name} ({item.Size})";

    public static string ReturnCreated(ReturnRequest created, Order order, OrderPolicies policies)
    {
        var dropOff = order.ShippingAddress.Country.Equals("CA", StringComparison.OrdinalIgnoreCase) ? policies.CanadaDropOff : policies.DropOff;
        return $"Done! Your return number is **{created.Rma}**.\n\n"
            + $"1. Print your prepaid label: [{created.Rma} label]({created.LabelUrl}) (it's valid for {policies.LabelValidDays} days).\n"
            + $"2. Pack the items and drop the parcel at {dropOff}.\n\n"
            + $"Once it reaches us we process refunds within {policies.RefundProcessingDays} business days; your bank may take up to "
            + $"{policies.RefundToOriginalMethodDays} more to show it.";
    }

    public static string Returns(Order order)
    {
        if (order.Returns.Count == 0)
        {
            return $"There's no return on order **{order.Number}** yet.";
        }

        var text = new StringBuilder($"Returns on order **{order.Number}**:");
        foreach (var request in order.Returns)
        {
            var items = string.Join(", ", request.Lines.Select(l => order.Items.FirstOrDefault(i => i.LineId == l.LineId)?.Name ?? l.LineId));
            text.Append(CultureInfo.InvariantCulture, $"\n- **{request.Rma}** ({items}): {ReturnState(request)}");
        }

        return text.ToString();
    }

    private static string ReturnState(ReturnRequest request) => (request.Status, request.Refund) switch
    {
        (ReturnStatus.LabelSent, _) => $"waiting for you to send it back ([label]({request.LabelUrl}))",
        (ReturnStatus.InTransit, _) => "on its way back to us",
        (ReturnStatus.Received, { Status: RefundStatus.Issued } refund) => $"received; a refund of {Money(refund.Amount)} was issued to your {refund.Method}{Since(refund.IssuedAt)}",
        (ReturnStatus.Received, _) => "received and being inspected; your refund follows within a few business days",
        (ReturnStatus.Refunded, { } refund) => $"refunded: {Money(refund.Amount)} to your {refund.Method}{Since(refund.IssuedAt)}",
        (ReturnStatus.Refunded, null) => "refunded",
        (ReturnStatus.Rejected, _) => "not accepted (we emailed you why)",
        _ => request.Status.ToString(),
    };

    private static string Since(DateTimeOffset? at) => at is { } when ? $" on {Day(when)}" : "";

    public static string Money(decimal amount) => amount.ToString("C", English);

    public static string Day(DateTimeOffset at) => at.ToString("dddd, MMMM d", English);

    public static string Day(DateOnly? day) => day?.ToString("dddd, MMMM d", English) ?? "soon";
}
