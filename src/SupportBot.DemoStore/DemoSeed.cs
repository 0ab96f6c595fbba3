using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.FileProviders;
using SupportBot.Orders;

namespace SupportBot.DemoStore;

/// <summary>A customer account of the demo store.</summary>
internal sealed record DemoCustomer(string Id, string FirstName, string LastName, string Email, string Country);

/// <summary>
/// Everything the demo store starts with: its customers, the named scenario orders the README and the tests rely on
/// (<c>LP10000001</c>–<c>LP10000012</c>), and a few hundred more in every state an order, a parcel, a return and a
/// refund can be in.
/// </summary>
internal sealed record DemoStoreData(IReadOnlyList<DemoCustomer> Customers, IReadOnlyList<Order> Scenarios, IReadOnlyList<Order> Background)
{
    public IEnumerable<Order> Orders => Scenarios.Concat(Background);
}

/// <summary>
/// Reads the demo store's seed: <c>Seed/customers.json</c>, <c>Seed/scenarios.json</c> and <c>Seed/orders.json</c>,
/// orders in the same JSON shape a shop's HTTP backend answers with. The order files are dated as of their
/// <c>as_of</c> time; every date is moved forward by the time since then (<see cref="SeedClock"/>), so an order
/// "delivered five days ago" is delivered five days before whatever now is.
/// </summary>
internal static class DemoSeed
{
    public const string Customers = "customers.json";
    public const string Scenarios = "scenarios.json";
    public const string Orders = "orders.json";

    /// <summary>The seed files built into this assembly.</summary>
    public static IFileProvider BuiltIn { get; } = new EmbeddedFileProvider(typeof(DemoSeed).Assembly, "SupportBot.DemoStore.Seed");

    /// <summary>The built-in seed, dated relative to <paramref name="now"/>.</summary>
    public static DemoStoreData Load(DateTimeOffset now) => Load(BuiltIn, now);

    /// <summary>The seed in <paramref name="files"/>, dated relative to <paramref name="now"/>.</summary>
    /// <exception cref="InvalidDataException">A file is not valid seed JSON, or its orders do not fit together; the message names the file and, where the JSON parser knows it, the line.</exception>
    public static DemoStoreData Load(IFileProvider files, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(files);
        var customers = Read(files, Customers, DemoSeedJson.Default.IReadOnlyListDemoCustomer);
        var scenarios = Read(files, Scenarios, DemoSeedJson.Default.ScenarioFile);
        var background = Read(files, Orders, DemoSeedJson.Default.OrdersFile);

        var scenarioClock = SeedClock.From(scenarios.AsOf, now);
        var backgroundClock = SeedClock.From(background.AsOf, now);
        var data = new DemoStoreData(
            customers,
            scenarios.Scenarios.Select(s => scenarioClock.Move(s.Order)).ToList(),
            background.Orders.Select(backgroundClock.Move).ToList());
        Check(files, data);
        return data;
    }

    private static T Read<T>(IFileProvider files, string name, JsonTypeInfo<T> type)
    {
        var file = files.GetFileInfo(name);
        var where = Describe(files, name);
        if (!file.Exists)
        {
            throw new InvalidDataException($"{where}: the demo store's seed file is missing");
        }

        try
        {
            using var json = file.CreateReadStream();
            return JsonSerializer.Deserialize(json, type) ?? throw new InvalidDataException($"{where}: the file holds JSON null, not the demo store's seed");
        }
        catch (JsonException ex)
        {
            // The serializer counts lines from zero and appends its own "Path: … | LineNumber: …"; say it the way editors do.
            var line = ex.LineNumber is { } number ? $":{number + 1}" : "";
            var at = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "" : $" (at {ex.Path})";
            var reason = ex.Message.Split(" Path:")[0].Split(" LineNumber:")[0].TrimEnd('.');
            throw new InvalidDataException($"{where}{line}: {reason}{at}", ex);
        }
    }

    /// <summary>What JSON alone cannot say: ids and numbers are unique, and every order's customer exists.</summary>
    private static void Check(IFileProvider files, DemoStoreData data)
    {
        var customers = new HashSet<string>(StringComparer.Ordinal);
        if (data.Customers.FirstOrDefault(c => !customers.Add(c.Id)) is { } twice)
        {
            throw new InvalidDataException($"{Describe(files, Customers)}: customer {twice.Id} is there twice");
        }

        var numbers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (file, orders) in new[] { (Scenarios, data.Scenarios), (Orders, data.Background) })
        {
            if (orders.FirstOrDefault(o => !numbers.Add(o.Number)) is { } repeated)
            {
                throw new InvalidDataException($"{Describe(files, file)}: order {repeated.Number} is in the seed twice");
            }

            if (orders.FirstOrDefault(o => !customers.Contains(o.CustomerId)) is { } orphan)
            {
                throw new InvalidDataException($"{Describe(files, file)}: order {orphan.Number} belongs to {orphan.CustomerId}, who is not in {Customers}");
            }
        }
    }

    /// <summary>A file as someone fixing it would look for it: where a built-in one lives in the source, or its path on disk.</summary>
    private static string Describe(IFileProvider files, string name) =>
        files == BuiltIn ? $"src/SupportBot.DemoStore/Seed/{name}" : files.GetFileInfo(name).PhysicalPath ?? name;
}
