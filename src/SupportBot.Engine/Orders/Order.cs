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
    string Number,
    string CustomerId,
    string Email,
    string FirstName,
    DateTimeOffset PlacedAt,
    OrderStatus Status,
    IReadOnlyList<OrderItem> Items,
    Payment Payment,
    Address ShippingAddress,
    Shipment? Shipment,
    IReadOnlyList<ReturnRequest> Returns);

/// <summary>One line of an order.</summary>
internal sealed record OrderItem(
    string LineId,
    string Sku,
    string Name,
    string Category,
    string? Size,
    int Quantity,
    decimal UnitPrice,
    bool FinalSale);

internal sealed record Payment(
    string Method,
    decimal Total,
    string Currency);

internal sealed record Address(
    string Name,
    string Line1,
    string? Line2,
    string City,
    string Region,
    string PostalCode,
    string Country);

internal sealed record Shipment(
    string Carrier,
    string TrackingNumber,
    string TrackingUrl,
    ShipmentStatus Status,
    DateTimeOffset ShippedAt,
    DateOnly? EstimatedDelivery,
    DateTimeOffset? DeliveredAt,
    IReadOnlyList<ShipmentEvent> Events);

/// <summary>A carrier scan, newest last.</summary>
/// <remarks>
/// Named member by member although the order contract's policy gives the same names: a language model reads the
/// latest scan inside <see cref="OrderFacts"/>, and Semantic Kernel writes tool results without any naming policy.
/// </remarks>
internal sealed record ShipmentEvent(
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("location")] string Location,
    [property: JsonPropertyName("description")] string Description);

internal sealed record ReturnRequest(
    string Rma,
    IReadOnlyList<ReturnLine> Lines,
    string Reason,
    ReturnStatus Status,
    DateTimeOffset CreatedAt,
    string LabelUrl,
    Refund? Refund);

internal sealed record ReturnLine(
    string LineId,
    int Quantity);

internal sealed record Refund(
    decimal Amount,
    RefundStatus Status,
    string Method,
    DateTimeOffset? IssuedAt);

/// <summary>One line to exchange, and the size (or colour) wanted instead.</summary>
internal sealed record ExchangeLine(
    string LineId,
    int Quantity,
    string NewSize);

/// <summary>An exchange the shop created: its number, the prepaid label for the item going back, and what is sent instead.</summary>
internal sealed record ExchangeRequest(
    string Rma,
    ExchangeLine Line,
    DateTimeOffset CreatedAt,
    string LabelUrl);
