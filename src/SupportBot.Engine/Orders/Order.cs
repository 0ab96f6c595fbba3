using System.Text.Json.Serialization;

namespace SupportBot.Orders;

/// <summary>Where an order is in its life.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OrderStatus>))]
internal enum OrderStatus
{
    /// <summary>Paid, not yet picked: it can still be cancelled or re-addressed.</summary>
    Placed,

    /// <summary>The warehouse is working on it.</summary>
    Processing,

    Shipped,
    Delivered,
    Cancelled,
}

/// <summary>Where the parcel is, as the carrier reports it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ShipmentStatus>))]
internal enum ShipmentStatus
{
    LabelCreated,
    InTransit,
    Delayed,
    Lost,
    Delivered,
}

[JsonConverter(typeof(JsonStringEnumConverter<ReturnStatus>))]
internal enum ReturnStatus
{
    /// <summary>Created; the prepaid label is ready to print.</summary>
    LabelSent,

    /// <summary>The carrier has the parcel on its way back.</summary>
    InTransit,

    /// <summary>At the warehouse, being inspected.</summary>
    Received,

    Refunded,
    Rejected,
}

[JsonConverter(typeof(JsonStringEnumConverter<RefundStatus>))]
internal enum RefundStatus
{
    Pending,
    Issued,
    Completed,
}

/// <summary>A shop's order as the bot sees it through <see cref="IOrderBackend"/>: the JSON contract of the HTTP adapter too.</summary>
internal sealed record Order(
    [property: JsonPropertyName("number")] string Number,
    [property: JsonPropertyName("customer_id")] string CustomerId,
    [property: JsonPropertyName("email")] string Email,
    [property: JsonPropertyName("first_name")] string FirstName,
    [property: JsonPropertyName("placed_at")] DateTimeOffset PlacedAt,
    [property: JsonPropertyName("status")] OrderStatus Status,
    [property: JsonPropertyName("items")] IReadOnlyList<OrderItem> Items,
    [property: JsonPropertyName("payment")] Payment Payment,
    [property: JsonPropertyName("shipping_address")] Address ShippingAddress,
    [property: JsonPropertyName("shipment")] Shipment? Shipment,
    [property: JsonPropertyName("returns")] IReadOnlyList<ReturnRequest> Returns);

/// <summary>One line of an order.</summary>
internal sealed record OrderItem(
    [property: JsonPropertyName("line_id")] string LineId,
    [property: JsonPropertyName("sku")] string Sku,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("category")] string Category,
    [property: JsonPropertyName("size")] string? Size,
    [property: JsonPropertyName("quantity")] int Quantity,
    [property: JsonPropertyName("unit_price")] decimal UnitPrice,
    [property: JsonPropertyName("final_sale")] bool FinalSale);

internal sealed record Payment(
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("total")] decimal Total,
    [property: JsonPropertyName("currency")] string Currency);

internal sealed record Address(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("line1")] string Line1,
    [property: JsonPropertyName("line2")] string? Line2,
    [property: JsonPropertyName("city")] string City,
    [property: JsonPropertyName("region")] string Region,
    [property: JsonPropertyName("postal_code")] string PostalCode,
    [property: JsonPropertyName("country")] string Country);

internal sealed record Shipment(
    [property: JsonPropertyName("carrier")] string Carrier,
    [property: JsonPropertyName("tracking_number")] string TrackingNumber,
    [property: JsonPropertyName("tracking_url")] string TrackingUrl,
    [property: JsonPropertyName("status")] ShipmentStatus Status,
    [property: JsonPropertyName("shipped_at")] DateTimeOffset ShippedAt,
    [property: JsonPropertyName("estimated_delivery")] DateOnly? EstimatedDelivery,
    [property: JsonPropertyName("delivered_at")] DateTimeOffset? DeliveredAt,
    [property: JsonPropertyName("events")] IReadOnlyList<ShipmentEvent> Events);

/// <summary>A carrier scan, newest last.</summary>
internal sealed record ShipmentEvent(
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("location")] string Location,
    [property: JsonPropertyName("description")] string Description);

internal sealed record ReturnRequest(
    [property: JsonPropertyName("rma")] string Rma,
    [property: JsonPropertyName("lines")] IReadOnlyList<ReturnLine> Lines,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("status")] ReturnStatus Status,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("label_url")] string LabelUrl,
    [property: JsonPropertyName("refund")] Refund? Refund);

internal sealed record ReturnLine(
    [property: JsonPropertyName("line_id")] string LineId,
    [property: JsonPropertyName("quantity")] int Quantity);

internal sealed record Refund(
    [property: JsonPropertyName("amount")] decimal Amount,
    [property: JsonPropertyName("status")] RefundStatus Status,
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("issued_at")] DateTimeOffset? IssuedAt);

/// <summary>One line to exchange, and the size (or colour) wanted instead.</summary>
internal sealed record ExchangeLine(
    [property: JsonPropertyName("line_id")] string LineId,
    [property: JsonPropertyName("quantity")] int Quantity,
    [property: JsonPropertyName("new_size")] string NewSize);

/// <summary>An exchange the shop created: its number, the prepaid label for the item going back, and what is sent instead.</summary>
internal sealed record ExchangeRequest(
    [property: JsonPropertyName("rma")] string Rma,
    [property: JsonPropertyName("line")] ExchangeLine Line,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("label_url")] string LabelUrl);
