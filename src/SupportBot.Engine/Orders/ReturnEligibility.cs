namespace SupportBot.Orders;

/// <summary>Whether one line of an order can be returned now, and why not.</summary>
internal sealed record LineEligibility(OrderItem Item, int ReturnableQuantity, string? Reason)
{
    public bool Eligible => Reason is null;
}

/// <summary>
/// The return rules per line, from the store's policies: delivered, within the window since delivery, not final
/// sale, not already returned. The backend checks them again when the return is created.
/// </summary>
internal static class ReturnEligibility
{
    public const string NotDelivered = "not_delivered";
    public const string OutsideWindow = "outside_window";
    public const string FinalSale = "final_sale";
    public const string AlreadyReturned = "already_returned";

    public static IReadOnlyList<LineEligibility> Of(Order order, OrderPolicies policies, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policies);
        return Of(order, policies.ReturnWindowDays, now);
    }

    /// <summary>The same rules with another window: exchanges are allowed for longer than returns (<c>returns.exchange_window_days</c>).</summary>
    public static IReadOnlyList<LineEligibility> Of(Order order, int windowDays, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(order);
        var delivered = order.Shipment?.DeliveredAt;
        return order.Items.Select(item =>
        {
            var returned = order.Returns.Where(r => r.Status != ReturnStatus.Rejected)
                .SelectMany(r => r.Lines).Where(l => l.LineId == item.LineId).Sum(l => l.Quantity);
            var left = item.Quantity - returned;
            var reason = order.Status != OrderStatus.Delivered || delivered is null ? NotDelivered
                : item.FinalSale ? FinalSale
                : left <= 0 ? AlreadyReturned
                : now - delivered.Value > TimeSpan.FromDays(windowDays) ? OutsideWindow
                : null;
            return new LineEligibility(item, Math.Max(0, left), reason);
        }).ToList();
    }
}
