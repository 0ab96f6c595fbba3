using Microsoft.Extensions.Time.Testing;
using SupportBot.DemoStore;
using SupportBot.Orders;
using SupportBot.Storage;
using SupportBot.Tests.Storage;
using SupportBot.Understanding.Entities;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.DemoStore;

/// <summary>
/// The seeded demo store on a real SQLite file and a real PostgreSQL database: size, variety, the named scenarios,
/// the seed files' orders stored exactly, restarts, and instances starting together.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class DemoStoreTests : OnBothProviders
{
    private static readonly DateTimeOffset Now = DemoOrderBackendTests.Now;
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    private static readonly DemoStoreData Seed = DemoSeed.Load(Now);

    /// <summary>The orders of a store seeded on a fresh database.</summary>
    private static async Task<IReadOnlyList<Order>> SeededOrdersAsync(StorageProvider provider)
    {
        await using var store = await DemoStoreDatabase.CreateAsync(provider);
        return await store.Open(new FakeTimeProvider(Now)).AllOrdersAsync(default);
    }

    private static string Json<T>(T value) => DemoOrderBackendTests.Json(value);

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task Seed_HasAtLeast200OrdersOfAtLeast80Customers_InTheUsAndCanada(StorageProvider provider)
    {
        var orders = await SeededOrdersAsync(provider);

        Assert.True(orders.Count >= 200, $"{orders.Count} orders");
        Assert.True(orders.Select(o => o.CustomerId).Distinct().Count() >= 80);
        Assert.Contains(orders, o => o.ShippingAddress.Country == "CA" && o.Payment.Currency == "CAD");
        Assert.Contains(orders, o => o.ShippingAddress.Country == "US" && o.Payment.Currency == "USD");
        Assert.Equal(orders.Count, orders.Select(o => o.Number).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task Seed_HasEveryStateOfOrdersParcelsReturnsAndRefunds(StorageProvider provider)
    {
        var orders = await SeededOrdersAsync(provider);
        var returns = orders.SelectMany(o => o.Returns).ToList();

        Assert.Equal(Enum.GetValues<OrderStatus>(), orders.Select(o => o.Status).Distinct().Order());
        Assert.Equal(Enum.GetValues<ShipmentStatus>(), orders.Where(o => o.Shipment is not null).Select(o => o.Shipment!.Status).Distinct().Order());
        Assert.Equal(Enum.GetValues<ReturnStatus>(), returns.Select(r => r.Status).Distinct().Order());
        Assert.Equal(Enum.GetValues<RefundStatus>(), returns.Where(r => r.Refund is not null).Select(r => r.Refund!.Status).Distinct().Order());
        Assert.Equal(["Canada Post", "FedEx", "UPS", "USPS"], orders.Where(o => o.Shipment is not null).Select(o => o.Shipment!.Carrier).Distinct().Order());
        Assert.Equal(["Apple Pay", "Gift card", "Klarna", "Mastercard", "PayPal", "Visa"], orders.Select(o => o.Payment.Method).Distinct().Order());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task Seed_StatesAreConsistent(StorageProvider provider)
    {
        var orders = await SeededOrdersAsync(provider);

        Assert.All(orders, order =>
        {
            Assert.InRange(order.PlacedAt, Now.AddYears(-1), Now);
            Assert.NotEmpty(order.Items);
            Assert.True(order.Payment.Total >= order.Items.Sum(i => i.UnitPrice * i.Quantity));
            Assert.Equal(order.Status is OrderStatus.Shipped or OrderStatus.Delivered, order.Shipment is not null);
            if (order.Status == OrderStatus.Placed)
            {
                Assert.InRange(Now - order.PlacedAt, TimeSpan.Zero, TimeSpan.FromMinutes(60));
            }

            if (order.Status == OrderStatus.Processing)
            {
                Assert.InRange(Now - order.PlacedAt, TimeSpan.FromHours(1), TimeSpan.FromHours(20));
            }

            if (order.Status != OrderStatus.Delivered)
            {
                Assert.Empty(order.Returns);
            }

            if (order.Shipment is { } shipment)
            {
                Assert.InRange(shipment.Events.Count, 2, 6);
                Assert.Equal(shipment.Events.OrderBy(e => e.At).Select(e => e.At), shipment.Events.Select(e => e.At));
                Assert.All(shipment.Events, e => Assert.InRange(e.At, order.PlacedAt, Now));
                Assert.Equal(shipment.ShippedAt, shipment.Events[0].At);
                Assert.Contains(shipment.TrackingNumber, shipment.TrackingUrl);
                Assert.StartsWith("https://", shipment.TrackingUrl);
                Assert.NotNull(shipment.EstimatedDelivery);
                Assert.Equal(order.Status == OrderStatus.Delivered, shipment.Status == ShipmentStatus.Delivered);
                Assert.Equal(shipment.Status == ShipmentStatus.Delivered, shipment.DeliveredAt is not null);
                switch (shipment.Status)
                {
                    case ShipmentStatus.Delivered:
                        Assert.Equal(shipment.DeliveredAt, shipment.Events[^1].At);
                        break;
                    case ShipmentStatus.InTransit:
                        Assert.True(shipment.EstimatedDelivery > Today);
                        break;
                    case ShipmentStatus.Delayed:
                        Assert.True(shipment.EstimatedDelivery < Today);
                        Assert.StartsWith("Delayed", shipment.Events[^1].Description);
                        break;
                    case ShipmentStatus.Lost:
                        Assert.True(Now - shipment.Events[^1].At >= TimeSpan.FromDays(10));
                        break;
                }
            }

            foreach (var request in order.Returns)
            {
                Assert.InRange(request.CreatedAt, order.Shipment!.DeliveredAt!.Value, Now);
                Assert.Equal($"https://www.larkspurandpine.com/returns/label/{request.Rma}", request.LabelUrl);
                Assert.All(request.Lines, line =>
                {
                    var item = Assert.Single(order.Items, i => i.LineId == line.LineId);
                    Assert.False(item.FinalSale);
                    Assert.InRange(line.Quantity, 1, item.Quantity);
                });
                switch (request.Status)
                {
                    case ReturnStatus.Refunded:
                        Assert.Equal(RefundStatus.Completed, request.Refund?.Status);
                        break;
                    case ReturnStatus.Received:
                        Assert.True(request.Refund is null || request.Refund.Status is RefundStatus.Pending or RefundStatus.Issued);
                        break;
                    default:
                        Assert.Null(request.Refund);
                        break;
                }

                if (request.Refund is { } refund)
                {
                    Assert.Equal(refund.Status == RefundStatus.Pending, refund.IssuedAt is null);
                    Assert.Equal(request.Lines.Sum(l => order.Items.Single(i => i.LineId == l.LineId).UnitPrice * l.Quantity), refund.Amount);
                }
            }
        });
    }

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task Seed_HasRecentAndOldDeliveries_AndFinalSaleLines(StorageProvider provider)
    {
        var orders = await SeededOrdersAsync(provider);
        var delivered = orders.Where(o => o.Status == OrderStatus.Delivered).Select(o => Now - o.Shipment!.DeliveredAt!.Value).ToList();

        Assert.Contains(delivered, age => age < TimeSpan.FromDays(30));
        Assert.Contains(delivered, age => age > TimeSpan.FromDays(30));
        var finalSale = orders.SelectMany(o => o.Items).Where(i => i.FinalSale).Select(i => i.Category).ToHashSet();
        Assert.Subset(new HashSet<string> { "swimwear", "pierced-earrings", "personalized", "gift-card", "knitwear" }, finalSale);
        Assert.True(finalSale.Count >= 4);
        Assert.Contains(orders.SelectMany(o => o.Items), i => i.Size is not null);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task Seed_NamesAndEmailsLookReal_OnExampleDomainsOnly(StorageProvider provider)
    {
        var orders = await SeededOrdersAsync(provider);

        Assert.All(orders, o =>
        {
            Assert.Matches(@"^[a-z]+\.[a-z]+@example\.(com|org)$", o.Email);
            Assert.StartsWith(o.FirstName + " ", o.ShippingAddress.Name);
        });
        Assert.Equal(orders.Select(o => o.CustomerId).Distinct().Count(), orders.Select(o => o.Email).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task Seed_BackgroundOrderNumbers_AreNotScenarioNumbers(StorageProvider provider)
    {
        var orders = await SeededOrdersAsync(provider);
        var scenarioNumbers = Enumerable.Range(1, 12).Select(n => $"LP{10000000 + n}").ToList();

        var background = orders.Select(o => o.Number).Except(scenarioNumbers).ToList();

        Assert.Equal(scenarioNumbers, orders.Select(o => o.Number).Intersect(scenarioNumbers).Order());
        Assert.All(background, number => Assert.Matches("^LP2[0-9]{7}$", number));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task Seed_EveryOrderNumberTrackingNumberEmailAndPostalCode_IsRecognisedByTheBot(StorageProvider provider)
    {
        var orders = await SeededOrdersAsync(provider);
        var extractor = new EntityExtractor(new FakeTimeProvider(Now));
        string[] Found(string text, EntityKind kind) => extractor.Extract(text).Where(e => e.Kind == kind).Select(e => e.Value).ToArray();

        Assert.All(orders, order =>
        {
            Assert.Equal([order.Number], Found($"where is my order {order.Number}?", EntityKind.OrderNumber));
            Assert.Equal([order.Email], Found($"my email is {order.Email}", EntityKind.Email));
            Assert.Equal([order.ShippingAddress.PostalCode], Found($"my zip code is {order.ShippingAddress.PostalCode}", EntityKind.PostalCode));
            if (order.Shipment is { } shipment)
            {
                var text = shipment.Carrier == "FedEx"
                    ? $"FedEx tracking {shipment.TrackingNumber} has not moved"
                    : $"tracking number {shipment.TrackingNumber} please";
                Assert.Equal([shipment.TrackingNumber], Found(text, EntityKind.TrackingNumber));
            }
        });
    }

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task Seed_TrackingNumbersFollowEachCarriersLayout(StorageProvider provider)
    {
        var orders = await SeededOrdersAsync(provider);

        Assert.All(orders.Where(o => o.Shipment is not null).Select(o => o.Shipment!), s =>
        {
            var pattern = s.Carrier switch
            {
                "UPS" => "^1Z[0-9A-Z]{16}$",
                "USPS" => "^9[0-9]{21}$",
                "FedEx" => "^[0-9]{12}$",
                _ => "^[0-9]{16}$",
            };
            Assert.Matches(pattern, s.TrackingNumber);
        });
        Assert.Equal(
            orders.Count(o => o.Shipment is not null),
            orders.Where(o => o.Shipment is not null).Select(o => o.Shipment!.TrackingNumber).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task Store_EveryOrderOfTheSeedFiles_RoundTripsExactly(StorageProvider provider)
    {
        var seeded = Seed.Orders.ToDictionary(o => o.Number);

        var stored = await SeededOrdersAsync(provider);

        Assert.Equal(seeded.Count, stored.Count);
        Assert.All(stored, order => Assert.Equal(Json(seeded[order.Number]), Json(order)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task Restart_KeepsChanges_AndDoesNotReseed(StorageProvider provider)
    {
        await using var store = await DemoStoreDatabase.CreateAsync(provider);
        var first = store.Open(new FakeTimeProvider(Now));
        await first.CancelAsync("LP10000006", default);
        var rma = (await first.CreateReturnAsync("LP10000001", [new ReturnLine("L2", 1)], "x", default)).Rma;
        var before = await first.AllOrdersAsync(default);

        // A new instance on the same database, even on another day, finds the store as it was left.
        var second = store.OpenAnotherInstance(new FakeTimeProvider(Now.AddDays(3)));
        var after = await second.AllOrdersAsync(default);

        Assert.Equal(Json(before), Json(after));
        Assert.Equal(OrderStatus.Cancelled, after.Single(o => o.Number == "LP10000006").Status);
        Assert.Equal(rma, Assert.Single(after.Single(o => o.Number == "LP10000001").Returns).Rma);
        Assert.Equal(Seed.Customers.Count, await store.CountAsync("demo_customers"));
        Assert.Equal(before.Count, await store.CountAsync("demo_orders"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task InstancesStartingTogether_SeedTheStoreOnce(StorageProvider provider)
    {
        await using var store = await DemoStoreDatabase.CreateAsync(provider);

        var instances = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => store.OpenAnotherInstance(new FakeTimeProvider(Now)))));
        await Task.WhenAll(instances.Select(i => i.Seeded));

        Assert.Equal(1, await store.CountAsync("demo_store"));
        Assert.Equal(Seed.Customers.Count, await store.CountAsync("demo_customers"));
        Assert.Equal(Seed.Orders.Count(), await store.CountAsync("demo_orders"));
        Assert.Equal(Seed.Orders.Sum(o => o.Items.Count), await store.CountAsync("demo_order_items"));
        Assert.Equal(Seed.Orders.Sum(o => o.Returns.Count), await store.CountAsync("demo_returns"));
        var seen = await Task.WhenAll(instances.Select(i => i.AllOrdersAsync(default)));
        Assert.All(seen, orders => Assert.Equal(Json(Seed.Orders.OrderByDescending(o => o.PlacedAt).ThenByDescending(o => o.Number, StringComparer.Ordinal)), Json(orders)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task AStoreSeededBeforeTheSeedFiles_IsLeftAsItIs(StorageProvider provider)
    {
        // Until the seed files, demo_store also recorded the random seed the orders were generated from.
        await using var store = await DemoStoreDatabase.CreateAsync(provider);
        await store.ExecuteAsync("CREATE TABLE demo_store (id INTEGER PRIMARY KEY CHECK (id = 1), seed INTEGER NOT NULL, seeded_at TEXT NOT NULL)");
        await store.ExecuteAsync("INSERT INTO demo_store (id, seed, seeded_at) VALUES (1, 2026, '2026-01-15T12:00:00.0000000+00:00')");

        var backend = store.Open(new FakeTimeProvider(Now));
        await backend.Seeded;

        Assert.Equal(1, await store.CountAsync("demo_store"));
        Assert.Equal(0, await store.CountAsync("demo_orders"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task Scenarios_AnaLima_HasThreeOrders(StorageProvider provider)
    {
        await using var store = await DemoStoreDatabase.CreateAsync(provider);
        var backend = store.Open(new FakeTimeProvider(Now));

        var delivered = (await backend.FindOrderAsync("LP10000001", default))!;
        var inTransit = (await backend.FindOrderAsync("LP10000002", default))!;
        var old = (await backend.FindOrderAsync("LP10000003", default))!;

        foreach (var order in new[] { delivered, inTransit, old })
        {
            Assert.Equal("Ana", order.FirstName);
            Assert.Equal("ana.lima@example.com", order.Email);
            Assert.Equal("97205", order.ShippingAddress.PostalCode);
            Assert.Equal("Ana Lima", order.ShippingAddress.Name);
            Assert.Equal(delivered.CustomerId, order.CustomerId);
        }

        Assert.Equal(OrderStatus.Delivered, delivered.Status);
        Assert.Equal(Now.AddDays(-5), delivered.Shipment!.DeliveredAt);
        Assert.Empty(delivered.Returns);
        Assert.Collection(delivered.Items,
            l1 => Assert.Equal(("L1", "Merino crew sweater", "M", 98.00m, false), (l1.LineId, l1.Name, l1.Size, l1.UnitPrice, l1.FinalSale)),
            l2 => Assert.Equal(("L2", "Linen sheet set", "Queen", 160.00m, false), (l2.LineId, l2.Name, l2.Size, l2.UnitPrice, l2.FinalSale)),
            l3 => Assert.Equal(("L3", "Swim top", "S", 45.00m, true), (l3.LineId, l3.Name, l3.Size, l3.UnitPrice, l3.FinalSale)));

        Assert.Equal(OrderStatus.Shipped, inTransit.Status);
        Assert.Equal(("UPS", ShipmentStatus.InTransit, Today.AddDays(2)), (inTransit.Shipment!.Carrier, inTransit.Shipment.Status, inTransit.Shipment.EstimatedDelivery));
        Assert.Equal(("Departed facility", "Portland, OR"), (inTransit.Shipment.Events[^1].Description, inTransit.Shipment.Events[^1].Location));

        Assert.Equal(OrderStatus.Delivered, old.Status);
        Assert.Equal(Now.AddDays(-45), old.Shipment!.DeliveredAt);
        Assert.Single(old.Items);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task Scenarios_ShippingTroubles(StorageProvider provider)
    {
        await using var store = await DemoStoreDatabase.CreateAsync(provider);
        var backend = store.Open(new FakeTimeProvider(Now));

        var delayed = (await backend.FindOrderAsync("LP10000004", default))!;
        Assert.Equal(("Ben", "ben.okafor@example.com", "10027"), (delayed.FirstName, delayed.Email, delayed.ShippingAddress.PostalCode));
        Assert.Equal(OrderStatus.Shipped, delayed.Status);
        Assert.Equal(ShipmentStatus.Delayed, delayed.Shipment!.Status);
        Assert.Equal(Today.AddDays(-3), delayed.Shipment.EstimatedDelivery);
        Assert.Equal("Delayed: weather", delayed.Shipment.Events[^1].Description);

        var lost = (await backend.FindOrderAsync("LP10000005", default))!;
        Assert.Equal(("Chloé", "chloe.martin@example.org", "M5V 2T6", "CA"), (lost.FirstName, lost.Email, lost.ShippingAddress.PostalCode, lost.ShippingAddress.Country));
        Assert.Equal(OrderStatus.Shipped, lost.Status);
        Assert.Equal(("Canada Post", ShipmentStatus.Lost), (lost.Shipment!.Carrier, lost.Shipment.Status));
        Assert.Equal(Now.AddDays(-12), lost.Shipment.Events[^1].At);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task Scenarios_NotYetShippedAndCancelled(StorageProvider provider)
    {
        await using var store = await DemoStoreDatabase.CreateAsync(provider);
        var backend = store.Open(new FakeTimeProvider(Now));

        var placed = (await backend.FindOrderAsync("LP10000006", default))!;
        Assert.Equal(("Dev", "dev.patel@example.com", "60614"), (placed.FirstName, placed.Email, placed.ShippingAddress.PostalCode));
        Assert.Equal((OrderStatus.Placed, Now.AddMinutes(-10)), (placed.Status, placed.PlacedAt));
        Assert.Null(placed.Shipment);

        var processing = (await backend.FindOrderAsync("LP10000007", default))!;
        Assert.Equal(("Emma", "emma.rossi@example.com", "94110"), (processing.FirstName, processing.Email, processing.ShippingAddress.PostalCode));
        Assert.Equal((OrderStatus.Processing, Now.AddHours(-5)), (processing.Status, processing.PlacedAt));
        Assert.Null(processing.Shipment);

        var cancelled = (await backend.FindOrderAsync("LP10000011", default))!;
        Assert.Equal(("Iris", "iris.novak@example.com", "80205"), (cancelled.FirstName, cancelled.Email, cancelled.ShippingAddress.PostalCode));
        Assert.Equal(OrderStatus.Cancelled, cancelled.Status);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task Scenarios_Returns(StorageProvider provider)
    {
        await using var store = await DemoStoreDatabase.CreateAsync(provider);
        var backend = store.Open(new FakeTimeProvider(Now));

        var labelSent = (await backend.FindOrderAsync("LP10000008", default))!;
        Assert.Equal(("Finn", "finn.berg@example.com", "02139"), (labelSent.FirstName, labelSent.Email, labelSent.ShippingAddress.PostalCode));
        Assert.Equal((OrderStatus.Delivered, Now.AddDays(-10)), (labelSent.Status, labelSent.Shipment!.DeliveredAt));
        var rma8 = Assert.Single(labelSent.Returns);
        Assert.Equal(("RMA-100008", ReturnStatus.LabelSent), (rma8.Rma, rma8.Status));
        Assert.Equal([new ReturnLine("L1", 1)], rma8.Lines);
        Assert.Null(rma8.Refund);

        var received = (await backend.FindOrderAsync("LP10000009", default))!;
        Assert.Equal(("Grace", "grace.kim@example.com", "98103"), (received.FirstName, received.Email, received.ShippingAddress.PostalCode));
        Assert.Equal((OrderStatus.Delivered, Now.AddDays(-20)), (received.Status, received.Shipment!.DeliveredAt));
        var rma9 = Assert.Single(received.Returns);
        Assert.Equal(("RMA-100009", ReturnStatus.Received, RefundStatus.Pending), (rma9.Rma, rma9.Status, rma9.Refund?.Status));

        var refunded = (await backend.FindOrderAsync("LP10000010", default))!;
        Assert.Equal(("Hugo", "hugo.silva@example.com", "33139"), (refunded.FirstName, refunded.Email, refunded.ShippingAddress.PostalCode));
        Assert.Equal((OrderStatus.Delivered, Now.AddDays(-25)), (refunded.Status, refunded.Shipment!.DeliveredAt));
        var rma10 = Assert.Single(refunded.Returns);
        Assert.Equal(("RMA-100010", ReturnStatus.Refunded), (rma10.Rma, rma10.Status));
        Assert.Equal((59.00m, RefundStatus.Completed, "Visa"), (rma10.Refund!.Amount, rma10.Refund.Status, rma10.Refund.Method));
        Assert.Equal("59.00", rma10.Refund.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Visa", refunded.Payment.Method);

        var finalSale = (await backend.FindOrderAsync("LP10000012", default))!;
        Assert.Equal(("Jonas", "jonas.weber@example.com", "78704"), (finalSale.FirstName, finalSale.Email, finalSale.ShippingAddress.PostalCode));
        Assert.Equal((OrderStatus.Delivered, Now.AddDays(-3)), (finalSale.Status, finalSale.Shipment!.DeliveredAt));
        Assert.All(finalSale.Items, i => Assert.True(i.FinalSale));
    }
}
