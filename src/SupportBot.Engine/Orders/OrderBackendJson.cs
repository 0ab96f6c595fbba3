using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Orders;

/// <summary>
/// The JSON contract of a shop's order API (see <see cref="HttpOrderBackend"/>): snake_case names, every field
/// present, a null only where the type allows one; any case accepted on reading. The demo store keeps its shipments
/// in this shape too.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(List<Order>))]
[JsonSerializable(typeof(ReturnRequest))]
[JsonSerializable(typeof(ExchangeRequest))]
[JsonSerializable(typeof(Address))]
[JsonSerializable(typeof(Shipment))]
[JsonSerializable(typeof(ReturnBody))]
[JsonSerializable(typeof(ExchangeBody))]
[JsonSerializable(typeof(RefusalBody))]
internal sealed partial class OrderBackendJson : JsonSerializerContext;

/// <summary>The body of <c>POST orders/{number}/returns</c>.</summary>
internal sealed record ReturnBody(IReadOnlyList<ReturnLine> Lines, string Reason);

/// <summary>The body of <c>POST orders/{number}/exchanges</c>.</summary>
internal sealed record ExchangeBody(ExchangeLine Line, string Reason);

/// <summary>A refusal's body: <c>{"error":{"code":"already_shipped","message":"…"}}</c>.</summary>
internal sealed record RefusalBody(RefusalDetail? Error);

internal sealed record RefusalDetail(string? Code, string? Message);
