using Microsoft.Extensions.FileProviders;
using SupportBot.DemoStore;
using SupportBot.Orders;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.DemoStore;

/// <summary>
/// The seed files themselves, before any database: the built-in ones load and date every order relative to now, and
/// a broken one is refused with its path and line.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class DemoSeedTests
{
    private static readonly DateTimeOffset Now = DemoOrderBackendTests.Now;
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    private static string Json<T>(T value) => DemoOrderBackendTests.Json(value);

    private static readonly string[] SeedFiles = [DemoSeed.Customers, DemoSeed.Scenarios, DemoSeed.Orders];

    /// <summary>Where in <c>orders.json</c> a fault goes: its first line holding <paramref name="text"/> (counted from 1).</summary>
    public static TheoryData<string, string, string, string> Faults => new()
    {
        // text found, replaced by, what the error says
        { "\"email\":", "\"e_mail\":", "e_mail", "unknown field" },
        { "\"status\": \"Delivered\"", "\"status\": \"Deliverd\"", "status", "a value no order status has" },
        { "\"quantity\": 1,", "\"quantity\": \"one\",", "quantity", "text where a number belongs" },
    };

    [Fact]
    public void BuiltInSeed_HasTheTwelveScenarios_AndEveryOrdersCustomer()
    {
        var seed = DemoSeed.Load(Now);

        Assert.Equal(Enumerable.Range(1, 12).Select(n => $"LP{10000000 + n}"), seed.Scenarios.Select(o => o.Number));
        Assert.True(seed.Background.Count >= 200, $"{seed.Background.Count} other orders");
        Assert.Equal(["ana.lima@example.com", "ben.okafor@example.com", "chloe.martin@example.org"], seed.Customers.Take(3).Select(c => c.Email));
        var customers = seed.Customers.Select(c => c.Id).ToHashSet();
        Assert.All(seed.Orders, o => Assert.Contains(o.CustomerId, customers));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    [InlineData(-400)]
    public void Dates_AreRelativeToNow_WhateverDayItIs(int hoursLater)
    {
        var now = Now.AddHours(hoursLater);
        var today = DateOnly.FromDateTime(now.UtcDateTime);

        var orders = DemoSeed.Load(now).Scenarios.ToDictionary(o => o.Number);

        Assert.Equal(now.AddDays(-9), orders["LP10000001"].PlacedAt);
        Assert.Equal(now.AddDays(-5), orders["LP10000001"].Shipment!.DeliveredAt);
        Assert.Equal(today.AddDays(2), orders["LP10000002"].Shipment!.EstimatedDelivery);
        Assert.Equal(now.AddHours(-3), orders["LP10000002"].Shipment!.Events[^1].At);
        Assert.Equal(today.AddDays(-3), orders["LP10000004"].Shipment!.EstimatedDelivery);
        Assert.Equal(now.AddMinutes(-10), orders["LP10000006"].PlacedAt);
        Assert.Equal(now.AddDays(-2), Assert.Single(orders["LP10000008"].Returns).CreatedAt);
        Assert.Equal(now.AddDays(-16), Assert.Single(orders["LP10000010"].Returns).Refund!.IssuedAt);
    }

    [Fact]
    public void EveryDate_MovesByTheSameSpan_AndEveryCalendarDateByTheSameDays()
    {
        var before = DemoSeed.Load(Now).Orders.ToList();
        var after = DemoSeed.Load(Now.AddDays(40).AddHours(7)).Orders.ToList();

        Assert.Equal(before.Select(o => o.Number), after.Select(o => o.Number));
        Assert.All(before.Zip(after), pair =>
        {
            var (was, now) = pair;
            Assert.Equal(was.PlacedAt.AddDays(40).AddHours(7), now.PlacedAt);
            Assert.Equal(was.Shipment?.EstimatedDelivery?.AddDays(40), now.Shipment?.EstimatedDelivery);
            Assert.Equal(was.Shipment?.Events.Select(e => e.At.AddDays(40).AddHours(7)), now.Shipment?.Events.Select(e => e.At));
            Assert.Equal(was.Returns.Select(r => r.CreatedAt.AddDays(40).AddHours(7)), now.Returns.Select(r => r.CreatedAt));
            Assert.Equal(Json(was with { PlacedAt = now.PlacedAt, Shipment = now.Shipment, Returns = now.Returns }), Json(now));
        });
        Assert.All(after.Where(o => o.Shipment?.Status == ShipmentStatus.InTransit), o => Assert.True(o.Shipment!.EstimatedDelivery > Today.AddDays(40)));
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public void BrokenSeedFile_IsRefused_NamingTheFileAndLine(string text, string replacement, string named, string why)
    {
        using var folder = CopyOfTheSeed();
        var path = Path.Combine(folder.Path, DemoSeed.Orders);
        var lines = File.ReadAllLines(path);
        var line = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        lines[line] = lines[line].Replace(text, replacement, StringComparison.Ordinal);
        File.WriteAllLines(path, lines);

        var error = Assert.Throws<InvalidDataException>(() => DemoSeed.Load(new PhysicalFileProvider(folder.Path), Now));

        Assert.StartsWith($"{path}:{line + 1}: ", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Contains(named, StringComparison.Ordinal), $"{why}: {error.Message}");
    }

    [Fact]
    public void SeedFileThatIsNotJson_IsRefused_NamingTheFileAndLine()
    {
        using var folder = CopyOfTheSeed();
        var path = folder.Write(DemoSeed.Customers, "[\n  { \"id\": \"CUS-1\", \"first_name\": \"Ana\" \"last_name\": \"Lima\" }\n]\n");

        var error = Assert.Throws<InvalidDataException>(() => DemoSeed.Load(new PhysicalFileProvider(folder.Path), Now));

        Assert.StartsWith($"{path}:2: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOrderOfNoKnownCustomer_IsRefused_NamingItsFile()
    {
        using var folder = CopyOfTheSeed();
        var path = Path.Combine(folder.Path, DemoSeed.Scenarios);
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"customer_id\": \"CUS-10002\"", "\"customer_id\": \"CUS-99999\"", StringComparison.Ordinal));

        var error = Assert.Throws<InvalidDataException>(() => DemoSeed.Load(new PhysicalFileProvider(folder.Path), Now));

        Assert.Equal($"{path}: order LP10000004 belongs to CUS-99999, who is not in customers.json", error.Message);
    }

    [Fact]
    public void AMissingSeedFile_IsRefused_NamingIt()
    {
        using var folder = CopyOfTheSeed();
        File.Delete(Path.Combine(folder.Path, DemoSeed.Orders));

        var error = Assert.Throws<InvalidDataException>(() => DemoSeed.Load(new PhysicalFileProvider(folder.Path), Now));

        Assert.Contains(DemoSeed.Orders, error.Message, StringComparison.Ordinal);
        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The built-in seed files, written out to a folder where a test can break one.</summary>
    private static TempFolder CopyOfTheSeed()
    {
        var folder = TempFolder.Create();
        foreach (var name in SeedFiles)
        {
            using var stream = DemoSeed.BuiltIn.GetFileInfo(name).CreateReadStream();
            using var reader = new StreamReader(stream);
            folder.Write(name, reader.ReadToEnd());
        }

        return folder;
    }
}
