using SupportBot.Orders;

namespace SupportBot.Tests.Orders;

/// <summary>The demo data itself, before any database: the same seed and time give the same store.</summary>
[Trait("Category", "Unit")]
public sealed class DemoStoreGenerationTests
{
    private static readonly DateTimeOffset Now = DemoOrderBackendTests.Now;

    private static string Json<T>(T value) => DemoOrderBackendTests.Json(value);

    [Fact]
    public void Generate_SameSeedAndTime_SameData_OtherSeed_OtherData()
    {
        var first = DemoStore.Generate(2026, Now);
        var again = DemoStore.Generate(2026, Now);
        var other = DemoStore.Generate(7, Now);

        Assert.Equal(Json(first.Orders), Json(again.Orders));
        Assert.Equal(Json(first.Customers), Json(again.Customers));
        Assert.NotEqual(Json(first.Orders), Json(other.Orders));

        // The scenarios do not depend on the seed.
        Assert.Equal(
            Json(first.Orders.Where(o => DemoStore.ScenarioNumbers.Contains(o.Number))),
            Json(other.Orders.Where(o => DemoStore.ScenarioNumbers.Contains(o.Number))));
    }
}
