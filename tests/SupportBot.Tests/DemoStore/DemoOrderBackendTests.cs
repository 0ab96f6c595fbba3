using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SupportBot.DemoStore;
using SupportBot.Orders;
using SupportBot.Storage;
using SupportBot.Tests.Storage;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.DemoStore;

/// <summary>
/// The demo store's rules, enforced by the store itself, on a real SQLite file and a real PostgreSQL database; and its
/// behaviour under concurrent conversations on one instance and on two instances sharing the database.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed partial class DemoOrderBackendTests : OnBothProviders
{
    internal static readonly DateTimeOffset Now = new(2026, 11, 25, 15, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Now);

    public static IEnumerable<object[]> OneOrTwoInstances => OnEach(1, 2);

    public static IEnumerable<object[]> CancelRefusals => OnEach(
        ("LP10000002", "already_shipped"), // shipped, in transit
        ("LP10000004", "already_shipped"), // shipped, delayed
        ("LP10000001", "already_shipped"), // delivered
        ("LP10000011", "already_cancelled"),
        ("LP10000007", "processing"),
        ("LP99999999", "unknown_order"));

    public static IEnumerable<object[]> NotYetShipped => OnEach(
        "LP10000006", // placed
        "LP10000007"); // processing

    public static IEnumerable<object[]> AddressChangeRefusals => OnEach(
        ("LP10000002", "already_shipped"),
        ("LP10000005", "already_shipped"),
        ("LP10000001", "already_shipped"),
        ("LP10000011", "already_cancelled"),
        ("LP99999999", "unknown_order"));

    public static IEnumerable<object[]> ReturnRefusals => OnEach(
        ("LP10000002", "L1", 1, "not_delivered"), // shipped
        ("LP10000006", "L1", 1, "not_delivered"), // placed
        ("LP10000011", "L1", 1, "not_delivered"), // cancelled
        ("LP10000001", "L9", 1, "unknown_line"),
        ("LP10000001", "L3", 1, "final_sale"),
        ("LP10000012", "L1", 1, "final_sale"),
        ("LP10000012", "L3", 1, "final_sale"),
        ("LP10000008", "L1", 1, "already_returned"), // RMA-100008 has it
        ("LP10000001", "L1", 2, "already_returned"), // only one was bought
        ("LP10000003", "L1", 1, "outside_window"), // delivered 45 days ago
        ("LP99999999", "L1", 1, "unknown_order"));

    private static async Task<OrderActionRefusedException> Refused(Func<Task> action) =>
        await Assert.ThrowsAsync<OrderActionRefusedException>(action);

    /// <summary>Runs an action and says "ok" or the refusal's code.</summary>
    private static async Task<string> Outcome(Func<Task> action)
    {
        try
        {
            await action();
            return "ok";
        }
        catch (OrderActionRefusedException refusal)
        {
            return refusal.Code;
        }
    }

    /// <summary>The store on one instance, or on this one and others sharing its database.</summary>
    private DemoOrderBackend[] Instances(DemoStoreDatabase store, int count) =>
        [store.Open(_time), .. Enumerable.Range(1, count - 1).Select(_ => store.OpenAnotherInstance(_time))];

    [GeneratedRegex(@"^RMA-\d{6}$")]
    private static partial Regex RmaFormat();

    [Fact]
    public async Task AsTheProductBuildsIt_TheStoreIsInTheProductsDatabase_AndItsReturnWindowIsTheEditorsPolicy()
    {
        using var data = TempFolder.Create();
        using var knowledge = TempFolder.CopyOfKnowledge();
        var policies = Path.Combine(knowledge.Path, "policies.yml");
        File.WriteAllText(policies, File.ReadAllText(policies).Replace("  window_days: 30", "  window_days: 60", StringComparison.Ordinal));
        await using var host = await EngineHost.StartAsync("--Storage:DataPath", data.Path, "--Knowledge:Path", knowledge.Path);
        var backend = host.Services.GetRequiredService<DemoOrderBackend>();

        // LP10000003 was delivered 45 days ago: outside the default window, inside the edited one.
        var created = await backend.CreateReturnAsync("LP10000003", [new ReturnLine("L1", 1)], "x", default);

        Assert.Same(backend, host.Services.GetRequiredService<IOrderBackend>());
        Assert.Equal(ReturnStatus.LabelSent, created.Status);
        var database = Assert.IsType<SqliteDatabase>(host.Services.GetRequiredService<Database>());
        Assert.Equal(Path.Combine(data.Path, SqliteDatabase.FileName), database.FilePath);
        await using var connection = await database.OpenAsync(default);
        await using var stored = connection.Command("SELECT order_number FROM demo_returns WHERE rma = @rma").With("rma", created.Rma);
        Assert.Equal("LP10000003", await stored.ExecuteScalarAsync());
        Assert.False(File.Exists(Path.Combine(data.Path, "demo-store.db")));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task FindOrder_UnknownNumber_IsNull_AndNumbersAreReadInAnyCase(StorageProvider provider)
    {
        await using var store = await DemoStoreDatabase.CreateAsync(provider);
        var backend = store.Open(_time);

        Assert.Null(await backend.FindOrderAsync("LP99999999", default));
        Assert.Null(await backend.FindOrderAsync("", default));
        Assert.Equal("LP10000001", (await backend.FindOrderAsync(" lp10000001 ", default))!.Number);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task FindOrder_ItemsInLineOrder_ReturnsByCreation(StorageProvider provider)
    {
        await using var store = await DemoStoreDatabase.CreateAsync(provider);
        var backend = store.Open(_time);

        var order = (await backend.FindOrderAsync("LP10000001", default))!;

        Assert.Equal(["L1", "L2", "L3"], order.Items.Select(i => i.LineId));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task OrdersOfCustomer_NewestFirst(StorageProvider provider)
    {
        await using var store = await DemoStoreDatabase.CreateAsync(provider);
        var backend = store.Open(_time);
        var ana = (await backend.FindOrderAsync("LP10000001", default))!.CustomerId;

        var orders = await backend.OrdersOfCustomerAsync(ana, default);

        Assert.Equal(["LP10000002", "LP10000001", "LP10000003"], orders.Select(o => o.Number));
        Assert.Empty(await backend.OrdersOfCustomerAsync("CUS-NOBODY", default));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task Cancel_PlacedOrder_IsCancelledAndStaysCancelled(StorageProvider provider)
    {
        await using var store = await DemoStoreDatabase.CreateAsync(provider);
        var backend = store.Open(_time);

        var cancelled = await backend.CancelAsync("LP10000006", default);

        Assert.Equal(OrderStatus.Cancelled, cancelled.Status);
        Assert.Equal(OrderStatus.Cancelled, (await backend.FindOrderAsync("LP10000006", default))!.Status);
        Assert.Equal(OrderStatus.Cancelled, (await store.OpenAnotherInstance(_time).FindOrderAsync("LP10000006", default))!.Status);
    }

    [Theory]
    [MemberData(nameof(CancelRefusals))]
    internal async Task Cancel_WhenNotPlaced_IsRefusedWithTheReason_AndChangesNothing(StorageProvider provider, string number, string code)
    {
        await using var store = await DemoStoreDatabase.CreateAsync(provider);
        var backend = store.Open(_time);
        var before = await backend.FindOrderAsync(number, default);

        var refusal = await Refused(() => backend.CancelAsync(number, default));

        Assert.Equal(code, refusal.Code);
        Assert.False(string.IsNullOrWhiteSpace(refusal.Message));
        Assert.Equal(before?.Status, (await backend.FindOrderAsync(number, default))?.Status);
    }

    [Theory]
    [MemberData(nameof(NotYetShipped))]
    internal async Task ChangeAddress_BeforeShipping_IsSavedExactly(StorageProvider provider, string number)
    {
        await using var store = await DemoStoreDatabase.CreateAsync(provider);
        var backend = store.Open(_time);
        var address = new Address("Dev Patel", "1 Lakeshore Dr", "Suite 9", "Evanston", "IL", "60201-1234", "US");

        var changed = await backend.ChangeShippingAddressAsync(number, address, default);

        Assert.Equal(address, changed.ShippingAddress);
        Assert.Equal(address, (await store.OpenAnotherInstance(_time).FindOrderAsync(number, default))!.ShippingAddress);
    }

    [Theory]
    [MemberData(nameof(AddressChangeRefusals))]
    internal async Task ChangeAddress_AfterShippingOrCancelled_IsRefused_AndTheAddressStays(StorageProvider provider, string number, string code)
    {
        await using var store = await DemoStoreDatabase.CreateAsync(provider);
        var backend = store.Open(_time);
        var before = await backend.FindOrderAsync(number, default);

        var refusal = await Refused(() => backend.ChangeShippingAddressAsync(number, new Address("X", "1 Main St", null, "Reno", "NV", "89501", "US"), default));

        Assert.Equal(code, refusal.Code);
        Assert.Equal(before?.ShippingAddress, (await backend.FindOrderAsync(number, default))?.ShippingAddress);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task CreateReturn_DeliveredReturnableLine_GetsAnRmaAndALabel_AndIsPersisted(StorageProvider provider)
    {
        await using var store = await DemoStoreDatabase.CreateAsync(provider);
        var backend = store.Open(_time);

        var created = await backend.CreateReturnAsync("LP10000001", [new ReturnLine("L1", 1)], "Too small", default);

        Assert.Matches(RmaFormat(), created.Rma);
        Assert.Equal(ReturnStatus.LabelSent, created.Status);
        Assert.Equal($"https://www.larkspurandpine.com/returns/label/{created.Rma}", created.LabelUrl);
        Assert.Equal(Now, created.CreatedAt);
        Assert.Null(created.Refund);
        Assert.Equal("Too small", created.Reason);
        Assert.Equal([new ReturnLine("L1", 1)], created.Lines);

        var stored = Assert.Single((await store.OpenAnotherInstance(_time).FindOrderAsync("LP10000001", default))!.Returns);
        Assert.Equal(Json(created), Json(stored));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task CreateExchange_WithinTheExchangeWindow_GetsANumberAndALabel_AndIsPersistedWithTheSize(StorageProvider provider)
    {
        await using var store = await DemoStoreDatabase.CreateAsync(provider);
        var backend = store.Open(_time);

        var created = await backend.CreateExchangeAsync("LP10000001", new ExchangeLine("L1", 1, "L"), "Too small", default);

        Assert.StartsWith("EXC-", created.Rma, StringComparison.Ordinal);
        Assert.Equal($"https://www.larkspurandpine.com/returns/label/{created.Rma}", created.LabelUrl);
        Assert.Equal((Now, new ExchangeLine("L1", 1, "L")), (created.CreatedAt, created.Line));
        var stored = Assert.Single((await store.OpenAnotherInstance(_time).FindOrderAsync("LP10000001", default))!.Returns);
        Assert.Equal((created.Rma, "Exchange for L: Too small"), (stored.Rma, stored.Reason));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task CreateExchange_AgainstTheRules_IsRefusedWithTheReason(StorageProvider provider)
    {
        await using var store = await DemoStoreDatabase.CreateAsync(provider);
        var backend = store.Open(_time);

        async Task<string> Refused(string number, string line) =>
            (await Assert.ThrowsAsync<OrderActionRefusedException>(() => backend.CreateExchangeAsync(number, new ExchangeLine(line, 1, "L"), "x", default))).Code;

        Assert.Equal("final_sale", await Refused("LP10000001", "L3"));
        _time.Advance(TimeSpan.FromMinutes(1)); // LP10000003 was delivered 45 days before Now: a minute later it is past the 45-day window
        Assert.Equal("outside_window", await Refused("LP10000003", "L1"));
        Assert.Equal("not_delivered", await Refused("LP10000002", "L1"));
        Assert.Equal("already_returned", await Refused("LP10000008", "L1"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task CreateExchange_AfterTheReturnWindow_ButWithinTheExchangeWindow_IsAccepted(StorageProvider provider)
    {
        await using var store = await DemoStoreDatabase.CreateAsync(provider);
        var backend = store.Open(_time);
        _time.Advance(TimeSpan.FromDays(30)); // LP10000001 was delivered 5 days before Now: 35 days now, past 30, within 45

        await Assert.ThrowsAsync<OrderActionRefusedException>(() => backend.CreateReturnAsync("LP10000001", [new ReturnLine("L1", 1)], "x", default));
        var created = await backend.CreateExchangeAsync("LP10000001", new ExchangeLine("L1", 1, "XL"), "x", default);

        Assert.StartsWith("EXC-", created.Rma, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task CreateReturn_SeveralLines_AndTheSameLineTwice_AreOneReturn(StorageProvider provider)
    {
        await using var store = await DemoStoreDatabase.CreateAsync(provider);
        var backend = store.Open(_time);

        var created = await backend.CreateReturnAsync("LP10000008", [new ReturnLine("L2", 1), new ReturnLine("L2", 1)], "Ordered two", default);

        Assert.Equal([new ReturnLine("L2", 2)], created.Lines);
        var returns = (await backend.FindOrderAsync("LP10000008", default))!.Returns;
        Assert.Equal(["RMA-100008", created.Rma], returns.Select(r => r.Rma)); // ordered by creation
    }

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task CreateReturn_RmasAreUnique(StorageProvider provider)
    {
        await using var store = await DemoStoreDatabase.CreateAsync(provider);
        var backend = store.Open(_time);
        var rmas = new List<string>();
        foreach (var number in new[] { "LP10000001", "LP10000008", "LP10000009", "LP10000010" })
        {
            var order = (await backend.FindOrderAsync(number, default))!;
            var line = order.Items.First(i => !i.FinalSale && !order.Returns.SelectMany(r => r.Lines).Any(l => l.LineId == i.LineId));
            rmas.Add((await backend.CreateReturnAsync(number, [new ReturnLine(line.LineId, 1)], "x", default)).Rma);
        }

        var all = (await backend.AllOrdersAsync(default)).SelectMany(o => o.Returns).Select(r => r.Rma).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Subset(all.ToHashSet(), rmas.ToHashSet());
    }

    [Theory]
    [MemberData(nameof(ReturnRefusals))]
    internal async Task CreateReturn_AgainstTheRules_IsRefusedWithTheReason_AndNothingIsStored(StorageProvider provider, string number, string line, int quantity, string code)
    {
        await using var store = await DemoStoreDatabase.CreateAsync(provider);
        var backend = store.Open(_time);
        var before = (await backend.FindOrderAsync(number, default))?.Returns.Count;

        var refusal = await Refused(() => backend.CreateReturnAsync(number, [new ReturnLine(line, quantity)], "reason", default));

        Assert.Equal(code, refusal.Code);
        Assert.Equal(before, (await backend.FindOrderAsync(number, default))?.Returns.Count);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task CreateReturn_OneRefusedLine_RefusesTheWholeReturn(StorageProvider provider)
    {
        await using var store = await DemoStoreDatabase.CreateAsync(provider);
        var backend = store.Open(_time);

        var refusal = await Refused(() => backend.CreateReturnAsync("LP10000001", [new ReturnLine("L1", 1), new ReturnLine("L3", 1)], "x", default));

        Assert.Equal("final_sale", refusal.Code);
        Assert.Empty((await backend.FindOrderAsync("LP10000001", default))!.Returns);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task CreateReturn_PartOfALine_LeavesTheRestReturnable(StorageProvider provider)
    {
        await using var store = await DemoStoreDatabase.CreateAsync(provider);
        var backend = store.Open(_time); // LP10000008 L2 is two tees

        await backend.CreateReturnAsync("LP10000008", [new ReturnLine("L2", 1)], "x", default);
        await backend.CreateReturnAsync("LP10000008", [new ReturnLine("L2", 1)], "x", default);
        var refusal = await Refused(() => backend.CreateReturnAsync("LP10000008", [new ReturnLine("L2", 1)], "x", default));

        Assert.Equal("already_returned", refusal.Code);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task CreateReturn_ARejectedReturn_DoesNotCountAsReturned(StorageProvider provider)
    {
        await using var store = await DemoStoreDatabase.CreateAsync(provider);
        var backend = store.Open(_time);
        await backend.Seeded;
        Assert.Equal(1, await store.ExecuteAsync("UPDATE demo_returns SET status = 'Rejected' WHERE rma = 'RMA-100008'"));

        var created = await backend.CreateReturnAsync("LP10000008", [new ReturnLine("L1", 1)], "x", default);

        Assert.Equal(ReturnStatus.LabelSent, created.Status);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task CreateReturn_TheWindowIsThirtyDaysFromDelivery(StorageProvider provider)
    {
        await using var store = await DemoStoreDatabase.CreateAsync(provider);
        var backend = store.Open(_time); // LP10000001 was delivered 5 days before Now

        _time.Advance(TimeSpan.FromDays(25) - TimeSpan.FromMinutes(1));
        var inside = await backend.CreateReturnAsync("LP10000001", [new ReturnLine("L1", 1)], "x", default);
        _time.Advance(TimeSpan.FromMinutes(2));
        var refusal = await Refused(() => backend.CreateReturnAsync("LP10000001", [new ReturnLine("L2", 1)], "x", default));

        Assert.Equal(Now.AddDays(25).AddMinutes(-1), inside.CreatedAt);
        Assert.Equal("outside_window", refusal.Code);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task CreateReturn_TheWindowIsASetting(StorageProvider provider)
    {
        await using var store = await DemoStoreDatabase.CreateAsync(provider);
        var byDefault = await Refused(() => store.Open(_time).CreateReturnAsync("LP10000003", [new ReturnLine("L1", 1)], "x", default));

        var created = await store.Open(_time, returnWindowDays: () => 60).CreateReturnAsync("LP10000003", [new ReturnLine("L1", 1)], "x", default);

        Assert.Equal("outside_window", byDefault.Code);
        Assert.Equal(ReturnStatus.LabelSent, created.Status);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task CreateReturn_NoLinesOrNoQuantity_IsACallerError(StorageProvider provider)
    {
        await using var store = await DemoStoreDatabase.CreateAsync(provider);
        var backend = store.Open(_time);

        await Assert.ThrowsAsync<ArgumentException>(() => backend.CreateReturnAsync("LP10000001", [], "x", default));
        await Assert.ThrowsAsync<ArgumentException>(() => backend.CreateReturnAsync("LP10000001", [new ReturnLine("L1", 0)], "x", default));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task TwoInstancesOnOneDatabase_SeeEachOthersChanges(StorageProvider provider)
    {
        await using var store = await DemoStoreDatabase.CreateAsync(provider);
        var a = store.Open(_time);
        var b = store.OpenAnotherInstance(_time);

        var created = await a.CreateReturnAsync("LP10000001", [new ReturnLine("L1", 1)], "Too small", default);
        await b.CancelAsync("LP10000006", default);

        Assert.Equal([created.Rma], (await b.FindOrderAsync("LP10000001", default))!.Returns.Select(r => r.Rma));
        Assert.Equal("already_returned", (await Refused(() => b.CreateReturnAsync("LP10000001", [new ReturnLine("L1", 1)], "x", default))).Code);
        Assert.Equal(OrderStatus.Cancelled, (await a.FindOrderAsync("LP10000006", default))!.Status);
    }

    [Theory]
    [MemberData(nameof(OneOrTwoInstances))]
    internal async Task Concurrency_TenConversationsCancellingTheSameOrder_ExactlyOneSucceeds(StorageProvider provider, int instanceCount)
    {
        await using var store = await DemoStoreDatabase.CreateAsync(provider);
        var instances = Instances(store, instanceCount);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => Outcome(() => instances[i % instanceCount].CancelAsync("LP10000006", default)))));

        Assert.Single(attempts, a => a == "ok");
        Assert.Equal(9, attempts.Count(a => a == "already_cancelled"));
        Assert.Equal(OrderStatus.Cancelled, (await instances[^1].FindOrderAsync("LP10000006", default))!.Status);
    }

    [Theory]
    [MemberData(nameof(OneOrTwoInstances))]
    internal async Task Concurrency_SixConversationsReturningTheSameLine_ExactlyOneSucceeds(StorageProvider provider, int instanceCount)
    {
        await using var store = await DemoStoreDatabase.CreateAsync(provider);
        var instances = Instances(store, instanceCount);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() =>
            Outcome(() => instances[i % instanceCount].CreateReturnAsync("LP10000001", [new ReturnLine("L1", 1)], $"attempt {i}", default)))));

        Assert.Single(attempts, a => a == "ok");
        Assert.Equal(5, attempts.Count(a => a == "already_returned"));
        Assert.Single((await instances[^1].FindOrderAsync("LP10000001", default))!.Returns);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task Concurrency_ReturnsOfDifferentOrdersOnTwoInstances_AllSucceed(StorageProvider provider)
    {
        await using var store = await DemoStoreDatabase.CreateAsync(provider);
        var instances = Instances(store, 2);
        var returnable = new List<(string Number, string Line)>();
        foreach (var number in new[] { "LP10000001", "LP10000008", "LP10000009", "LP10000010" })
        {
            var order = (await instances[0].FindOrderAsync(number, default))!;
            returnable.Add((number, order.Items.First(i => !i.FinalSale && !order.Returns.SelectMany(r => r.Lines).Any(l => l.LineId == i.LineId)).LineId));
        }

        var attempts = await Task.WhenAll(returnable.Select((r, i) => Task.Run(() =>
            Outcome(() => instances[i % 2].CreateReturnAsync(r.Number, [new ReturnLine(r.Line, 1)], "x", default)))));

        Assert.All(attempts, a => Assert.Equal("ok", a));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task Actions_HonourCancellation(StorageProvider provider)
    {
        await using var store = await DemoStoreDatabase.CreateAsync(provider);
        var backend = store.Open(_time);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => backend.FindOrderAsync("LP10000001", cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => backend.CancelAsync("LP10000006", cancelled.Token));
        Assert.Equal(OrderStatus.Placed, (await backend.FindOrderAsync("LP10000006", default))!.Status);
    }

    internal static string Json<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value);
}
