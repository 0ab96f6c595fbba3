using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Orders;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Orders;

/// <summary>The engine takes the order backend <c>Orders:Backend</c> names from what was added, and says so when it was not.</summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class OrderBackendChoiceTests
{
    [Fact]
    public void DemoBackend_WithoutTheDemoStoreAdded_IsAnErrorSayingWhatToAdd()
    {
        var services = new ServiceCollection().AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddOrders();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOrderBackend>());

        Assert.Contains("Orders:Backend is Demo", error.Message, StringComparison.Ordinal);
        Assert.Contains("AddDemoStore()", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HttpBackend_IsTheShopsApi()
    {
        var settings = new Dictionary<string, string?> { ["Orders:Backend"] = "Http", ["Orders:BaseUrl"] = "http://127.0.0.1:9/shop/api/" };
        var services = new ServiceCollection().AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging().AddOrders();
        using var provider = services.BuildServiceProvider();

        Assert.IsType<HttpOrderBackend>(provider.GetRequiredService<IOrderBackend>());
    }
}
