using System.Data.Common;
using SupportBot.Orders;
using SupportBot.Storage;

namespace SupportBot.DemoStore;

/// <summary>An order of the demo store read back from its <see cref="DemoOrderTables"/> rows, inside the caller's transaction.</summary>
internal static class DemoOrderReads
{
    private const string SelectOrder = """
        SELECT number, customer_id, email, first_name, placed_at, status, payment_method, payment_total, currency,
               ship_name, ship_line1, ship_line2, ship_city, ship_region, ship_postal_code, ship_country, shipment
        FROM demo_orders WHERE number = @number
        """;

    private const string SelectItems = """
        SELECT line_id, sku, name, category, size, quantity, unit_price, final_sale FROM demo_order_items WHERE order_number = @number
        """;

    private const string SelectReturns = """
        SELECT rma, reason, status, created_at, label_url, refund_amount, refund_status, refund_method, refund_issued_at
        FROM demo_returns WHERE order_number = @number ORDER BY created_at, rma
        """;

    private const string SelectReturnLines = """
        SELECT l.rma, l.line_id, l.quantity FROM demo_return_lines l JOIN demo_returns r ON r.rma = l.rma
        WHERE r.order_number = @number ORDER BY l.rma, l.position
        """;

    /// <summary>
    /// The order with this (normalised) number, or null. With <paramref name="forUpdate"/> its row stays locked until
    /// the transaction ends, so what is decided from it still holds when the change is written.
    /// </summary>
    public static async Task<Order?> ReadAsync(Database database, DbConnection connection, DbTransaction transaction, string number, bool forUpdate,
        CancellationToken cancellationToken)
    {
        Order order;
        await using (var command = connection.Command(forUpdate ? SelectOrder + database.ForUpdate : SelectOrder, transaction).With("number", number))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            order = new Order(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.Time(4),
                Enum.Parse<OrderStatus>(reader.GetString(5)), [],
                new Payment(reader.GetString(6), DemoOrderTables.Money(reader.GetString(7)), reader.GetString(8)),
                new Address(reader.GetString(9), reader.GetString(10), reader.TextOrNull(11), reader.GetString(12), reader.GetString(13),
                    reader.GetString(14), reader.GetString(15)),
                DemoOrderTables.Shipment(reader.TextOrNull(16)),
                []);
        }

        var items = await ReadItemsAsync(connection, transaction, number, cancellationToken).ConfigureAwait(false);
        var returns = await ReadReturnsAsync(connection, transaction, number, cancellationToken).ConfigureAwait(false);
        return order with { Items = items, Returns = returns };
    }

    private static async Task<List<OrderItem>> ReadItemsAsync(DbConnection connection, DbTransaction transaction, string number, CancellationToken cancellationToken)
    {
        var items = new List<OrderItem>();
        await using (var command = connection.Command(SelectItems, transaction).With("number", number))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                items.Add(new OrderItem(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.TextOrNull(4),
                    (int)reader.Whole(5), DemoOrderTables.Money(reader.GetString(6)), reader.Whole(7) != 0));
            }
        }

        items.Sort(static (a, b) => CompareLineIds(a.LineId, b.LineId));
        return items;
    }

    private static async Task<List<ReturnRequest>> ReadReturnsAsync(DbConnection connection, DbTransaction transaction, string number,
        CancellationToken cancellationToken)
    {
        var lines = new Dictionary<string, List<ReturnLine>>(StringComparer.Ordinal);
        await using (var command = connection.Command(SelectReturnLines, transaction).With("number", number))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var rma = reader.GetString(0);
                if (!lines.TryGetValue(rma, out var list))
                {
                    lines[rma] = list = [];
                }

                list.Add(new ReturnLine(reader.GetString(1), (int)reader.Whole(2)));
            }
        }

        var returns = new List<ReturnRequest>();
        await using (var command = connection.Command(SelectReturns, transaction).With("number", number))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var rma = reader.GetString(0);
                var refund = reader.IsDBNull(5)
                    ? null
                    : new Refund(DemoOrderTables.Money(reader.GetString(5)), Enum.Parse<RefundStatus>(reader.GetString(6)), reader.GetString(7), reader.TimeOrNull(8));
                returns.Add(new ReturnRequest(rma, lines.GetValueOrDefault(rma) ?? [], reader.GetString(1), Enum.Parse<ReturnStatus>(reader.GetString(2)),
                    reader.Time(3), reader.GetString(4), refund));
            }
        }

        return returns;
    }

    /// <summary>Line ids in their natural order: L2 before L10.</summary>
    private static int CompareLineIds(string a, string b)
    {
        var byLength = a.Length.CompareTo(b.Length);
        return byLength != 0 ? byLength : string.CompareOrdinal(a, b);
    }
}
