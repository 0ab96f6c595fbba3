using System.Data;
using System.Data.Common;
using System.Globalization;
using SupportBot.Knowledge;
using SupportBot.Orders;
using SupportBot.Storage;

namespace SupportBot.DemoStore;

/// <summary>
/// The demo store: Larkspur &amp; Pine, a made-up clothing and home store, behind the same <see cref="IOrderBackend"/>
/// as a shop's own (<c>Orders:Backend</c> = <c>Demo</c>). Its orders live in the product's own <see cref="Database"/>
/// (the <c>demo_*</c> tables of <see cref="DemoOrderTables"/>), seeded from <see cref="DemoSeed"/>'s files on first
/// start. Kept there rather than in a file of its own so that there is one way to store anything: on SQLite it sits
/// next to the conversations in <c>supportbot.db</c>; on PostgreSQL every instance sees the same orders, so a return
/// made through one instance is there on the next. It enforces the shop's rules itself, as a real order system would:
/// the bot asks, the store decides. A change reads the order again inside its transaction with the order's row locked
/// (<see cref="Database.ForUpdate"/>; SQLite's write transaction on one instance), so two conversations acting on the
/// same order at once, on any instances, cannot both succeed.
/// </summary>
internal sealed class DemoOrderBackend : IOrderBackend
{
    private readonly Database _database;
    private readonly TimeProvider _time;
    private readonly Func<int> _returnWindowDays;
    private readonly Func<int> _exchangeWindowDays;

    /// <summary>The demo store in the product's database; its return window is the one <c>policies.yml</c> states, read at each return.</summary>
    public DemoOrderBackend(Database database, LiveKnowledge knowledge, TimeProvider time)
        : this(database, time, () => OrderPolicies.From(knowledge.Current.Knowledge.Policies).ReturnWindowDays,
            () => OrderPolicies.From(knowledge.Current.Knowledge.Policies).ExchangeWindowDays)
    {
    }

    /// <summary>Opens (and on first start creates and seeds) the store in <paramref name="database"/>; returns are accepted for 30 days unless told otherwise.</summary>
    internal DemoOrderBackend(Database database, TimeProvider time, Func<int>? returnWindowDays = null, Func<int>? exchangeWindowDays = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(time);
        _database = database;
        _time = time;
        _returnWindowDays = returnWindowDays ?? (() => 30);
        _exchangeWindowDays = exchangeWindowDays ?? (() => 45);

        // Creating and seeding starts with the store and is awaited by every read and change, so nothing blocks on it.
        Seeded = DemoOrderTables.CreateAndSeedOnceAsync(database, time.GetUtcNow(), CancellationToken.None);
    }

    /// <summary>Completes when the tables exist and hold the demo data (seeded by whichever instance came first).</summary>
    public Task Seeded { get; }

    public async Task<Order?> FindOrderAsync(string number, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(number);
        var found = await ReadOrdersAsync("SELECT number FROM demo_orders WHERE number = @number", c => c.With("number", Normalise(number)), cancellationToken)
            .ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    public Task<IReadOnlyList<Order>> OrdersOfCustomerAsync(string customerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        return ReadOrdersAsync("SELECT number FROM demo_orders WHERE customer_id = @customer ORDER BY placed_at DESC, number DESC",
            c => c.With("customer", customerId), cancellationToken);
    }

    public async Task<ReturnRequest> CreateReturnAsync(string number, IReadOnlyList<ReturnLine> lines, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(number);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(reason);
        if (lines.Count == 0)
        {
            throw new ArgumentException("A return needs at least one line.", nameof(lines));
        }

        if (lines.Any(l => l is null || l.Quantity <= 0))
        {
            throw new ArgumentException("Every returned line needs a positive quantity.", nameof(lines));
        }

        // The same line asked for twice is one line with both quantities, in the order first asked.
        var requested = lines.GroupBy(l => l.LineId, StringComparer.Ordinal).Select(g => new ReturnLine(g.Key, g.Sum(l => l.Quantity))).ToList();

        var now = _time.GetUtcNow();
        ReturnRequest? created = null;
        await ChangeOrderAsync(number, order => Refusal(order, requested, now, _returnWindowDays()), async (order, connection, transaction) =>
        {
            do
            {
                // Seeded returns use RMA-1xxxxx and RMA-2xxxxx; new ones the rest.
                var rma = $"RMA-{Random.Shared.Next(300_000, 1_000_000).ToString(CultureInfo.InvariantCulture)}";
                created = new ReturnRequest(rma, requested, reason, ReturnStatus.LabelSent, now, LabelUrl(rma), null);
            }
            while (!await DemoOrderTables.TryInsertReturnAsync(connection, transaction, order.Number, created, cancellationToken).ConfigureAwait(false));
        }, cancellationToken).ConfigureAwait(false);
        return created!;
    }

    /// <summary>
    /// An exchange goes back like a return (an <c>EXC-</c> number and a prepaid label, in <c>demo_returns</c> with the
    /// wanted size in its reason), under the longer exchange window of <c>policies.yml</c>.
    /// </summary>
    public async Task<ExchangeRequest> CreateExchangeAsync(string number, ExchangeLine line, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(number);
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(reason);
        if (line.Quantity <= 0 || string.IsNullOrWhiteSpace(line.NewSize))
        {
            throw new ArgumentException("An exchange needs a positive quantity and the size wanted.", nameof(line));
        }

        var now = _time.GetUtcNow();
        ExchangeRequest? created = null;
        var requested = new ReturnLine(line.LineId, line.Quantity);
        await ChangeOrderAsync(number, order => Refusal(order, [requested], now, _exchangeWindowDays()), async (order, connection, transaction) =>
        {
            do
            {
                var rma = $"EXC-{Random.Shared.Next(300_000, 1_000_000).ToString(CultureInfo.InvariantCulture)}";
                created = new ExchangeRequest(rma, line, now, LabelUrl(rma));
                var asReturn = new ReturnRequest(rma, [requested], $"Exchange for {line.NewSize}: {reason}", ReturnStatus.LabelSent, now, created.LabelUrl, null);
                if (await DemoOrderTables.TryInsertReturnAsync(connection, transaction, order.Number, asReturn, cancellationToken).ConfigureAwait(false))
                {
                    break;
                }
            }
            while (true);
        }, cancellationToken).ConfigureAwait(false);
        return created!;
    }

    public async Task<Order> CancelAsync(string number, CancellationToken cancellationToken)
    {
        var order = await ChangeOrderAsync(number, order => order.Status switch
        {
            OrderStatus.Shipped or OrderStatus.Delivered => new("already_shipped", $"Order {order.Number} has already shipped, so it can no longer be cancelled."),
            OrderStatus.Cancelled => new("already_cancelled", $"Order {order.Number} is already cancelled."),
            OrderStatus.Processing => new("processing", $"Order {order.Number} is already being packed, so it can no longer be cancelled."),
            _ => null,
        }, async (order, connection, transaction) =>
        {
            await using var update = connection.Command("UPDATE demo_orders SET status = @status WHERE number = @number", transaction)
                .With("status", nameof(OrderStatus.Cancelled)).With("number", order.Number);
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return order with { Status = OrderStatus.Cancelled };
    }

    public async Task<Order> ChangeShippingAddressAsync(string number, Address address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        var order = await ChangeOrderAsync(number, order => order.Status switch
        {
            OrderStatus.Shipped or OrderStatus.Delivered => new("already_shipped", $"Order {order.Number} has already shipped, so its address can no longer be changed."),
            OrderStatus.Cancelled => new("already_cancelled", $"Order {order.Number} is cancelled."),
            _ => null,
        }, async (order, connection, transaction) =>
        {
            await using var update = connection.Command("""
                UPDATE demo_orders SET ship_name = @name, ship_line1 = @line1, ship_line2 = @line2, ship_city = @city,
                                       ship_region = @region, ship_postal_code = @postal, ship_country = @country
                WHERE number = @number
                """, transaction).WithAddress(address).With("number", order.Number);
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return order with { ShippingAddress = address };
    }

    /// <summary>Every order in the store, newest first (for tests and tools; a shop's backend has no such call).</summary>
    internal Task<IReadOnlyList<Order>> AllOrdersAsync(CancellationToken cancellationToken) =>
        ReadOrdersAsync("SELECT number FROM demo_orders ORDER BY placed_at DESC, number DESC", c => c, cancellationToken);

    /// <summary>
    /// One change to an order, decided and written inside one transaction: the order as it is now, its row locked
    /// until the commit, the rule that may refuse the change, then <paramref name="write"/>.
    /// </summary>
    /// <returns>The order as it was read, before the change.</returns>
    private async Task<Order> ChangeOrderAsync(string number, Func<Order, OrderActionRefusedException?> refusal, Func<Order, DbConnection, DbTransaction, Task> write,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(number);
        await using var connection = await OpenSeededAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var order = await DemoOrderReads.ReadAsync(_database, connection, transaction, Normalise(number), forUpdate: true, cancellationToken).ConfigureAwait(false)
            ?? throw UnknownOrder(number);
        if (refusal(order) is { } refused)
        {
            throw refused;
        }

        await write(order, connection, transaction).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return order;
    }

    private async Task<DbConnection> OpenSeededAsync(CancellationToken cancellationToken)
    {
        await Seeded.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The orders whose numbers <paramref name="select"/> lists (its parameters from <paramref name="bind"/>), read in
    /// one repeatable-read transaction so each is consistent with itself and the others while other instances write.
    /// </summary>
    private async Task<IReadOnlyList<Order>> ReadOrdersAsync(string select, Func<DbCommand, DbCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await OpenSeededAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        var numbers = new List<string>();
        await using (var command = bind(connection.Command(select, transaction)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                numbers.Add(reader.GetString(0));
            }
        }

        var orders = new List<Order>(numbers.Count);
        foreach (var number in numbers)
        {
            orders.Add((await DemoOrderReads.ReadAsync(_database, connection, transaction, number, forUpdate: false, cancellationToken).ConfigureAwait(false))!);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return orders;
    }

    /// <summary>
    /// The shop's reason why <paramref name="requested"/> may not be sent back from <paramref name="order"/> at
    /// <paramref name="now"/> within <paramref name="window"/> days of delivery (the return or the exchange window), or null.
    /// </summary>
    private static OrderActionRefusedException? Refusal(Order order, IReadOnlyList<ReturnLine> requested, DateTimeOffset now, int window)
    {
        var deliveredAt = order.Shipment?.DeliveredAt;
        if (order.Status != OrderStatus.Delivered || deliveredAt is null)
        {
            return new OrderActionRefusedException(ReturnEligibility.NotDelivered, $"Order {order.Number} has not been delivered yet, so it cannot be returned.");
        }

        foreach (var line in requested)
        {
            var item = order.Items.FirstOrDefault(i => i.LineId == line.LineId);
            if (item is null)
            {
                return new OrderActionRefusedException("unknown_line", $"Order {order.Number} has no line {line.LineId}.");
            }

            if (item.FinalSale)
            {
                return new OrderActionRefusedException(ReturnEligibility.FinalSale, $"{item.Name} was a final-sale item and cannot be returned.");
            }

            var alreadyReturned = order.Returns.Where(r => r.Status != ReturnStatus.Rejected)
                .SelectMany(r => r.Lines).Where(l => l.LineId == item.LineId).Sum(l => l.Quantity);
            if (line.Quantity > item.Quantity - alreadyReturned)
            {
                return new OrderActionRefusedException(ReturnEligibility.AlreadyReturned, alreadyReturned > 0
                    ? $"{item.Name} already has a return for {alreadyReturned.ToString(CultureInfo.InvariantCulture)} of {item.Quantity.ToString(CultureInfo.InvariantCulture)}."
                    : $"Only {item.Quantity.ToString(CultureInfo.InvariantCulture)} of {item.Name} were ordered.");
            }
        }

        if (now - deliveredAt.Value > TimeSpan.FromDays(window))
        {
            return new OrderActionRefusedException(ReturnEligibility.OutsideWindow,
                $"Order {order.Number} was delivered more than {window.ToString(CultureInfo.InvariantCulture)} days ago, outside the return window.");
        }

        return null;
    }

    /// <summary>The store's printable prepaid return label of an RMA, as the seeded returns have them.</summary>
    private static string LabelUrl(string rma) => $"https://www.larkspurandpine.com/returns/label/{rma}";

    /// <summary>Order numbers as shoppers type them: any case, stray spaces.</summary>
    private static string Normalise(string number) => number.Trim().ToUpperInvariant();

    private static OrderActionRefusedException UnknownOrder(string number) =>
        new("unknown_order", $"There is no order {number}.");
}
