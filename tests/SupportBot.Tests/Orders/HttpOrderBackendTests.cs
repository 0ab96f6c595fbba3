using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using SupportBot.Orders;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Orders;

/// <summary>The HTTP adapter against a real server that follows the contract in docs/OPERATIONS.md, and one that misbehaves.</summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class HttpOrderBackendTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 15, 0, 0, TimeSpan.Zero);

    private FakeShopServer _shop = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _shop = await FakeShopServer.StartAsync();
        _shop.StockDemoScenarios(Now);

        _client = _shop.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _shop.DisposeAsync();
    }

    private HttpOrderBackend Backend() => new(_client);

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);

    [Fact]
    public async Task FindOrder_Existing_ReadsTheWholeOrder_WithTheApiKey()
    {
        var order = await Backend().FindOrderAsync("LP10000010", default);

        Assert.Equal(Json(_shop.Orders["LP10000010"]), Json(order));
        var request = Assert.Single(_shop.Requests);
        Assert.Equal(("GET", "/shop/api/orders/LP10000010", $"Bearer {_shop.ApiKey}"), (request.Method, request.Target, request.Authorization));
    }

    [Fact]
    public async Task FindOrder_Unknown_404_IsNull()
    {
        Assert.Null(await Backend().FindOrderAsync("LP99999999", default));
    }

    [Fact]
    public async Task FindOrder_NumberIsEscapedInThePath()
    {
        var odd = _shop.Orders["LP10000001"] with { Number = "LP 1/2?#%x" };
        _shop.Orders[odd.Number] = odd;

        var found = await Backend().FindOrderAsync(odd.Number, default);
        await Assert.ThrowsAsync<OrderActionRefusedException>(() => Backend().CancelAsync("a/../../x", default));

        Assert.Equal(odd.Number, found!.Number);
        Assert.Equal(
            ["/shop/api/orders/LP%201%2F2%3F%23%25x", "/shop/api/orders/a%2F..%2F..%2Fx/cancel"],
            _shop.Requests.Select(r => r.Target));
    }

    [Fact]
    public async Task OrdersOfCustomer_ReadsTheArray()
    {
        var ana = _shop.Orders["LP10000001"].CustomerId;

        var orders = await Backend().OrdersOfCustomerAsync(ana, default);

        Assert.Equal(["LP10000002", "LP10000001", "LP10000003"], orders.Select(o => o.Number));
        Assert.Equal($"/shop/api/customers/{ana}/orders", Assert.Single(_shop.Requests).Target);
    }

    [Fact]
    public async Task CreateReturn_PostsSnakeCaseJson_AndReads201()
    {
        var created = await Backend().CreateReturnAsync("LP10000001", [new ReturnLine("L1", 1), new ReturnLine("L2", 2)], "Too small", default);

        var request = Assert.Single(_shop.Requests);
        Assert.Equal(("POST", "/shop/api/orders/LP10000001/returns"), (request.Method, request.Target));
        Assert.Equal("""{"lines":[{"line_id":"L1","quantity":1},{"line_id":"L2","quantity":2}],"reason":"Too small"}""", request.Body);
        Assert.StartsWith("RMA-", created.Rma);
        Assert.Equal(ReturnStatus.LabelSent, created.Status);
        Assert.Equal(Json(created), Json(_shop.Orders["LP10000001"].Returns[^1]));
    }

    [Fact]
    public async Task CreateExchange_PostsTheLineAndTheNewSize_AndReads201()
    {
        var created = await Backend().CreateExchangeAsync("LP10000001", new ExchangeLine("L1", 1, "L"), "Exchange for L", default);

        var request = Assert.Single(_shop.Requests);
        Assert.Equal(("POST", "/shop/api/orders/LP10000001/exchanges"), (request.Method, request.Target));
        Assert.Equal("""{"line":{"line_id":"L1","quantity":1,"new_size":"L"},"reason":"Exchange for L"}""", request.Body);
        Assert.StartsWith("EXC-", created.Rma, StringComparison.Ordinal);
        Assert.Equal(new ExchangeLine("L1", 1, "L"), created.Line);
    }

    [Fact]
    public async Task CreateExchange_OnAShopWithoutExchanges_IsRefusedAsNotSupported_NotAnOutage()
    {
        _shop.ExchangesSupported = false;

        var refused = await Assert.ThrowsAsync<OrderActionRefusedException>(
            () => Backend().CreateExchangeAsync("LP10000001", new ExchangeLine("L1", 1, "L"), "Exchange for L", default));

        Assert.Equal(OrderActionRefusedException.NotSupported, refused.Code);
    }

    [Fact]
    public async Task CreateExchange_NotDelivered_IsTheShopsRefusal()
    {
        var refused = await Assert.ThrowsAsync<OrderActionRefusedException>(
            () => Backend().CreateExchangeAsync("LP10000002", new ExchangeLine("L1", 1, "L"), "x", default));

        Assert.Equal("not_delivered", refused.Code);
    }

    [Fact]
    public async Task Cancel_Posts_AndReadsTheCancelledOrder()
    {
        var cancelled = await Backend().CancelAsync("LP10000006", default);

        Assert.Equal(OrderStatus.Cancelled, cancelled.Status);
        var request = Assert.Single(_shop.Requests);
        Assert.Equal(("POST", "/shop/api/orders/LP10000006/cancel", ""), (request.Method, request.Target, request.Body));
    }

    [Fact]
    public async Task ChangeAddress_PutsTheAddressJson_AndReadsTheOrder()
    {
        var address = new Address("Dev Patel", "1 Lakeshore Dr", null, "Evanston", "IL", "60201", "US");

        var changed = await Backend().ChangeShippingAddressAsync("LP10000006", address, default);

        Assert.Equal(address, changed.ShippingAddress);
        var request = Assert.Single(_shop.Requests);
        Assert.Equal(("PUT", "/shop/api/orders/LP10000006/shipping-address"), (request.Method, request.Target));
        Assert.Equal(
            """{"name":"Dev Patel","line1":"1 Lakeshore Dr","line2":null,"city":"Evanston","region":"IL","postal_code":"60201","country":"US"}""",
            request.Body);
    }

    [Fact]
    public async Task Refusals_409And422_CarryTheShopsCodeAndMessage()
    {
        var backend = Backend();

        var shipped = await Assert.ThrowsAsync<OrderActionRefusedException>(() => backend.CancelAsync("LP10000002", default));
        var cancelled = await Assert.ThrowsAsync<OrderActionRefusedException>(() => backend.CancelAsync("LP10000011", default));
        var notDelivered = await Assert.ThrowsAsync<OrderActionRefusedException>(() => backend.CreateReturnAsync("LP10000002", [new ReturnLine("L1", 1)], "x", default));
        var readdress = await Assert.ThrowsAsync<OrderActionRefusedException>(
            () => backend.ChangeShippingAddressAsync("LP10000001", new Address("A", "B", null, "C", "OR", "97205", "US"), default));

        Assert.Equal(("already_shipped", "It has shipped."), (shipped.Code, shipped.Message));
        Assert.Equal("already_cancelled", cancelled.Code);
        Assert.Equal(("not_delivered", "It has not been delivered."), (notDelivered.Code, notDelivered.Message));
        Assert.Equal("already_shipped", readdress.Code);
    }

    [Fact]
    public async Task Refusal_404OnAnAction_IsUnknownOrder()
    {
        var backend = Backend();

        Assert.Equal("unknown_order", (await Assert.ThrowsAsync<OrderActionRefusedException>(() => backend.CancelAsync("LP99999999", default))).Code);
        Assert.Equal("unknown_order", (await Assert.ThrowsAsync<OrderActionRefusedException>(
            () => backend.CreateReturnAsync("LP99999999", [new ReturnLine("L1", 1)], "x", default))).Code);
        Assert.Equal("unknown_order", (await Assert.ThrowsAsync<OrderActionRefusedException>(
            () => backend.ChangeShippingAddressAsync("LP99999999", new Address("A", "B", null, "C", "OR", "97205", "US"), default))).Code);
    }

    [Fact]
    public async Task Refusal_WithoutTheContractsBody_IsStillARefusal()
    {
        await using var server = await RecordingServer.StartAsync(async (context, _) =>
        {
            context.Response.StatusCode = 409;
            await context.Response.WriteAsync("conflict");
        });
        using var client = new HttpClient { BaseAddress = server.Address };

        var refusal = await Assert.ThrowsAsync<OrderActionRefusedException>(() => new HttpOrderBackend(client).CancelAsync("LP10000006", default));

        Assert.Equal("refused", refusal.Code);
    }

    public static TheoryData<ShopFailure> Failures => [ShopFailure.ServerError, ShopFailure.Slow, ShopFailure.MalformedJson, ShopFailure.Unauthorized];

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Failures_AreUnavailable_OnEveryCall_AndNeverShowTheKey(ShopFailure failure)
    {
        _shop.Failure = failure;
        using var client = _shop.CreateClient(timeout: TimeSpan.FromMilliseconds(500));
        var backend = new HttpOrderBackend(client);

        var errors = new List<OrderBackendUnavailableException>
        {
            await Assert.ThrowsAsync<OrderBackendUnavailableException>(() => backend.FindOrderAsync("LP10000001", default)),
            await Assert.ThrowsAsync<OrderBackendUnavailableException>(() => backend.OrdersOfCustomerAsync("CUS-10001", default)),
            await Assert.ThrowsAsync<OrderBackendUnavailableException>(() => backend.CreateReturnAsync("LP10000001", [new ReturnLine("L1", 1)], "x", default)),
            await Assert.ThrowsAsync<OrderBackendUnavailableException>(() => backend.CancelAsync("LP10000006", default)),
            await Assert.ThrowsAsync<OrderBackendUnavailableException>(
                () => backend.ChangeShippingAddressAsync("LP10000006", new Address("A", "B", null, "C", "IL", "60614", "US"), default)),
        };

        Assert.All(errors, e => Assert.DoesNotContain(_shop.ApiKey, e.ToString()));
        Assert.Equal(OrderStatus.Placed, _shop.Orders["LP10000006"].Status);
    }

    [Fact]
    public async Task Failure_WrongKey_401_IsUnavailable_AndSaysToCheckTheSetting()
    {
        using var client = _shop.CreateClient(apiKey: "wrong-key-123");

        var error = await Assert.ThrowsAsync<OrderBackendUnavailableException>(() => new HttpOrderBackend(client).FindOrderAsync("LP10000001", default));

        Assert.Contains("401", error.Message);
        Assert.Contains("Orders:ApiKey", error.Message);
        Assert.DoesNotContain("wrong-key-123", error.ToString());
        Assert.Equal("Bearer wrong-key-123", Assert.Single(_shop.Requests).Authorization);
    }

    [Fact]
    public async Task Failure_NobodyListening_IsUnavailable()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/api/"), Timeout = TimeSpan.FromSeconds(2) };

        await Assert.ThrowsAsync<OrderBackendUnavailableException>(() => new HttpOrderBackend(client).FindOrderAsync("LP10000001", default));
    }

    [Theory]
    [InlineData("""{"number":"LP10000001"}""")] // fields missing
    [InlineData("""{"number":"LP10000001","status":"Teleported"}""")] // not a status
    [InlineData("null")]
    [InlineData("<html>maintenance</html>")]
    public async Task Failure_ABodyThatIsNotTheContract_IsUnavailable(string body)
    {
        await using var server = await RecordingServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body);
        });
        using var client = new HttpClient { BaseAddress = server.Address };

        await Assert.ThrowsAsync<OrderBackendUnavailableException>(() => new HttpOrderBackend(client).FindOrderAsync("LP10000001", default));
    }

    /// <summary>An order exactly as the contract in docs/OPERATIONS.md spells it, every field named by hand.</summary>
    private const string ContractOrder = """
        {"number":"LP1","customer_id":"CUS-1","email":"ana@example.com","first_name":"Ana","placed_at":"2026-01-02T03:04:05+00:00","status":"Delivered",
        "items":[{"line_id":"L1","sku":"TEE-M","name":"Tee","category":"tops","size":"M","quantity":2,"unit_price":19.5,"final_sale":true}],
        "payment":{"method":"card","total":39.0,"currency":"USD"},
        "shipping_address":{"name":"Ana Lima","line1":"1 Main St","line2":"Apt 2","city":"Portland","region":"OR","postal_code":"97205","country":"US"},
        "shipment":{"carrier":"UPS","tracking_number":"1Z","tracking_url":"https://t/","status":"InTransit","shipped_at":"2026-01-03T00:00:00+00:00",
        "estimated_delivery":"2026-01-05","delivered_at":null,"events":[{"at":"2026-01-03T00:00:00+00:00","location":"Reno","description":"Departed"}]},
        "returns":[{"rma":"RMA-1","lines":[{"line_id":"L1","quantity":1}],"reason":"Too small","status":"LabelSent","created_at":"2026-01-06T00:00:00+00:00",
        "label_url":"https://l/","refund":{"amount":19.5,"status":"Issued","method":"card","issued_at":"2026-01-07T00:00:00+00:00"}}]}
        """;

    [Fact]
    public async Task FindOrder_TheContractsSnakeCaseNames_AreReadField_ByField()
    {
        await using var server = await RecordingServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(ContractOrder);
        });
        using var client = new HttpClient { BaseAddress = server.Address };

        var order = (await new HttpOrderBackend(client).FindOrderAsync("LP1", default))!;

        Assert.Equal(("CUS-1", "ana@example.com", "Ana", OrderStatus.Delivered), (order.CustomerId, order.Email, order.FirstName, order.Status));
        Assert.Equal(new OrderItem("L1", "TEE-M", "Tee", "tops", "M", 2, 19.5m, true), Assert.Single(order.Items));
        Assert.Equal(new Payment("card", 39.0m, "USD"), order.Payment);
        Assert.Equal(new Address("Ana Lima", "1 Main St", "Apt 2", "Portland", "OR", "97205", "US"), order.ShippingAddress);
        Assert.Equal(("1Z", "https://t/", ShipmentStatus.InTransit, new DateOnly(2026, 1, 5)),
            (order.Shipment!.TrackingNumber, order.Shipment.TrackingUrl, order.Shipment.Status, order.Shipment.EstimatedDelivery));
        Assert.Equal(("Reno", "Departed"), (Assert.Single(order.Shipment.Events).Location, order.Shipment.Events[0].Description));
        var created = Assert.Single(order.Returns);
        Assert.Equal(("RMA-1", "https://l/", ReturnStatus.LabelSent, new ReturnLine("L1", 1)), (created.Rma, created.LabelUrl, created.Status, Assert.Single(created.Lines)));
        Assert.Equal((19.5m, RefundStatus.Issued, "card"), (created.Refund!.Amount, created.Refund.Status, created.Refund.Method));
    }

    [Fact]
    public async Task Failure_AnOrderWithANullWhereTheContractHasNone_IsUnavailable()
    {
        var json = JsonSerializer.Serialize(_shop.Orders["LP10000001"], OrderBackendJson.Default.Order).Replace("\"email\":\"ana.lima@example.com\"", "\"email\":null", StringComparison.Ordinal);
        await using var server = await RecordingServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(json);
        });
        using var client = new HttpClient { BaseAddress = server.Address };

        await Assert.ThrowsAsync<OrderBackendUnavailableException>(() => new HttpOrderBackend(client).FindOrderAsync("LP10000001", default));
    }

    [Fact]
    public async Task CallerCancellation_IsNotAnOutage()
    {
        _shop.Failure = ShopFailure.Slow;
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Backend().FindOrderAsync("LP10000001", cancel.Token));

        Assert.IsNotType<OrderBackendUnavailableException>(error);
    }
}
