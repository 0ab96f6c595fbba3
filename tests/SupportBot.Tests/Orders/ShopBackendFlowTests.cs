using SupportBot.Conversation;
using SupportBot.Orders;
using SupportBot.Tests.Support;
using SupportBot.Schema;

namespace SupportBot.Tests.Orders;

/// <summary>The bot configured for a shop's own backend (<c>Orders:Backend=Http</c>): the same flows, over the contract in docs/OPERATIONS.md.</summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class ShopBackendFlowTests
{
    [Fact]
    public async Task ConfiguredHttpBackend_ServesTheFlows_WithTheApiKey()
    {
        await using var shop = await FakeShopServer.StartAsync("shop-key-771");
        shop.StockDemoScenarios(TimeProvider.System.GetUtcNow());

        await using var host = await EngineHost.StartAsync("--Orders:Backend", "Http", "--Orders:BaseUrl", shop.BaseAddress.ToString(), "--Orders:ApiKey", "shop-key-771");
        var chat = new EngineChat(host.Engine);

        var status = await chat.SayAsync("where is LP10000002? ana.lima@example.com");
        var cancel = await new EngineChat(host.Engine).SayAsync("cancel order LP10000006 dev.patel@example.com");

        Assert.Contains("on its way with UPS", status.Text, StringComparison.Ordinal);
        Assert.Equal(OrderDialog.Confirm, cancel.Decision.Step);
        Assert.All(shop.Requests, r => Assert.Equal("Bearer shop-key-771", r.Authorization));
        Assert.Contains(shop.Requests, r => r.Target.EndsWith("/orders/LP10000002", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ShopBackendDown_TheShopperIsToldAndHandedOff()
    {
        await using var shop = await FakeShopServer.StartAsync();
        shop.Failure = ShopFailure.ServerError;
        await using var host = await EngineHost.StartAsync("--Orders:Backend", "Http", "--Orders:BaseUrl", shop.BaseAddress.ToString(), "--Orders:ApiKey", shop.ApiKey);

        var reply = await new EngineChat(host.Engine).SayAsync("where is LP10000002? ana.lima@example.com");

        Assert.Equal((TurnDecision.Transfer, OrderDialog.HandoffBackendDown), (reply.Decision.Action, reply.Decision.Handoff));
        Assert.StartsWith("I'm sorry, I can't reach our order system right now.", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AShopRestarting_IsRetriedForReads_AndNeverForAReturn()
    {
        await using var shop = await FakeShopServer.StartAsync();
        shop.StockDemoScenarios(TimeProvider.System.GetUtcNow());

        await using var host = await EngineHost.StartAsync("--Orders:Backend", "Http", "--Orders:BaseUrl", shop.BaseAddress.ToString(), "--Orders:ApiKey", shop.ApiKey);
        var chat = new EngineChat(host.Engine);

        shop.TransientFailures = 1;
        var status = await chat.SayAsync("where is LP10000002? ana.lima@example.com");
        var returning = new EngineChat(host.Engine);
        var items = await returning.SayAsync("I want to return something from LP10000001 ana.lima@example.com");
        var item = await returning.SayAsync(items.Actions[0]);
        await returning.SayAsync("Too small");
        var posts = shop.Requests.Count(r => r.Method == "POST");
        shop.TransientFailureMethod = "POST";
        shop.TransientFailures = 1;
        var refused = await returning.SayAsync("Yes, create the return");

        Assert.Contains("on its way with UPS", status.Text, StringComparison.Ordinal);
        Assert.Equal(2, shop.Requests.Count(r => r.Method == "GET" && r.Target.EndsWith("/orders/LP10000002", StringComparison.Ordinal)));
        Assert.Equal(OrderDialog.ChooseReason, item.Decision.Step);
        Assert.Equal(posts + 1, shop.Requests.Count(r => r.Method == "POST"));
        Assert.Equal((TurnDecision.Transfer, OrderDialog.HandoffBackendDown), (refused.Decision.Action, refused.Decision.Handoff));
    }
}
