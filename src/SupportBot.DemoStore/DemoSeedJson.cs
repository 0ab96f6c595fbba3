using System.Text.Json.Serialization;
using SupportBot.Orders;

namespace SupportBot.DemoStore;

/// <summary><c>Seed/scenarios.json</c>: the named orders, each with a line on what it is there to show.</summary>
internal sealed record ScenarioFile(DateTimeOffset AsOf, IReadOnlyList<ScenarioOrder> Scenarios);

internal sealed record ScenarioOrder(string Scenario, Order Order);

/// <summary><c>Seed/orders.json</c>: the rest of the store's orders.</summary>
internal sealed record OrdersFile(DateTimeOffset AsOf, IReadOnlyList<Order> Orders);

/// <summary>
/// How the seed files are read: strictly, so a misspelt or missing field is an error naming its file and line
/// rather than an order quietly missing its address.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(IReadOnlyList<DemoCustomer>))]
[JsonSerializable(typeof(ScenarioFile))]
[JsonSerializable(typeof(OrdersFile))]
internal sealed partial class DemoSeedJson : JsonSerializerContext;
