using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SupportBot.Knowledge;
using SupportBot.Storage;

namespace SupportBot.Orders;

/// <summary>
/// The embedded demo store: Larkspur &amp; Pine's orders in one SQLite file (<c>demo-store.db</c> under the data
/// folder), seeded by <see cref="DemoStore"/> on first start. It enforces the shop's rules itself, as a real order
/// system would: the bot asks, the store decides. Actions run in an immediate (write-locked) transaction that reads
/// the order again, so two conversations acting on the same order at once cannot both succeed.
/// </summary>
public sealed class SqliteOrderBackend : IOrderBackend
{
    public const string FileName = "demo-store.db";

    private const string SelectOrder = """
        SELECT number, customer_id, email, first_name, placed_at, status, payment_method, payment_total, currency,
               ship_name, ship_line1, ship_line2, ship_city, ship_region, ship_postal_code, ship_country, shipment
        FROM orders WHERE number = $number
        """;

    private const string SelectItems = """
        SELECT line_id, sku, name, category, size, quantity, unit_price, final_sale
        FROM order_items WHERE order_number = $number
        """;

    private const string SelectReturns = """
        SELECT rma, reason, status, created_at, label_url, refund_amount, refund_status, refund_method, refund_issued_at
        FROM returns WHERE order_number = $number ORDER BY created_ticks, rma
        """;

    private const string SelectReturnLines = """
        SELECT l.rma, l.line_id, l.quantity FROM return_lines l JOIN returns r ON r.rma = l.rma
        WHERE r.order_number = $number ORDER BY l.rma, l.position
        """;

    private const string InsertCustomer = """
        INSERT OR IGNORE INTO customers (id, email, first_name, last_name, country) VALUES ($id, $email, $first, $last, $country)
        """;

    private const string InsertOrder = """
        INSERT INTO orders (number, customer_id, email, first_name, placed_at, placed_ticks, status, payment_method, payment_total,
                            currency, ship_name, ship_line1, ship_line2, ship_city, ship_region, ship_postal_code, ship_country, shipment)
        VALUES ($number, $customer, $email, $first, $placed, $placed_ticks, $status, $method, $total,
                $currency, $name, $line1, $line2, $city, $region, $postal, $country, $shipment)
        """;

    private const string InsertItem = """
        INSERT INTO order_items (order_number, line_id, sku, name, category, size, quantity, unit_price, final_sale)
        VALUES ($number, $line, $sku, $name, $category, $size, $quantity, $price, $final)
        """;

    private const string InsertReturn = """
        INSERT INTO returns (rma, order_number, reason, status, created_at, created_ticks, label_url,
                             refund_amount, refund_status, refund_method, refund_issued_at)
        VALUES ($rma, $number, $reason, $status, $created, $created_ticks, $label, $amount, $refund_status, $refund_method, $issued)
        """;

    private const string InsertReturnLine = """
        INSERT INTO return_lines (rma, position, line_id, quantity) VALUES ($rma, $position, $line, $quantity)
        """;

    // Shipments are one value that changes as a whole (the carrier's latest view): a JSON column in the contract's shape.
    private static readonly JsonSerializerOptions ShipmentJson = new(JsonSerializerDefaults.General);

    private readonly SqliteFile _file;
    private readonly TimeProvider _time;
    private readonly Func<int> _returnWindowDays;

    /// <summary>The demo store under the data folder; its return window is the one <c>policies.yml</c> states, read at each return.</summary>
    public SqliteOrderBackend(IOptions<OrdersOptions> orders, IOptions<StorageOptions> storage, IHostEnvironment environment, LiveKnowledge knowledge,
        TimeProvider time)
        : this(DatabaseFileOf(storage, environment), SeedOf(orders), time,
            () => OrderPolicies.From(knowledge.Current.Knowledge.Policies).ReturnWindowDays)
    {
    }

    /// <summary>Opens (and on first start creates and seeds) the store in <paramref name="databaseFile"/>; returns are accepted for 30 days unless told otherwise.</summary>
    internal SqliteOrderBackend(string databaseFile, int seed, TimeProvider time, Func<int>? returnWindowDays = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(databaseFile);
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _returnWindowDays = returnWindowDays ?? (() => 30);
        _file = new SqliteFile(databaseFile, foreignKeys: true);
        Migrate();
        SeedIfEmpty(seed);
    }

    /// <summary>The SQLite file the store lives in.</summary>
    public string DatabaseFile => _file.Path;

    public async Task<Order?> FindOrderAsync(string number, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(number);
        await using var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ReadOrderAsync(connection, null, Normalise(number), cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<Order>> OrdersOfCustomerAsync(string customerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        return ReadOrdersAsync("SELECT number FROM orders WHERE customer_id = $customer ORDER BY placed_ticks DESC, number DESC",
            command => command.Parameters.AddWithValue("$customer", customerId), cancellationToken);
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

        await using var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var order = await ReadOrderAsync(connection, transaction, Normalise(number), cancellationToken).ConfigureAwait(false)
            ?? throw UnknownOrder(number);

        var now = _time.GetUtcNow();
        var deliveredAt = order.Shipment?.DeliveredAt;
        if (order.Status != OrderStatus.Delivered || deliveredAt is null)
        {
            throw new OrderActionRefusedException(ReturnEligibility.NotDelivered, $"Order {order.Number} has not been delivered yet, so it cannot be returned.");
        }

        foreach (var line in requested)
        {
            var item = order.Items.FirstOrDefault(i => i.LineId == line.LineId)
                ?? throw new OrderActionRefusedException("unknown_line", $"Order {order.Number} has no line {line.LineId}.");
            if (item.FinalSale)
            {
                throw new OrderActionRefusedException(ReturnEligibility.FinalSale, $"{item.Name} was a final-sale item and cannot be returned.");
            }

            var alreadyReturned = order.Returns.Where(r => r.Status != ReturnStatus.Rejected)
                .SelectMany(r => r.Lines).Where(l => l.LineId == item.LineId).Sum(l => l.Quantity);
            if (line.Quantity > item.Quantity - alreadyReturned)
            {
                throw new OrderActionRefusedException(ReturnEligibility.AlreadyReturned, alreadyReturned > 0
                    ? $"{item.Name} already has a return for {alreadyReturned.ToString(CultureInfo.InvariantCulture)} of {item.Quantity.ToString(CultureInfo.InvariantCulture)}."
                    : $"Only {item.Quantity.ToString(CultureInfo.InvariantCulture)} of {item.Name} were ordered.");
            }
        }

        var window = _returnWindowDays();
        if (now - deliveredAt.Value > TimeSpan.FromDays(window))
        {
            throw new OrderActionRefusedException(ReturnEligibility.OutsideWindow,
                $"Order {order.Number} was delivered more than {window.ToString(CultureInfo.InvariantCulture)} days ago, outside the return window.");
        }

        var rma = await NewRmaAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var created = new ReturnRequest(rma, requested, reason, ReturnStatus.LabelSent, now, DemoStore.LabelUrl(rma), null);
        await InsertReturnAsync(connection, transaction, order.Number, created, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return created;
    }

    public async Task<Order> CancelAsync(string number, CancellationToken cancellationToken)
    {
        var order = await ChangeOrderAsync(number, order => order.Status switch
        {
            OrderStatus.Shipped or OrderStatus.Delivered => new("already_shipped", $"Order {order.Number} has already shipped, so it can no longer be cancelled."),
            OrderStatus.Cancelled => new("already_cancelled", $"Order {order.Number} is already cancelled."),
            OrderStatus.Processing => new("processing", $"Order {order.Number} is already being packed, so it can no longer be cancelled."),
            _ => null,
        }, "UPDATE orders SET status = $status WHERE number = $number", update => update.Parameters.AddWithValue("$status", nameof(OrderStatus.Cancelled)),
            cancellationToken).ConfigureAwait(false);
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
        }, """
            UPDATE orders SET ship_name = $name, ship_line1 = $line1, ship_line2 = $line2, ship_city = $city,
                              ship_region = $region, ship_postal_code = $postal, ship_country = $country
            WHERE number = $number
            """, update => AddAddress(update, address), cancellationToken).ConfigureAwait(false);
        return order with { ShippingAddress = address };
    }

    /// <summary>
    /// One change to an order, decided and written inside one write transaction: the order as it is now, the rule
    /// that may refuse the change, then the UPDATE (bound to <c>$number</c> and what <paramref name="bind"/> adds).
    /// </summary>
    private async Task<Order> ChangeOrderAsync(string number, Func<Order, OrderActionRefusedException?> refusal, string update, Action<SqliteCommand> bind,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(number);
        await using var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var order = await ReadOrderAsync(connection, transaction, Normalise(number), cancellationToken).ConfigureAwait(false)
            ?? throw UnknownOrder(number);
        if (refusal(order) is { } refused)
        {
            throw refused;
        }

        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = update;
            bind(command);
            command.Parameters.AddWithValue("$number", order.Number);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return order;
    }

    /// <summary>Every order in the store, newest first (for tests and tools; a shop's backend has no such call).</summary>
    internal Task<IReadOnlyList<Order>> AllOrdersAsync(CancellationToken cancellationToken) =>
        ReadOrdersAsync("SELECT number FROM orders ORDER BY placed_ticks DESC, number DESC", _ => { }, cancellationToken);

    /// <summary>The orders whose numbers <paramref name="select"/> lists, read in one transaction so they are consistent with each other.</summary>
    private async Task<IReadOnlyList<Order>> ReadOrdersAsync(string select, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await _file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var numbers = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = select;
            bind(command);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                numbers.Add(reader.GetString(0));
            }
        }

        var result = new List<Order>(numbers.Count);
        foreach (var number in numbers)
        {
            result.Add((await ReadOrderAsync(connection, transaction, number, cancellationToken).ConfigureAwait(false))!);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    private static string DatabaseFileOf(IOptions<StorageOptions> storage, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(environment);
        return Path.Combine(storage.Value.DataFolder(environment.ContentRootPath), FileName);
    }

    private static int SeedOf(IOptions<OrdersOptions> orders)
    {
        ArgumentNullException.ThrowIfNull(orders);
        return orders.Value.DemoSeed;
    }

    /// <summary>Order numbers as shoppers type them: any case, stray spaces.</summary>
    private static string Normalise(string number) => number.Trim().ToUpperInvariant();

    private static OrderActionRefusedException UnknownOrder(string number) =>
        new("unknown_order", $"There is no order {number}.");

    // Money as invariant text: exact, and keeps the scale the shop wrote ("98.00" stays "98.00").
    private static string Money(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);

    private static decimal Money(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static void AddAddress(SqliteCommand command, Address address)
    {
        command.Parameters.AddWithValue("$name", address.Name);
        command.Parameters.AddWithValue("$line1", address.Line1);
        command.Parameters.AddWithValue("$line2", (object?)address.Line2 ?? DBNull.Value);
        command.Parameters.AddWithValue("$city", address.City);
        command.Parameters.AddWithValue("$region", address.Region);
        command.Parameters.AddWithValue("$postal", address.PostalCode);
        command.Parameters.AddWithValue("$country", address.Country);
    }

    private static async Task<Order?> ReadOrderAsync(SqliteConnection connection, SqliteTransaction? transaction, string number, CancellationToken cancellationToken)
    {
        Order order;
        await using (var command = Command(connection, transaction, SelectOrder, number))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            var shipment = NullableString(reader, 16);
            order = new Order(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), StoredTime.Read(reader.GetString(4)),
                Enum.Parse<OrderStatus>(reader.GetString(5)), [],
                new Payment(reader.GetString(6), Money(reader.GetString(7)), reader.GetString(8)),
                new Address(reader.GetString(9), reader.GetString(10), NullableString(reader, 11), reader.GetString(12), reader.GetString(13), reader.GetString(14), reader.GetString(15)),
                shipment is null ? null : JsonSerializer.Deserialize<Shipment>(shipment, ShipmentJson),
                []);
        }

        var items = new List<OrderItem>();
        await using (var command = Command(connection, transaction, SelectItems, number))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                items.Add(new OrderItem(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), NullableString(reader, 4),
                    reader.GetInt32(5), Money(reader.GetString(6)), reader.GetInt64(7) != 0));
            }
        }

        items.Sort(static (a, b) => CompareLineIds(a.LineId, b.LineId));

        var returnLines = new Dictionary<string, List<ReturnLine>>(StringComparer.Ordinal);
        await using (var command = Command(connection, transaction, SelectReturnLines, number))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var rma = reader.GetString(0);
                if (!returnLines.TryGetValue(rma, out var list))
                {
                    returnLines[rma] = list = [];
                }

                list.Add(new ReturnLine(reader.GetString(1), reader.GetInt32(2)));
            }
        }

        var returns = new List<ReturnRequest>();
        await using (var command = Command(connection, transaction, SelectReturns, number))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var rma = reader.GetString(0);
                var refund = reader.IsDBNull(5)
                    ? null
                    : new Refund(Money(reader.GetString(5)), Enum.Parse<RefundStatus>(reader.GetString(6)), reader.GetString(7),
                        reader.IsDBNull(8) ? null : StoredTime.Read(reader.GetString(8)));
                returns.Add(new ReturnRequest(rma, returnLines.GetValueOrDefault(rma) ?? [], reader.GetString(1), Enum.Parse<ReturnStatus>(reader.GetString(2)),
                    StoredTime.Read(reader.GetString(3)), reader.GetString(4), refund));
            }
        }

        return order with { Items = items, Returns = returns };
    }

    /// <summary>Line ids in their natural order: L2 before L10.</summary>
    private static int CompareLineIds(string a, string b)
    {
        var byLength = a.Length.CompareTo(b.Length);
        return byLength != 0 ? byLength : string.CompareOrdinal(a, b);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, string number)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$number", number);
        return command;
    }

    private static async Task<string> NewRmaAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var exists = connection.CreateCommand();
        exists.Transaction = transaction;
        exists.CommandText = "SELECT 1 FROM returns WHERE rma = $rma";
        var parameter = exists.Parameters.Add("$rma", SqliteType.Text);
        while (true)
        {
            // Seeded returns use RMA-1xxxxx and RMA-2xxxxx; new ones the rest, checked inside the write lock.
            var rma = $"RMA-{Random.Shared.Next(300_000, 1_000_000).ToString(CultureInfo.InvariantCulture)}";
            parameter.Value = rma;
            if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
            {
                return rma;
            }
        }
    }

    private static async Task InsertReturnAsync(SqliteConnection connection, SqliteTransaction transaction, string number, ReturnRequest request, CancellationToken cancellationToken)
    {
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = InsertReturn;
            AddReturn(insert, number, request);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        for (var i = 0; i < request.Lines.Count; i++)
        {
            await using var line = connection.CreateCommand();
            line.Transaction = transaction;
            line.CommandText = InsertReturnLine;
            line.Parameters.AddWithValue("$rma", request.Rma);
            line.Parameters.AddWithValue("$position", i);
            line.Parameters.AddWithValue("$line", request.Lines[i].LineId);
            line.Parameters.AddWithValue("$quantity", request.Lines[i].Quantity);
            await line.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static void AddReturn(SqliteCommand command, string number, ReturnRequest request)
    {
        command.Parameters.AddWithValue("$rma", request.Rma);
        command.Parameters.AddWithValue("$number", number);
        command.Parameters.AddWithValue("$reason", request.Reason);
        command.Parameters.AddWithValue("$status", request.Status.ToString());
        command.Parameters.AddWithValue("$created", StoredTime.Write(request.CreatedAt));
        command.Parameters.AddWithValue("$created_ticks", request.CreatedAt.UtcTicks);
        command.Parameters.AddWithValue("$label", request.LabelUrl);
        command.Parameters.AddWithValue("$amount", request.Refund is null ? DBNull.Value : Money(request.Refund.Amount));
        command.Parameters.AddWithValue("$refund_status", (object?)request.Refund?.Status.ToString() ?? DBNull.Value);
        command.Parameters.AddWithValue("$refund_method", (object?)request.Refund?.Method ?? DBNull.Value);
        command.Parameters.AddWithValue("$issued", request.Refund?.IssuedAt is { } issued ? StoredTime.Write(issued) : DBNull.Value);
    }

    private void Migrate() => _file.Migrate("""
            CREATE TABLE IF NOT EXISTS customers (
                id TEXT PRIMARY KEY,
                email TEXT NOT NULL,
                first_name TEXT NOT NULL,
                last_name TEXT NOT NULL,
                country TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS orders (
                number TEXT PRIMARY KEY,
                customer_id TEXT NOT NULL REFERENCES customers(id),
                email TEXT NOT NULL,
                first_name TEXT NOT NULL,
                placed_at TEXT NOT NULL,
                placed_ticks INTEGER NOT NULL,
                status TEXT NOT NULL,
                payment_method TEXT NOT NULL,
                payment_total TEXT NOT NULL,
                currency TEXT NOT NULL,
                ship_name TEXT NOT NULL,
                ship_line1 TEXT NOT NULL,
                ship_line2 TEXT,
                ship_city TEXT NOT NULL,
                ship_region TEXT NOT NULL,
                ship_postal_code TEXT NOT NULL,
                ship_country TEXT NOT NULL,
                shipment TEXT);
            CREATE INDEX IF NOT EXISTS orders_customer ON orders (customer_id, placed_ticks);
            CREATE TABLE IF NOT EXISTS order_items (
                order_number TEXT NOT NULL REFERENCES orders(number),
                line_id TEXT NOT NULL,
                sku TEXT NOT NULL,
                name TEXT NOT NULL,
                category TEXT NOT NULL,
                size TEXT,
                quantity INTEGER NOT NULL,
                unit_price TEXT NOT NULL,
                final_sale INTEGER NOT NULL,
                PRIMARY KEY (order_number, line_id));
            CREATE TABLE IF NOT EXISTS returns (
                rma TEXT PRIMARY KEY,
                order_number TEXT NOT NULL REFERENCES orders(number),
                reason TEXT NOT NULL,
                status TEXT NOT NULL,
                created_at TEXT NOT NULL,
                created_ticks INTEGER NOT NULL,
                label_url TEXT NOT NULL,
                refund_amount TEXT,
                refund_status TEXT,
                refund_method TEXT,
                refund_issued_at TEXT);
            CREATE INDEX IF NOT EXISTS returns_order ON returns (order_number, created_ticks);
            CREATE TABLE IF NOT EXISTS return_lines (
                rma TEXT NOT NULL REFERENCES returns(rma),
                position INTEGER NOT NULL,
                line_id TEXT NOT NULL,
                quantity INTEGER NOT NULL,
                PRIMARY KEY (rma, position));
        """);

    /// <summary>
    /// Fills an empty store with the demo data, in one transaction: a second start (or a second process starting at
    /// the same moment) finds the orders there and leaves them, with whatever shoppers have changed since.
    /// </summary>
    private void SeedIfEmpty(int seed)
    {
        using var connection = _file.Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        using (var count = connection.CreateCommand())
        {
            count.Transaction = transaction;
            count.CommandText = "SELECT EXISTS (SELECT 1 FROM orders)";
            if ((long)count.ExecuteScalar()! != 0)
            {
                return;
            }
        }

        var data = DemoStore.Generate(seed, _time.GetUtcNow());

        // One prepared command per table, its parameters re-bound per row: thousands of rows in well under a second.
        using var customer = Prepared(connection, transaction, InsertCustomer, "$id", "$email", "$first", "$last", "$country");
        foreach (var c in data.Customers)
        {
            Bind(customer, c.Id, c.Email, c.FirstName, c.LastName, c.Country);
            customer.ExecuteNonQuery();
        }

        using var order = Prepared(connection, transaction, InsertOrder,
            "$number", "$customer", "$email", "$first", "$placed", "$placed_ticks", "$status", "$method", "$total", "$currency",
            "$name", "$line1", "$line2", "$city", "$region", "$postal", "$country", "$shipment");
        using var item = Prepared(connection, transaction, InsertItem, "$number", "$line", "$sku", "$name", "$category", "$size", "$quantity", "$price", "$final");
        using var line = Prepared(connection, transaction, InsertReturnLine, "$rma", "$position", "$line", "$quantity");
        foreach (var o in data.Orders)
        {
            var a = o.ShippingAddress;
            Bind(order, o.Number, o.CustomerId, o.Email, o.FirstName, StoredTime.Write(o.PlacedAt), o.PlacedAt.UtcTicks, o.Status.ToString(),
                o.Payment.Method, Money(o.Payment.Total), o.Payment.Currency, a.Name, a.Line1, a.Line2, a.City, a.Region, a.PostalCode, a.Country,
                o.Shipment is null ? null : JsonSerializer.Serialize(o.Shipment, ShipmentJson));
            order.ExecuteNonQuery();

            foreach (var i in o.Items)
            {
                Bind(item, o.Number, i.LineId, i.Sku, i.Name, i.Category, i.Size, i.Quantity, Money(i.UnitPrice), i.FinalSale ? 1 : 0);
                item.ExecuteNonQuery();
            }

            foreach (var r in o.Returns)
            {
                using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = InsertReturn;
                AddReturn(insert, o.Number, r);
                insert.ExecuteNonQuery();
                for (var position = 0; position < r.Lines.Count; position++)
                {
                    Bind(line, r.Rma, position, r.Lines[position].LineId, r.Lines[position].Quantity);
                    line.ExecuteNonQuery();
                }
            }
        }

        transaction.Commit();
    }

    private static SqliteCommand Prepared(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private static void Bind(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }
}
