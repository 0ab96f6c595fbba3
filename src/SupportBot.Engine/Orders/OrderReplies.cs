using System.Text;
using SupportBot.Replies;

namespace SupportBot.Orders;

/// <summary>
/// How an order's facts become the flows' sentences: statuses with their next step, eligibility, returns. The words
/// are the editors' (<see cref="OrderWords"/>); this class only picks which sentence fits the facts.
/// </summary>
internal static class OrderReplies
{
    public static string Status(Order order, OrderWords words, DateTimeOffset now)
    {
        var number = ("order", order.Number);
        var shipment = order.Shipment;
        switch (order.Status)
        {
            case OrderStatus.Placed:
                return words.Say("status.placed", number);
            case OrderStatus.Processing:
                return words.Say("status.processing", number);
            case OrderStatus.Cancelled:
                return words.Say("status.cancelled", number);
            case OrderStatus.Delivered when shipment?.DeliveredAt is { } delivered:
                var windowEnds = delivered.AddDays(words.Policies.ReturnWindowDays);
                return windowEnds > now
                    ? words.Say("status.delivered_returnable", number, ("date", words.Day(delivered)), ("carrier", shipment.Carrier), ("return_until", words.Day(windowEnds)))
                    : words.Say("status.delivered", number, ("date", words.Day(delivered)), ("carrier", shipment.Carrier));
            default:
                return ShipmentText(order, shipment!, words);
        }
    }

    private static string ShipmentText(Order order, Shipment shipment, OrderWords words)
    {
        var latest = shipment.Events.Count > 0 ? shipment.Events[^1] : null;
        var lastScan = latest is null ? "" : words.Say("status.latest_scan", ("description", latest.Description), ("location", latest.Location), ("date", words.Day(latest.At)));
        var tracking = words.Say("status.tracking", ("carrier", shipment.Carrier), ("tracking", shipment.TrackingNumber), ("tracking_url", shipment.TrackingUrl));
        (string, string)[] facts = [("order", order.Number), ("carrier", shipment.Carrier), ("latest_scan", lastScan), ("tracking", tracking)];
        return shipment.Status switch
        {
            ShipmentStatus.Delayed => words.Say("status.delayed", [.. facts, ("date", words.Day(shipment.EstimatedDelivery))]),
            ShipmentStatus.Lost => words.Say("status.lost", [.. facts, ("date", words.Day(latest?.At ?? shipment.ShippedAt))]),
            _ => words.Say("status.in_transit", [.. facts, ("date", words.Day(shipment.EstimatedDelivery))]),
        };
    }

    /// <summary>The buttons that follow a status: the next thing a shopper in that situation usually wants.</summary>
    public static List<ReplyChoice> NextSteps(Order order, OrderWords words, DateTimeOffset now)
    {
        var actions = new List<ReplyChoice>();
        void Add(string key) => actions.Add(new ReplyChoice(words.Say(key)));
        switch (order.Status)
        {
            case OrderStatus.Placed:
                Add("button.cancel_this_order");
                Add("button.change_address");
                break;
            case OrderStatus.Processing:
                Add("button.change_address");
                break;
            case OrderStatus.Delivered when order.Shipment?.DeliveredAt is { } delivered:
                if (now - delivered <= TimeSpan.FromDays(words.Policies.ReturnWindowDays))
                {
                    Add("button.start_return");
                }

                if (now - delivered <= TimeSpan.FromDays(words.Policies.ExchangeWindowDays))
                {
                    Add("button.exchange");
                }

                break;
            case OrderStatus.Shipped when order.Shipment?.Status == ShipmentStatus.Lost:
                Add("button.replacement_or_refund");
                Add("button.talk_to_person");
                break;
            case OrderStatus.Shipped when order.Shipment?.Status == ShipmentStatus.Delayed:
                Add("button.talk_to_person");
                break;
        }

        if (order.Returns.Count > 0)
        {
            Add("button.where_is_refund");
        }

        return actions;
    }

    public static ReplyCard Card(Order order, OrderWords words)
    {
        var shipment = order.Shipment;
        var state = words.Say(order.Status switch
        {
            OrderStatus.Shipped when shipment?.Status == ShipmentStatus.Delayed => "card.delayed",
            OrderStatus.Shipped when shipment?.Status == ShipmentStatus.Lost => "card.lost",
            OrderStatus.Shipped => "card.on_its_way",
            OrderStatus.Placed => "card.placed",
            OrderStatus.Processing => "card.processing",
            OrderStatus.Delivered => "card.delivered",
            _ => "card.cancelled",
        });
        var subtitle = shipment?.Status == ShipmentStatus.Delayed && shipment.EstimatedDelivery is { } due ? words.Say("card.was_due", ("date", words.Day(due)))
            : shipment?.EstimatedDelivery is { } eta && order.Status == OrderStatus.Shipped ? words.Say("card.expected", ("date", words.Day(eta)))
            : shipment?.DeliveredAt is { } delivered ? words.Say("card.delivered_on", ("date", words.Day(delivered)))
            : words.Say("card.ordered", ("date", words.Day(order.PlacedAt)));
        var items = string.Join(", ", order.Items.Select(i => i.Quantity > 1 ? $"{i.Quantity} × {i.Name}" : i.Name));
        IReadOnlyList<ReplyLink> links = shipment is null ? [] : [new ReplyLink(words.Say("card.track", ("carrier", shipment.Carrier)), shipment.TrackingUrl)];
        return new ReplyCard(words.Say("card.title", ("order", order.Number), ("state", state)), subtitle, items, links);
    }

    /// <summary>One line per item and whether it can be returned (or exchanged: <paramref name="exchange"/>), and why not.</summary>
    public static string Eligibility(IEnumerable<LineEligibility> lines, OrderWords words, bool exchange = false)
    {
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            var why = words.Say(line.Reason switch
            {
                null => exchange ? "eligibility.exchangeable" : "eligibility.eligible",
                ReturnEligibility.FinalSale => "eligibility.final_sale",
                ReturnEligibility.AlreadyReturned => "eligibility.already_returned",
                ReturnEligibility.OutsideWindow => exchange ? "eligibility.outside_exchange_window" : "eligibility.outside_window",
                _ => "eligibility.not_delivered",
            });
            text.Append(words.Say("return.line", ("item", ItemTitle(line.Item)), ("eligibility", why)));
        }

        return text.ToString();
    }

    public static string ItemTitle(OrderItem item) => item.Size is null ? item.Name : $"{item.Name} ({item.Size})";

    public static string ReturnCreated(ReturnRequest created, Order order, OrderWords words) =>
        words.Say("return.created", ("rma", created.Rma), ("label_url", created.LabelUrl), ("drop_off", DropOff(order, words.Policies)));

    public static string DropOff(Order order, OrderPolicies policies) =>
        order.ShippingAddress.Country.Equals("CA", StringComparison.OrdinalIgnoreCase) ? policies.CanadaDropOff : policies.DropOff;

    public static string Returns(Order order, OrderWords words)
    {
        if (order.Returns.Count == 0)
        {
            return words.Say("returns_status.none", ("order", order.Number));
        }

        var text = new StringBuilder(words.Say("returns_status.header", ("order", order.Number)));
        foreach (var request in order.Returns)
        {
            var items = string.Join(", ", request.Lines.Select(l => order.Items.FirstOrDefault(i => i.LineId == l.LineId)?.Name ?? l.LineId));
            text.Append(words.Say("returns_status.line", ("rma", request.Rma), ("items", items), ("state", ReturnState(request, words))));
        }

        return text.ToString();
    }

    private static string ReturnState(ReturnRequest request, OrderWords words)
    {
        string Since(DateTimeOffset? at) => at is { } when ? words.Say("returns_status.since", ("date", words.Day(when))) : "";
        return (request.Status, request.Refund) switch
        {
            (ReturnStatus.LabelSent, _) => words.Say("returns_status.label_sent", ("label_url", request.LabelUrl)),
            (ReturnStatus.InTransit, _) => words.Say("returns_status.in_transit"),
            (ReturnStatus.Received, { Status: RefundStatus.Issued } refund) =>
                words.Say("returns_status.refund_issued", ("amount", words.Money(refund.Amount)), ("method", refund.Method), ("since", Since(refund.IssuedAt))),
            (ReturnStatus.Received, _) => words.Say("returns_status.received"),
            (ReturnStatus.Refunded, { } refund) =>
                words.Say("returns_status.refunded_amount", ("amount", words.Money(refund.Amount)), ("method", refund.Method), ("since", Since(refund.IssuedAt))),
            (ReturnStatus.Refunded, null) => words.Say("returns_status.refunded"),
            _ => words.Say("returns_status.rejected"),
        };
    }

    /// <summary>Why the shop refused an action, as the shopper is told it.</summary>
    public static string Refusal(string code, OrderWords words) => code switch
    {
        "already_shipped" or "already_cancelled" or "processing" or "not_delivered" or "already_returned" or "final_sale" or "outside_window" or "outside_exchange_window"
            => words.Say("refusal." + code),
        _ => words.Say("flow.refused_other"),
    };
}
