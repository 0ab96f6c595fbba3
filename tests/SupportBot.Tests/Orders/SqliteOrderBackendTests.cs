using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Orders;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Orders;

/// <summary>The demo store's rules, enforced by the store itself, on a real SQLite file; and its behaviour under concurrent conversations.</summary>
public sealed partial class SqliteOrderBackendTests : IDisposable
{
    internal static readonly DateTimeOffset Now = new(2026, 11, 25, 15, 0, 0, TimeSpan.Zero);

    private readonly TempFolder _folder = TempFolder.Create();
    private readonly FakeTimeProvider _time = new(Now);

    public void Dispose() => _folder.Dispose();

    private string DatabaseFile => Path.Combine(_folder.Path, "data", SqliteOrderBackend.FileName);

    private SqliteOrderBackend Open(int seed = 2026) => new(DatabaseFile, seed, _time);

    private static async Task<OrderActionRefusedException> Refused(Func<Task> action) =>
        await Assert.ThrowsAsync<OrderActionRefusedException>(action);

    [GeneratedRegex(@"^RMA-\d{6}$")]
    private static partial Regex RmaFormat();

    [Fact]
    public async Task AsTheProductBuildsIt_TheStoreIsUnderTheDataFolder_AndItsReturnWindowIsTheEditorsPolicy()
    {
        using var knowledge = TempFolder.CopyOfKnowledge();
        var policies = Path.Combine(knowledge.Path, "policies.yml");
        File.WriteAllText(policies, File.ReadAllText(policies).Replace("  window_days: 30", "  window_days: 60", StringComparison.Ordinal));
        await using var host = await EngineHost.StartAsync("--Storage:DataPath", Path.Combine(_folder.Path, "data"), "--Knowledge:Path", knowledge.Path);
        var backend = host.Services.GetRequiredService<SqliteOrderBackend>();

        // LP10000003 was delivered 45 days ago: outside the default window, inside the edited one.
        var created = await backend.CreateReturnAsync("LP10000003", [new ReturnLine("L1", 1)], "x", default);

        Assert.Equal(DatabaseFile, backend.DatabaseFile);
        Assert.Equal(ReturnStatus.LabelSent, created.Status);
    }

    [Fact]
    public async Task FindOrder_UnknownNumber_IsNull_AndNumbersAreReadInAnyCase()
    {
        var backend = Open();

        Assert.Null(await backend.FindOrderAsync("LP99999999", default));
        Assert.Null(await backend.FindOrderAsync("", default));
        Assert.Equal("LP10000001", (await backend.FindOrderAsync(" lp10000001 ", default))!.Number);
    }

    [Fact]
    public async Task FindOrder_ItemsInLineOrder_ReturnsByCreation()
    {
        var backend = Open();

        var order = (await backend.FindOrderAsync("LP10000001", default))!;

        Assert.Equal(["L1", "L2", "L3"], order.Items.Select(i => i.LineId));
    }

    [Fact]
    public async Task OrdersOfCustomer_NewestFirst()
    {
        var backend = Open();
        var ana = (await backend.FindOrderAsync("LP10000001", default))!.CustomerId;

        var orders = await backend.OrdersOfCustomerAsync(ana, default);

        Assert.Equal(["LP10000002", "LP10000001", "LP10000003"], orders.Select(o => o.Number));
        Assert.Empty(await backend.OrdersOfCustomerAsync("CUS-NOBODY", default));
    }

    [Fact]
    public async Task Cancel_PlacedOrder_IsCancelledAndStaysCancelled()
    {
        var backend = Open();

        var cancelled = await backend.CancelAsync("LP10000006", default);

        Assert.Equal(OrderStatus.Cancelled, cancelled.Status);
        Assert.Equal(OrderStatus.Cancelled, (await backend.FindOrderAsync("LP10000006", default))!.Status);
        Assert.Equal(OrderStatus.Cancelled, (await Open().FindOrderAsync("LP10000006", default))!.Status);
    }

    [Theory]
    [InlineData("LP10000002", "already_shipped")] // shipped, in transit
    [InlineData("LP10000004", "already_shipped")] // shipped, delayed
    [InlineData("LP10000001", "already_shipped")] // delivered
    [InlineData("LP10000011", "already_cancelled")]
    [InlineData("LP10000007", "processing")]
    [InlineData("LP99999999", "unknown_order")]
    public async Task Cancel_WhenNotPlaced_IsRefusedWithTheReason_AndChangesNothing(string number, string code)
    {
        var backend = Open();
        var before = await backend.FindOrderAsync(number, default);

        var refusal = await Refused(() => backend.CancelAsync(number, default));

        Assert.Equal(code, refusal.Code);
        Assert.False(string.IsNullOrWhiteSpace(refusal.Message));
        Assert.Equal(before?.Status, (await backend.FindOrderAsync(number, default))?.Status);
    }

    [Theory]
    [InlineData("LP10000006")] // placed
    [InlineData("LP10000007")] // processing
    public async Task ChangeAddress_BeforeShipping_IsSavedExactly(string number)
    {
        var backend = Open();
        var address = new Address("Dev Patel", "1 Lakeshore Dr", "Suite 9", "Evanston", "IL", "60201-1234", "US");

        var changed = await backend.ChangeShippingAddressAsync(number, address, default);

        Assert.Equal(address, changed.ShippingAddress);
        Assert.Equal(address, (await Open().FindOrderAsync(number, default))!.ShippingAddress);
    }

    [Theory]
    [InlineData("LP10000002", "already_shipped")]
    [InlineData("LP10000005", "already_shipped")]
    [InlineData("LP10000001", "already_shipped")]
    [InlineData("LP10000011", "already_cancelled")]
    [InlineData("LP99999999", "unknown_order")]
    public async Task ChangeAddress_AfterShippingOrCancelled_IsRefused_AndTheAddressStays(string number, string code)
    {
        var backend = Open();
        var before = await backend.FindOrderAsync(number, default);

        var refusal = await Refused(() => backend.ChangeShippingAddressAsync(number, new Address("X", "1 Main St", null, "Reno", "NV", "89501", "US"), default));

        Assert.Equal(code, refusal.Code);
        Assert.Equal(before?.ShippingAddress, (await backend.FindOrderAsync(number, default))?.ShippingAddress);
    }

    [Fact]
    public async Task CreateReturn_DeliveredReturnableLine_GetsAnRmaAndALabel_AndIsPersisted()
    {
        var backend = Open();

        var created = await backend.CreateReturnAsync("LP10000001", [new ReturnLine("L1", 1)], "Too small", default);

        Assert.Matches(RmaFormat(), created.Rma);
        Assert.Equal(ReturnStatus.LabelSent, created.Status);
        Assert.Equal($"https://www.larkspurandpine.com/returns/label/{created.Rma}", created.LabelUrl);
        Assert.Equal(Now, created.CreatedAt);
        Assert.Null(created.Refund);
        Assert.Equal("Too small", created.Reason);
        Assert.Equal([new ReturnLine("L1", 1)], created.Lines);

        var stored = Assert.Single((await Open().FindOrderAsync("LP10000001", default))!.Returns);
        Assert.Equal(Json(created), Json(stored));
    }

    [Fact]
    public async Task CreateReturn_SeveralLines_AndTheSameLineTwice_AreOneReturn()
    {
        var backend = Open();

        var created = await backend.CreateReturnAsync("LP10000008", [new ReturnLine("L2", 1), new ReturnLine("L2", 1)], "Ordered two", default);

        Assert.Equal([new ReturnLine("L2", 2)], created.Lines);
        var returns = (await backend.FindOrderAsync("LP10000008", default))!.Returns;
        Assert.Equal(["RMA-100008", created.Rma], returns.Select(r => r.Rma)); // ordered by creation
    }

    [Fact]
    public async Task CreateReturn_RmasAreUnique()
    {
        var backend = Open();
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
    [InlineData("LP10000002", "L1", 1, "not_delivered")] // shipped
    [InlineData("LP10000006", "L1", 1, "not_delivered")] // placed
    [InlineData("LP10000011", "L1", 1, "not_delivered")] // cancelled
    [InlineData("LP10000001", "L9", 1, "unknown_line")]
    [InlineData("LP10000001", "L3", 1, "final_sale")]
    [InlineData("LP10000012", "L1", 1, "final_sale")]
    [InlineData("LP10000012", "L3", 1, "final_sale")]
    [InlineData("LP10000008", "L1", 1, "already_returned")] // RMA-100008 has it
    [InlineData("LP10000001", "L1", 2, "already_returned")] // only one was bought
    [InlineData("LP10000003", "L1", 1, "outside_window")] // delivered 45 days ago
    [InlineData("LP99999999", "L1", 1, "unknown_order")]
    public async Task CreateReturn_AgainstTheRules_IsRefusedWithTheReason_AndNothingIsStored(string number, string line, int quantity, string code)
    {
        var backend = Open();
        var before = (await backend.FindOrderAsync(number, default))?.Returns.Count;

        var refusal = await Refused(() => backend.CreateReturnAsync(number, [new ReturnLine(line, quantity)], "reason", default));

        Assert.Equal(code, refusal.Code);
        Assert.Equal(before, (await backend.FindOrderAsync(number, default))?.Returns.Count);
    }

    [Fact]
    public async Task CreateReturn_OneRefusedLine_RefusesTheWholeReturn()
    {
        var backend = Open();

        var refusal = await Refused(() => backend.CreateReturnAsync("LP10000001", [new ReturnLine("L1", 1), new ReturnLine("L3", 1)], "x", default));

        Assert.Equal("final_sale", refusal.Code);
        Assert.Empty((await backend.FindOrderAsync("LP10000001", default))!.Returns);
    }

    [Fact]
    public async Task CreateReturn_PartOfALine_LeavesTheRestReturnable()
    {
        var backend = Open(); // LP10000008 L2 is two tees

        await backend.CreateReturnAsync("LP10000008", [new ReturnLine("L2", 1)], "x", default);
        await backend.CreateReturnAsync("LP10000008", [new ReturnLine("L2", 1)], "x", default);
        var refusal = await Refused(() => backend.CreateReturnAsync("LP10000008", [new ReturnLine("L2", 1)], "x", default));

        Assert.Equal("already_returned", refusal.Code);
    }

    [Fact]
    public async Task CreateReturn_ARejectedReturn_DoesNotCountAsReturned()
    {
        var backend = Open();
        await using (var connection = new SqliteConnection($"Data Source={DatabaseFile}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE returns SET status = 'Rejected' WHERE rma = 'RMA-100008'";
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        var created = await backend.CreateReturnAsync("LP10000008", [new ReturnLine("L1", 1)], "x", default);

        Assert.Equal(ReturnStatus.LabelSent, created.Status);
    }

    [Fact]
    public async Task CreateReturn_TheWindowIsThirtyDaysFromDelivery()
    {
        var backend = Open(); // LP10000001 was delivered 5 days before Now

        _time.Advance(TimeSpan.FromDays(25) - TimeSpan.FromMinutes(1));
        var inside = await backend.CreateReturnAsync("LP10000001", [new ReturnLine("L1", 1)], "x", default);
        _time.Advance(TimeSpan.FromMinutes(2));
        var refusal = await Refused(() => backend.CreateReturnAsync("LP10000001", [new ReturnLine("L2", 1)], "x", default));

        Assert.Equal(Now.AddDays(25).AddMinutes(-1), inside.CreatedAt);
        Assert.Equal("outside_window", refusal.Code);
    }

    [Fact]
    public async Task CreateReturn_TheWindowIsASetting()
    {
        var byDefault = await Refused(() => Open().CreateReturnAsync("LP10000003", [new ReturnLine("L1", 1)], "x", default));

        var created = await new SqliteOrderBackend(DatabaseFile, 2026, _time, () => 60).CreateReturnAsync("LP10000003", [new ReturnLine("L1", 1)], "x", default);

        Assert.Equal("outside_window", byDefault.Code);
        Assert.Equal(ReturnStatus.LabelSent, created.Status);
    }

    [Fact]
    public async Task CreateReturn_NoLinesOrNoQuantity_IsACallerError()
    {
        var backend = Open();

        await Assert.ThrowsAsync<ArgumentException>(() => backend.CreateReturnAsync("LP10000001", [], "x", default));
        await Assert.ThrowsAsync<ArgumentException>(() => backend.CreateReturnAsync("LP10000001", [new ReturnLine("L1", 0)], "x", default));
    }

    [Fact]
    public async Task Concurrency_TenConversationsCancellingTheSameOrder_ExactlyOneSucceeds()
    {
        var backend = Open();

        var attempts = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
        {
            try
            {
                await backend.CancelAsync("LP10000006", default);
                return "ok";
            }
            catch (OrderActionRefusedException refusal)
            {
                return refusal.Code;
            }
        })));

        Assert.Single(attempts, a => a == "ok");
        Assert.Equal(9, attempts.Count(a => a == "already_cancelled"));
        Assert.Equal(OrderStatus.Cancelled, (await backend.FindOrderAsync("LP10000006", default))!.Status);
    }

    [Fact]
    public async Task Concurrency_FiveConversationsReturningTheSameLine_ExactlyOneSucceeds()
    {
        var backend = Open();

        var attempts = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => Task.Run(async () =>
        {
            try
            {
                await backend.CreateReturnAsync("LP10000001", [new ReturnLine("L1", 1)], $"attempt {i}", default);
                return "ok";
            }
            catch (OrderActionRefusedException refusal)
            {
                return refusal.Code;
            }
        })));

        Assert.Single(attempts, a => a == "ok");
        Assert.Equal(4, attempts.Count(a => a == "already_returned"));
        Assert.Single((await backend.FindOrderAsync("LP10000001", default))!.Returns);
    }

    [Fact]
    public async Task Concurrency_TwoBackendsOnOneFile_StillExactlyOneSucceeds()
    {
        var first = Open();
        var second = Open();

        var attempts = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            try
            {
                await (i % 2 == 0 ? first : second).CancelAsync("LP10000006", default);
                return "ok";
            }
            catch (OrderActionRefusedException refusal)
            {
                return refusal.Code;
            }
        })));

        Assert.Single(attempts, a => a == "ok");
    }

    [Fact]
    public async Task Actions_HonourCancellation()
    {
        var backend = Open();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => backend.FindOrderAsync("LP10000001", cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => backend.CancelAsync("LP10000006", cancelled.Token));
        Assert.Equal(OrderStatus.Placed, (await backend.FindOrderAsync("LP10000006", default))!.Status);
    }

    internal static string Json<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value);
}
