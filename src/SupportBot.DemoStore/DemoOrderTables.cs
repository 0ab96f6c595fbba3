using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using SupportBot.Orders;
using SupportBot.Storage;

namespace SupportBot.DemoStore;

/// <summary>
/// The demo shop's tables in the shared <see cref="Database"/>, all named <c>demo_*</c> so whoever looks into a shop's
/// database sees at once which rows are made up. One SQL for SQLite and PostgreSQL: text for times
/// (<see cref="StoredTime"/>), for money (exact, and "98.00" stays "98.00") and for a shipment (a JSON value in the
/// contract's shape, since the carrier's view changes as a whole). They are created and filled here rather than in
/// <see cref="SchemaMigrations"/> because only a product running the demo store wants them.
/// </summary>
internal static class DemoOrderTables
{
    /// <summary>Every instance takes this lock to create and seed the tables, so of instances starting together one seeds.</summary>
    private const string SeedingLock = "supportbot:demo-store";

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS demo_store (id INTEGER PRIMARY KEY CHECK (id = 1), seeded_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS demo_customers (
            id TEXT PRIMARY KEY, email TEXT NOT NULL, first_name TEXT NOT NULL, last_name TEXT NOT NULL, country TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS demo_orders (
            number TEXT PRIMARY KEY, customer_id TEXT NOT NULL REFERENCES demo_customers(id), email TEXT NOT NULL, first_name TEXT NOT NULL,
            placed_at TEXT NOT NULL, status TEXT NOT NULL, payment_method TEXT NOT NULL, payment_total TEXT NOT NULL, currency TEXT NOT NULL,
            ship_name TEXT NOT NULL, ship_line1 TEXT NOT NULL, ship_line2 TEXT, ship_city TEXT NOT NULL, ship_region TEXT NOT NULL,
            ship_postal_code TEXT NOT NULL, ship_country TEXT NOT NULL, shipment TEXT);
        CREATE INDEX IF NOT EXISTS demo_orders_customer ON demo_orders (customer_id, placed_at);
        CREATE TABLE IF NOT EXISTS demo_order_items (
            order_number TEXT NOT NULL REFERENCES demo_orders(number), line_id TEXT NOT NULL, sku TEXT NOT NULL, name TEXT NOT NULL,
            category TEXT NOT NULL, size TEXT, quantity INTEGER NOT NULL, unit_price TEXT NOT NULL, final_sale INTEGER NOT NULL,
            PRIMARY KEY (order_number, line_id));
        CREATE TABLE IF NOT EXISTS demo_returns (
            rma TEXT PRIMARY KEY, order_number TEXT NOT NULL REFERENCES demo_orders(number), reason TEXT NOT NULL, status TEXT NOT NULL,
            created_at TEXT NOT NULL, label_url TEXT NOT NULL, refund_amount TEXT, refund_status TEXT, refund_method TEXT, refund_issued_at TEXT);
        CREATE INDEX IF NOT EXISTS demo_returns_order ON demo_returns (order_number, created_at);
        CREATE TABLE IF NOT EXISTS demo_return_lines (
            rma TEXT NOT NULL REFERENCES demo_returns(rma), position INTEGER NOT NULL, line_id TEXT NOT NULL, quantity INTEGER NOT NULL,
            PRIMARY KEY (rma, position));
        """;

    /// <summary>
    /// Creates what is missing of the tables and, the first time, fills them with <see cref="DemoSeed"/>'s data dated
    /// relative to <paramref name="now"/>, in one transaction under <see cref="SeedingLock"/>. The <c>demo_store</c> row
    /// says the store was seeded: a later start, or another instance that waited on the lock, finds it and leaves the
    /// store as shoppers left it.
    /// </summary>
    /// <returns>Whether this call seeded the store.</returns>
    public static async Task<bool> CreateAndSeedOnceAsync(Database database, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // Taken before the tables are created: PostgreSQL refuses two concurrent CREATE TABLE IF NOT EXISTS of one table.
        await database.LockUntilCommitAsync(connection, transaction, SeedingLock, cancellationToken).ConfigureAwait(false);
        await using (var create = connection.Command(Schema, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // Looked at before inserting, not left to ON CONFLICT: a store seeded before the seed files has a NOT NULL
        // seed column in its demo_store row, which an insert without it would trip over before any conflict.
        await using (var seeded = connection.Command("SELECT COUNT(*) FROM demo_store", transaction))
        {
            if (Convert.ToInt64(await seeded.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) > 0)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return false;
            }
        }

        await using (var mark = connection.Command("INSERT INTO demo_store (id, seeded_at) VALUES (1, @at)", transaction).WithTime("at", now))
        {
            await mark.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var data = DemoSeed.Load(now);
        foreach (var customer in data.Customers)
        {
            await InsertCustomerAsync(connection, transaction, customer, cancellationToken).ConfigureAwait(false);
        }

        foreach (var order in data.Orders)
        {
            await InsertOrderAsync(connection, transaction, order, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Adds a return and its lines; false when its RMA is taken (then nothing was written and another RMA may be tried).</summary>
    public static async Task<bool> TryInsertReturnAsync(DbConnection connection, DbTransaction transaction, string number, ReturnRequest request,
        CancellationToken cancellationToken)
    {
        // ON CONFLICT rather than a look first: on PostgreSQL two returns of different orders run side by side.
        await using (var insert = connection.Command("""
            INSERT INTO demo_returns (rma, order_number, reason, status, created_at, label_url, refund_amount, refund_status, refund_method, refund_issued_at)
            VALUES (@rma, @number, @reason, @status, @created, @label, @amount, @refund_status, @refund_method, @issued)
            ON CONFLICT (rma) DO NOTHING
            """, transaction)
            .With("rma", request.Rma).With("number", number).With("reason", request.Reason).With("status", request.Status.ToString())
            .WithTime("created", request.CreatedAt).With("label", request.LabelUrl)
            .With("amount", request.Refund is { } refund ? Money(refund.Amount) : null).With("refund_status", request.Refund?.Status.ToString())
            .With("refund_method", request.Refund?.Method).WithTime("issued", request.Refund?.IssuedAt))
        {
            if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                return false;
            }
        }

        for (var position = 0; position < request.Lines.Count; position++)
        {
            await using var line = connection.Command("INSERT INTO demo_return_lines (rma, position, line_id, quantity) VALUES (@rma, @position, @line, @quantity)", transaction)
                .With("rma", request.Rma).With("position", position).With("line", request.Lines[position].LineId).With("quantity", request.Lines[position].Quantity);
            await line.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    public static string Money(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);

    public static decimal Money(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    public static string ShipmentText(Shipment shipment) => JsonSerializer.Serialize(shipment, OrderBackendJson.Default.Shipment);

    public static Shipment? Shipment(string? text) => text is null ? null : JsonSerializer.Deserialize(text, OrderBackendJson.Default.Shipment);

    /// <summary>The address columns of <c>demo_orders</c> bound to <paramref name="address"/>.</summary>
    public static DbCommand WithAddress(this DbCommand command, Address address) => command
        .With("name", address.Name).With("line1", address.Line1).With("line2", address.Line2).With("city", address.City)
        .With("region", address.Region).With("postal", address.PostalCode).With("country", address.Country);

    private static async Task InsertCustomerAsync(DbConnection connection, DbTransaction transaction, DemoCustomer customer, CancellationToken cancellationToken)
    {
        await using var insert = connection.Command("""
            INSERT INTO demo_customers (id, email, first_name, last_name, country) VALUES (@id, @email, @first, @last, @country)
            ON CONFLICT (id) DO NOTHING
            """, transaction)
            .With("id", customer.Id).With("email", customer.Email).With("first", customer.FirstName).With("last", customer.LastName)
            .With("country", customer.Country);
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task InsertOrderAsync(DbConnection connection, DbTransaction transaction, Order order, CancellationToken cancellationToken)
    {
        await using (var insert = connection.Command("""
            INSERT INTO demo_orders (number, customer_id, email, first_name, placed_at, status, payment_method, payment_total, currency,
                                     ship_name, ship_line1, ship_line2, ship_city, ship_region, ship_postal_code, ship_country, shipment)
            VALUES (@number, @customer, @email, @first, @placed, @status, @method, @total, @currency,
                    @name, @line1, @line2, @city, @region, @postal, @country, @shipment)
            """, transaction)
            .With("number", order.Number).With("customer", order.CustomerId).With("email", order.Email).With("first", order.FirstName)
            .WithTime("placed", order.PlacedAt).With("status", order.Status.ToString()).With("method", order.Payment.Method)
            .With("total", Money(order.Payment.Total)).With("currency", order.Payment.Currency).WithAddress(order.ShippingAddress)
            .With("shipment", order.Shipment is { } shipment ? ShipmentText(shipment) : null))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var item in order.Items)
        {
            await using var insert = connection.Command("""
                INSERT INTO demo_order_items (order_number, line_id, sku, name, category, size, quantity, unit_price, final_sale)
                VALUES (@number, @line, @sku, @name, @category, @size, @quantity, @price, @final)
                """, transaction)
                .With("number", order.Number).With("line", item.LineId).With("sku", item.Sku).With("name", item.Name).With("category", item.Category)
                .With("size", item.Size).With("quantity", item.Quantity).With("price", Money(item.UnitPrice)).With("final", item.FinalSale ? 1 : 0);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var request in order.Returns)
        {
            if (!await TryInsertReturnAsync(connection, transaction, order.Number, request, cancellationToken).ConfigureAwait(false))
            {
                throw new InvalidDataException($"The demo store's seed has {request.Rma} twice.");
            }
        }
    }
}
