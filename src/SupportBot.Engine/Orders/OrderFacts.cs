using System.Text.Json.Serialization;

namespace SupportBot.Orders;

/// <summary>
/// An order as a language model is given it: what an answer about status, tracking, items and returns needs, and
/// nothing more. No payment (method, total, refund method), no e-mail, no customer id, no name and never the
/// street: the destination is its city and region, which is all a delivery question needs. Returns and refunds
/// only when the shopper proved the order by its e-mail, as in the dialog.
/// <para>Its JSON names are given member by member, unlike the rest of the code base's JSON: Semantic Kernel writes a
/// function's result for the model with its own serializer settings, which have no naming policy.</para>
/// </summary>
internal sealed record OrderFacts(
    [property: JsonPropertyName("number")] string Number,
    [property: JsonPropertyName("placed_at")] DateTimeOffset PlacedAt,
    [property: JsonPropertyName("status")] OrderStatus Status,
    [property: JsonPropertyName("items")] IReadOnlyList<OrderFacts.Item> Items,
    [property: JsonPropertyName("ships_to")] OrderFacts.Destination ShipsTo,
    [property: JsonPropertyName("shipment"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] OrderFacts.Parcel? Shipment,
    [property: JsonPropertyName("returns"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<OrderFacts.ReturnFacts>? Returns)
{
    public static OrderFacts Of(Order order, bool withReturns)
    {
        ArgumentNullException.ThrowIfNull(order);
        var shipment = order.Shipment;
        return new OrderFacts(
            order.Number,
            order.PlacedAt,
            order.Status,
            [.. order.Items.Select(i => new Item(i.LineId, i.Name, i.Size, i.Quantity, i.FinalSale))],
            new Destination(order.ShippingAddress.City, order.ShippingAddress.Region, order.ShippingAddress.Country),
            shipment is null ? null : new Parcel(shipment.Carrier, shipment.TrackingNumber, shipment.TrackingUrl, shipment.Status,
                shipment.EstimatedDelivery, shipment.DeliveredAt, shipment.Events.Count > 0 ? shipment.Events[^1] : null),
            withReturns ? [.. order.Returns.Select(r => new ReturnFacts(r.Rma, [.. r.Lines.Select(l => l.LineId)], r.Status, r.Refund?.Status))] : null);
    }

    internal sealed record Item(
        [property: JsonPropertyName("line_id")] string LineId,
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("size")] string? Size,
        [property: JsonPropertyName("quantity")] int Quantity,
        [property: JsonPropertyName("final_sale")] bool FinalSale);

    internal sealed record Destination(
        [property: JsonPropertyName("city")] string City,
        [property: JsonPropertyName("region")] string Region,
        [property: JsonPropertyName("country")] string Country);

    internal sealed record Parcel(
        [property: JsonPropertyName("carrier")] string Carrier,
        [property: JsonPropertyName("tracking_number")] string TrackingNumber,
        [property: JsonPropertyName("tracking_url")] string TrackingUrl,
        [property: JsonPropertyName("status")] ShipmentStatus Status,
        [property: JsonPropertyName("estimated_delivery")] DateOnly? EstimatedDelivery,
        [property: JsonPropertyName("delivered_at")] DateTimeOffset? DeliveredAt,
        [property: JsonPropertyName("latest_event")] ShipmentEvent? LatestEvent);

    internal sealed record ReturnFacts(
        [property: JsonPropertyName("rma")] string Rma,
        [property: JsonPropertyName("line_ids")] IReadOnlyList<string> LineIds,
        [property: JsonPropertyName("status")] ReturnStatus Status,
        [property: JsonPropertyName("refund_status")] RefundStatus? RefundStatus);
}
