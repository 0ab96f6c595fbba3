using SupportBot.Orders;

namespace SupportBot.DemoStore;

/// <summary>
/// Moves a seed file's dates from the time it is written as of to now: every time by the same span, every calendar
/// date (an estimated delivery) by the same number of days, so "due in two days" stays due in two days.
/// </summary>
internal sealed record SeedClock(TimeSpan By, int Days)
{
    public static SeedClock From(DateTimeOffset asOf, DateTimeOffset now) => new(now - asOf, Day(now).DayNumber - Day(asOf).DayNumber);

    public Order Move(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order with
        {
            PlacedAt = order.PlacedAt + By,
            Shipment = order.Shipment is { } shipment ? Move(shipment) : null,
            Returns = order.Returns.Select(Move).ToList(),
        };
    }

    private Shipment Move(Shipment shipment) => shipment with
    {
        ShippedAt = shipment.ShippedAt + By,
        EstimatedDelivery = shipment.EstimatedDelivery?.AddDays(Days),
        DeliveredAt = shipment.DeliveredAt + By,
        Events = shipment.Events.Select(e => e with { At = e.At + By }).ToList(),
    };

    private ReturnRequest Move(ReturnRequest request) => request with
    {
        CreatedAt = request.CreatedAt + By,
        Refund = request.Refund is { } refund ? refund with { IssuedAt = refund.IssuedAt + By } : null,
    };

    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);
}
