using System.Globalization;
using System.Text;

namespace SupportBot.Orders;

/// <summary>A customer account of the demo store.</summary>
internal sealed record DemoCustomer(string Id, string FirstName, string LastName, string Email, string Country);

/// <summary>Everything the demo store starts with: its customers and their orders.</summary>
internal sealed record DemoStoreData(IReadOnlyList<DemoCustomer> Customers, IReadOnlyList<Order> Orders);

/// <summary>
/// The orders of Larkspur &amp; Pine, a made-up clothing and home store, for demos and tests: a fixed set of named
/// scenario orders (<c>LP10000001</c>–<c>LP10000012</c>) that the README and the tests rely on, plus a few hundred
/// generated ones in every state an order, a parcel, a return and a refund can be in. The same seed and the same
/// <c>now</c> always give the same data; every date is relative to <c>now</c>.
/// </summary>
internal static class DemoStore
{
    public const string Warehouse = "Columbus, OH";
    public const string CanadianWarehouse = "Mississauga, ON";

    private const int GeneratedUsCustomers = 78;
    private const int GeneratedCanadianCustomers = 12;
    private const int GeneratedOrders = 240;

    // Where a UPS label of the store says who shipped it: one shipper account, as a real store has.
    private const string UpsShipperAccount = "4Y7F09";

    /// <summary>The named scenario orders, always present whatever the seed.</summary>
    public static IReadOnlyList<string> ScenarioNumbers { get; } =
    [
        "LP10000001", "LP10000002", "LP10000003", "LP10000004", "LP10000005", "LP10000006",
        "LP10000007", "LP10000008", "LP10000009", "LP10000010", "LP10000011", "LP10000012",
    ];

    /// <summary>The store's printable prepaid return label of an RMA.</summary>
    public static string LabelUrl(string rma) => $"https://www.larkspurandpine.com/returns/label/{rma}";

    /// <summary>The carrier's public tracking page of a parcel.</summary>
    public static string TrackingUrl(string carrier, string trackingNumber) => carrier switch
    {
        Carriers.Ups => $"https://www.ups.com/track?tracknum={trackingNumber}",
        Carriers.Usps => $"https://tools.usps.com/go/TrackConfirmAction?tLabels={trackingNumber}",
        Carriers.FedEx => $"https://www.fedex.com/fedextrack/?trknbr={trackingNumber}",
        Carriers.CanadaPost => $"https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor={trackingNumber}",
        _ => throw new ArgumentOutOfRangeException(nameof(carrier), carrier, "unknown carrier"),
    };

    /// <summary>The demo data for <paramref name="seed"/>, dated relative to <paramref name="now"/>.</summary>
    public static DemoStoreData Generate(int seed, DateTimeOffset now)
    {
        var customers = new List<DemoCustomer>();
        var orders = new List<Order>();
        Scenarios.Add(now, customers, orders);
        new Generator(seed, now, customers, orders).Run();
        return new DemoStoreData(customers, orders);
    }

    internal static class Carriers
    {
        public const string Ups = "UPS";
        public const string Usps = "USPS";
        public const string FedEx = "FedEx";
        public const string CanadaPost = "Canada Post";
    }

    internal sealed record Product(string Sku, string Name, string Category, string[]? Sizes, decimal Price, bool FinalSale = false)
    {
        public OrderItem Line(int line, string? size, int quantity = 1, string currency = "USD") =>
            new($"L{line.ToString(CultureInfo.InvariantCulture)}", Sku, Name, Category, size, quantity, PriceIn(currency), FinalSale);

        public decimal PriceIn(string currency) => currency == "CAD" ? decimal.Round(Price * 1.35m, 0) + 0.00m : Price;
    }

    /// <summary>What the store sells: clothing with sizes, shoes, knitwear, bedding, cookware, home decor, accessories.</summary>
    internal static class Catalogue
    {
        private static readonly string[] Apparel = ["XS", "S", "M", "L", "XL"];
        private static readonly string[] Waist = ["28", "30", "32", "34", "36"];
        private static readonly string[] ShoeSizes = ["6", "7", "7.5", "8", "8.5", "9", "9.5", "10", "11"];
        private static readonly string[] Beds = ["Twin", "Full", "Queen", "King"];

        public static readonly Product MerinoCrew = new("KN-101", "Merino crew sweater", "knitwear", Apparel, 98.00m);
        public static readonly Product CabledCardigan = new("KN-114", "Cabled cotton cardigan", "knitwear", Apparel, 118.00m);
        public static readonly Product Turtleneck = new("KN-133", "Ribbed wool turtleneck", "knitwear", Apparel, 88.00m);
        public static readonly Product AlpacaBeanie = new("KN-140", "Alpaca blend beanie", "knitwear", null, 38.00m);
        public static readonly Product FairIsleSocks = new("KN-199", "Fair Isle socks (last chance)", "knitwear", ["S/M", "L/XL"], 18.00m, FinalSale: true);
        public static readonly Product CottonTee = new("TP-201", "Organic cotton tee", "tops", Apparel, 32.00m);
        public static readonly Product Chambray = new("TP-215", "Chambray button-down shirt", "tops", Apparel, 68.00m);
        public static readonly Product CampShirt = new("TP-230", "Linen camp shirt", "tops", Apparel, 74.00m);
        public static readonly Product Chino = new("BT-301", "Relaxed chino", "pants", Waist, 79.00m);
        public static readonly Product LinenTrousers = new("BT-318", "Wide-leg linen trousers", "pants", Apparel, 92.00m);
        public static readonly Product WrapDress = new("DR-402", "Wrap midi dress", "dresses", Apparel, 128.00m);
        public static readonly Product FieldJacket = new("OW-501", "Waxed field jacket", "outerwear", Apparel, 198.00m);
        public static readonly Product LinerVest = new("OW-512", "Quilted liner vest", "outerwear", Apparel, 84.00m);
        public static readonly Product DesertBoot = new("SH-601", "Suede desert boot", "shoes", ShoeSizes, 145.00m);
        public static readonly Product Sneaker = new("SH-615", "Canvas low-top sneaker", "shoes", ShoeSizes, 64.00m);
        public static readonly Product Slipper = new("SH-622", "Shearling-lined slipper", "shoes", ShoeSizes, 58.00m);
        public static readonly Product SheetSet = new("BD-701", "Linen sheet set", "bedding", Beds, 160.00m);
        public static readonly Product DuvetCover = new("BD-712", "Percale duvet cover", "bedding", Beds, 138.00m);
        public static readonly Product Pillowcases = new("BD-725", "Stonewashed linen pillowcase pair", "bedding", ["Standard", "King"], 59.00m);
        public static readonly Product Throw = new("BD-740", "Wool throw blanket", "bedding", null, 120.00m);
        public static readonly Product BathTowel = new("BA-760", "Waffle bath towel", "bath", null, 28.00m);
        public static readonly Product Skillet = new("CK-801", "Cast iron skillet, 10 in", "cookware", null, 54.00m);
        public static readonly Product DutchOven = new("CK-815", "Enamelled Dutch oven, 5.5 qt", "cookware", null, 189.00m);
        public static readonly Product Wok = new("CK-822", "Carbon steel wok", "cookware", null, 72.00m);
        public static readonly Product CuttingBoard = new("CK-830", "Walnut cutting board", "kitchen", null, 48.00m);
        public static readonly Product Plates = new("TW-850", "Stoneware dinner plates, set of 4", "tableware", null, 64.00m);
        public static readonly Product Vase = new("HD-901", "Hand-thrown ceramic vase", "home-decor", null, 46.00m);
        public static readonly Product Candles = new("HD-915", "Beeswax pillar candles, set of 3", "home-decor", null, 24.00m);
        public static readonly Product Rug = new("HD-922", "Jute round rug, 5 ft", "home-decor", null, 149.00m);
        public static readonly Product Wallet = new("AC-950", "Leather card wallet", "accessories", null, 59.00m);
        public static readonly Product Weekender = new("AC-962", "Canvas weekender bag", "accessories", null, 135.00m);
        public static readonly Product Scarf = new("AC-970", "Wool-blend scarf", "accessories", null, 45.00m);
        public static readonly Product SwimTop = new("SW-020", "Swim top", "swimwear", Apparel, 45.00m, FinalSale: true);
        public static readonly Product SwimBottom = new("SW-024", "Swim bottom", "swimwear", Apparel, 42.00m, FinalSale: true);
        public static readonly Product SwimTrunks = new("SW-031", "Swim trunks", "swimwear", Apparel, 52.00m, FinalSale: true);
        public static readonly Product HoopEarrings = new("JW-040", "Gold hoop earrings", "pierced-earrings", null, 68.00m, FinalSale: true);
        public static readonly Product StudEarrings = new("JW-044", "Pearl stud earrings", "pierced-earrings", null, 54.00m, FinalSale: true);
        public static readonly Product MonogramTote = new("PS-060", "Monogrammed canvas tote", "personalized", null, 48.00m, FinalSale: true);
        public static readonly Product InitialPillow = new("PS-066", "Embroidered initial pillow", "personalized", null, 64.00m, FinalSale: true);
        public static readonly Product GiftCard = new("GC-090", "Digital gift card", "gift-card", null, 50.00m, FinalSale: true);

        public static readonly Product[] All =
        [
            MerinoCrew, CabledCardigan, Turtleneck, AlpacaBeanie, FairIsleSocks, CottonTee, Chambray, CampShirt, Chino,
            LinenTrousers, WrapDress, FieldJacket, LinerVest, DesertBoot, Sneaker, Slipper, SheetSet, DuvetCover,
            Pillowcases, Throw, BathTowel, Skillet, DutchOven, Wok, CuttingBoard, Plates, Vase, Candles, Rug, Wallet,
            Weekender, Scarf, SwimTop, SwimBottom, SwimTrunks, HoopEarrings, StudEarrings, MonogramTote, InitialPillow,
            GiftCard,
        ];

        public static readonly Product[] Returnable = All.Where(p => !p.FinalSale).ToArray();
    }

    /// <summary>Carrier tracking numbers in each carrier's real layout, check digits included.</summary>
    internal static class Tracking
    {
        /// <summary>UPS: <c>1Z</c>, a 6-character shipper account, a 2-digit service, a 7-digit package number, a check digit.</summary>
        public static string Ups(string account, int service, int package)
        {
            var body = string.Create(CultureInfo.InvariantCulture, $"{account}{service:D2}{package:D7}");
            var sum = 0;
            for (var i = 0; i < body.Length; i++)
            {
                var c = body[i];
                var value = char.IsAsciiDigit(c) ? c - '0' : (c - 'A' + 2) % 10;
                sum += i % 2 == 1 ? value * 2 : value;
            }

            return $"1Z{body}{((10 - (sum % 10)) % 10).ToString(CultureInfo.InvariantCulture)}";
        }

        /// <summary>USPS (IMpb): 22 digits, <c>94</c> + service + mailer id + serial + a mod-10 check digit.</summary>
        public static string Usps(long mailer, int serial)
        {
            var body = string.Create(CultureInfo.InvariantCulture, $"94001{mailer:D9}{serial:D7}");
            var sum = 0;
            for (var i = 0; i < body.Length; i++)
            {
                var digit = body[body.Length - 1 - i] - '0';
                sum += i % 2 == 0 ? digit * 3 : digit;
            }

            return $"{body}{((10 - (sum % 10)) % 10).ToString(CultureInfo.InvariantCulture)}";
        }

        /// <summary>FedEx Express: 12 digits, the last a check digit (weights 1, 3, 7 from the right, mod 11).</summary>
        public static string FedEx(long serial)
        {
            var body = string.Create(CultureInfo.InvariantCulture, $"7{serial:D10}");
            int[] weights = [1, 3, 7];
            var sum = 0;
            for (var i = 0; i < body.Length; i++)
            {
                sum += (body[body.Length - 1 - i] - '0') * weights[i % 3];
            }

            return $"{body}{(sum % 11 % 10).ToString(CultureInfo.InvariantCulture)}";
        }

        /// <summary>Canada Post domestic parcels: 16 digits.</summary>
        public static string CanadaPost(long serial) => string.Create(CultureInfo.InvariantCulture, $"7023{serial:D12}");
    }

    /// <summary>How each carrier words the same scans.</summary>
    private static class Scans
    {
        public const int LabelCreated = 0;
        public const int PickedUp = 1;
        public const int Arrived = 2;
        public const int Departed = 3;
        public const int OutForDelivery = 4;
        public const int Delivered = 5;
        public const int AwaitingPickup = 6;

        private static readonly string[] Common =
        [
            "Label created", "Picked up", "Arrived at facility", "Departed facility", "Out for delivery", "Delivered",
            "Shipment information sent to carrier",
        ];

        private static readonly string[] CanadaPost =
        [
            "Electronic information submitted by shipper", "Item accepted at the Post Office", "Item processed",
            "Item in transit", "Item out for delivery", "Delivered", "Shipping label created, item not yet received",
        ];

        public static string Text(string carrier, int scan) => (carrier == Carriers.CanadaPost ? CanadaPost : Common)[scan];
    }

    private static ShipmentEvent Scan(DateTimeOffset at, string location, string carrier, int scan) =>
        new(at, location, Scans.Text(carrier, scan));

    private static Shipment NewShipment(
        string carrier, string trackingNumber, ShipmentStatus status, DateTimeOffset shippedAt, DateOnly? estimatedDelivery,
        DateTimeOffset? deliveredAt, IReadOnlyList<ShipmentEvent> events) =>
        new(carrier, trackingNumber, TrackingUrl(carrier, trackingNumber), status, shippedAt, estimatedDelivery, deliveredAt, events);

    private static decimal Subtotal(IEnumerable<OrderItem> items) => items.Sum(i => i.UnitPrice * i.Quantity);

    /// <summary>Shipping is free from $75 (CA$100); otherwise a flat fee.</summary>
    private static Payment Pay(string method, IReadOnlyList<OrderItem> items, string currency)
    {
        var subtotal = Subtotal(items);
        var shipping = currency == "CAD" ? (subtotal >= 100m ? 0m : 9.95m) : (subtotal >= 75m ? 0m : 7.95m);
        return new Payment(method, subtotal + shipping, currency);
    }

    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    /// <summary>The named orders the README's "try it" table and the tests use; independent of the seed.</summary>
    private static class Scenarios
    {
        public static void Add(DateTimeOffset now, List<DemoCustomer> customers, List<Order> orders)
        {
            var today = Day(now);

            var ana = Customer(customers, "CUS-10001", "Ana", "Lima", "ana.lima@example.com", "US");
            var anaHome = new Address("Ana Lima", "1420 SW Alder St", "Apt 5C", "Portland", "OR", "97205", "US");

            // 1. Delivered 5 days ago: two returnable lines and one final-sale line.
            {
                var delivered = now.AddDays(-5);
                var shipped = now.AddDays(-8);
                OrderItem[] items =
                [
                    Catalogue.MerinoCrew.Line(1, "M"),
                    Catalogue.SheetSet.Line(2, "Queen"),
                    Catalogue.SwimTop.Line(3, "S"),
                ];
                orders.Add(new Order("LP10000001", ana.Id, ana.Email, ana.FirstName, now.AddDays(-9), OrderStatus.Delivered, items,
                    Pay("Visa", items, "USD"), anaHome,
                    NewShipment(Carriers.Ups, Tracking.Ups(UpsShipperAccount, 3, 1000001), ShipmentStatus.Delivered, shipped, Day(delivered), delivered,
                    [
                        Scan(shipped, Warehouse, Carriers.Ups, Scans.LabelCreated),
                        Scan(shipped.AddHours(6), Warehouse, Carriers.Ups, Scans.PickedUp),
                        Scan(shipped.AddDays(1), "Hodgkins, IL", Carriers.Ups, Scans.Arrived),
                        Scan(shipped.AddDays(1).AddHours(7), "Hodgkins, IL", Carriers.Ups, Scans.Departed),
                        Scan(delivered.AddHours(-5), "Portland, OR", Carriers.Ups, Scans.OutForDelivery),
                        Scan(delivered, "Portland, OR", Carriers.Ups, Scans.Delivered),
                    ]),
                    []));
            }

            // 2. On its way with UPS, due in 2 days; the latest scan left Portland.
            {
                var shipped = now.AddDays(-3);
                OrderItem[] items = [Catalogue.Skillet.Line(1, null), Catalogue.BathTowel.Line(2, null, quantity: 2)];
                orders.Add(new Order("LP10000002", ana.Id, ana.Email, ana.FirstName, now.AddDays(-4), OrderStatus.Shipped, items,
                    Pay("Apple Pay", items, "USD"), anaHome,
                    NewShipment(Carriers.Ups, Tracking.Ups(UpsShipperAccount, 3, 1000002), ShipmentStatus.InTransit, shipped, today.AddDays(2), null,
                    [
                        Scan(shipped, Warehouse, Carriers.Ups, Scans.LabelCreated),
                        Scan(shipped.AddHours(5), Warehouse, Carriers.Ups, Scans.PickedUp),
                        Scan(now.AddHours(-14), "Portland, OR", Carriers.Ups, Scans.Arrived),
                        Scan(now.AddHours(-3), "Portland, OR", Carriers.Ups, Scans.Departed),
                    ]),
                    []));
            }

            // 3. Delivered 45 days ago: outside the 30-day return window.
            {
                var delivered = now.AddDays(-45);
                var shipped = now.AddDays(-49);
                OrderItem[] items = [Catalogue.Throw.Line(1, null)];
                orders.Add(new Order("LP10000003", ana.Id, ana.Email, ana.FirstName, now.AddDays(-50), OrderStatus.Delivered, items,
                    Pay("Visa", items, "USD"), anaHome,
                    NewShipment(Carriers.Usps, Tracking.Usps(902345671, 1000003), ShipmentStatus.Delivered, shipped, Day(delivered), delivered,
                    [
                        Scan(shipped, Warehouse, Carriers.Usps, Scans.LabelCreated),
                        Scan(shipped.AddHours(8), Warehouse, Carriers.Usps, Scans.PickedUp),
                        Scan(shipped.AddDays(2), "Denver, CO", Carriers.Usps, Scans.Arrived),
                        Scan(delivered.AddHours(-6), "Portland, OR", Carriers.Usps, Scans.OutForDelivery),
                        Scan(delivered, "Portland, OR", Carriers.Usps, Scans.Delivered),
                    ]),
                    []));
            }

            // 4. Delayed by weather: it was due 3 days ago.
            {
                var ben = Customer(customers, "CUS-10002", "Ben", "Okafor", "ben.okafor@example.com", "US");
                var shipped = now.AddDays(-8);
                OrderItem[] items = [Catalogue.FieldJacket.Line(1, "L")];
                orders.Add(new Order("LP10000004", ben.Id, ben.Email, ben.FirstName, now.AddDays(-9), OrderStatus.Shipped, items,
                    Pay("Mastercard", items, "USD"),
                    new Address("Ben Okafor", "88 Morningside Ave", "Apt 3R", "New York", "NY", "10027", "US"),
                    NewShipment(Carriers.FedEx, Tracking.FedEx(3100000004), ShipmentStatus.Delayed, shipped, today.AddDays(-3), null,
                    [
                        Scan(shipped, Warehouse, Carriers.FedEx, Scans.LabelCreated),
                        Scan(shipped.AddHours(7), Warehouse, Carriers.FedEx, Scans.PickedUp),
                        Scan(shipped.AddDays(1), "Memphis, TN", Carriers.FedEx, Scans.Arrived),
                        Scan(shipped.AddDays(1).AddHours(6), "Memphis, TN", Carriers.FedEx, Scans.Departed),
                        Scan(now.AddDays(-4), "Newark, NJ", Carriers.FedEx, Scans.Arrived),
                        new ShipmentEvent(now.AddHours(-6), "Newark, NJ", "Delayed: weather"),
                    ]),
                    []));
            }

            // 5. Lost by Canada Post: no scan for 12 days.
            {
                var chloe = Customer(customers, "CUS-10003", "Chloé", "Martin", "chloe.martin@example.org", "CA");
                var shipped = now.AddDays(-19);
                OrderItem[] items = [Catalogue.DesertBoot.Line(1, "8", currency: "CAD"), Catalogue.Scarf.Line(2, null, currency: "CAD")];
                orders.Add(new Order("LP10000005", chloe.Id, chloe.Email, chloe.FirstName, now.AddDays(-20), OrderStatus.Shipped, items,
                    Pay("PayPal", items, "CAD"),
                    new Address("Chloé Martin", "300 Front St W", "Unit 1204", "Toronto", "ON", "M5V 2T6", "CA"),
                    NewShipment(Carriers.CanadaPost, Tracking.CanadaPost(100000000005), ShipmentStatus.Lost, shipped, Day(shipped).AddDays(4), null,
                    [
                        Scan(shipped, CanadianWarehouse, Carriers.CanadaPost, Scans.LabelCreated),
                        Scan(shipped.AddHours(5), CanadianWarehouse, Carriers.CanadaPost, Scans.PickedUp),
                        Scan(shipped.AddDays(1), CanadianWarehouse, Carriers.CanadaPost, Scans.Arrived),
                        Scan(now.AddDays(-12), CanadianWarehouse, Carriers.CanadaPost, Scans.Departed),
                    ]),
                    []));
            }

            // 6. Placed 10 minutes ago: it can still be cancelled or re-addressed.
            {
                var dev = Customer(customers, "CUS-10004", "Dev", "Patel", "dev.patel@example.com", "US");
                OrderItem[] items = [Catalogue.Sneaker.Line(1, "10"), Catalogue.CottonTee.Line(2, "L", quantity: 2)];
                orders.Add(new Order("LP10000006", dev.Id, dev.Email, dev.FirstName, now.AddMinutes(-10), OrderStatus.Placed, items,
                    Pay("PayPal", items, "USD"),
                    new Address("Dev Patel", "2231 N Clifton Ave", null, "Chicago", "IL", "60614", "US"),
                    null, []));
            }

            // 7. Processing: placed 5 hours ago, in the warehouse's hands.
            {
                var emma = Customer(customers, "CUS-10005", "Emma", "Rossi", "emma.rossi@example.com", "US");
                OrderItem[] items = [Catalogue.WrapDress.Line(1, "S")];
                orders.Add(new Order("LP10000007", emma.Id, emma.Email, emma.FirstName, now.AddHours(-5), OrderStatus.Processing, items,
                    Pay("Apple Pay", items, "USD"),
                    new Address("Emma Rossi", "3150 Harrison St", null, "San Francisco", "CA", "94110", "US"),
                    null, []));
            }

            // 8. Delivered 10 days ago, L1 already on its way back (label sent).
            {
                var finn = Customer(customers, "CUS-10006", "Finn", "Berg", "finn.berg@example.com", "US");
                var delivered = now.AddDays(-10);
                var shipped = now.AddDays(-13);
                OrderItem[] items = [Catalogue.Chambray.Line(1, "L"), Catalogue.CottonTee.Line(2, "M", quantity: 2)];
                orders.Add(new Order("LP10000008", finn.Id, finn.Email, finn.FirstName, now.AddDays(-14), OrderStatus.Delivered, items,
                    Pay("Visa", items, "USD"),
                    new Address("Finn Berg", "77 Pleasant St", null, "Cambridge", "MA", "02139", "US"),
                    NewShipment(Carriers.Usps, Tracking.Usps(902345671, 1000008), ShipmentStatus.Delivered, shipped, Day(delivered), delivered,
                    [
                        Scan(shipped, Warehouse, Carriers.Usps, Scans.LabelCreated),
                        Scan(shipped.AddHours(9), Warehouse, Carriers.Usps, Scans.PickedUp),
                        Scan(shipped.AddDays(1).AddHours(4), "Boston, MA", Carriers.Usps, Scans.Arrived),
                        Scan(delivered.AddHours(-4), "Cambridge, MA", Carriers.Usps, Scans.OutForDelivery),
                        Scan(delivered, "Cambridge, MA", Carriers.Usps, Scans.Delivered),
                    ]),
                    [
                        new ReturnRequest("RMA-100008", [new ReturnLine("L1", 1)], "Too large", ReturnStatus.LabelSent, now.AddDays(-2),
                            LabelUrl("RMA-100008"), null),
                    ]));
            }

            // 9. Delivered 20 days ago; the return is at the warehouse, refund pending.
            {
                var grace = Customer(customers, "CUS-10007", "Grace", "Kim", "grace.kim@example.com", "US");
                var delivered = now.AddDays(-20);
                var shipped = now.AddDays(-23);
                OrderItem[] items = [Catalogue.Chino.Line(1, "30"), Catalogue.Wallet.Line(2, null)];
                orders.Add(new Order("LP10000009", grace.Id, grace.Email, grace.FirstName, now.AddDays(-24), OrderStatus.Delivered, items,
                    Pay("Mastercard", items, "USD"),
                    new Address("Grace Kim", "4015 Stone Way N", null, "Seattle", "WA", "98103", "US"),
                    NewShipment(Carriers.FedEx, Tracking.FedEx(3100000009), ShipmentStatus.Delivered, shipped, Day(delivered), delivered,
                    [
                        Scan(shipped, Warehouse, Carriers.FedEx, Scans.LabelCreated),
                        Scan(shipped.AddHours(6), Warehouse, Carriers.FedEx, Scans.PickedUp),
                        Scan(shipped.AddDays(1), "Memphis, TN", Carriers.FedEx, Scans.Arrived),
                        Scan(shipped.AddDays(1).AddHours(5), "Memphis, TN", Carriers.FedEx, Scans.Departed),
                        Scan(delivered.AddHours(-5), "Seattle, WA", Carriers.FedEx, Scans.OutForDelivery),
                        Scan(delivered, "Seattle, WA", Carriers.FedEx, Scans.Delivered),
                    ]),
                    [
                        new ReturnRequest("RMA-100009", [new ReturnLine("L1", 1)], "Does not fit", ReturnStatus.Received, now.AddDays(-15),
                            LabelUrl("RMA-100009"), new Refund(79.00m, RefundStatus.Pending, "Mastercard", null)),
                    ]));
            }

            // 10. Delivered 25 days ago; the return is refunded: $59.00 back on the Visa.
            {
                var hugo = Customer(customers, "CUS-10008", "Hugo", "Silva", "hugo.silva@example.com", "US");
                var delivered = now.AddDays(-25);
                var shipped = now.AddDays(-28);
                OrderItem[] items = [Catalogue.Pillowcases.Line(1, "Standard"), Catalogue.DuvetCover.Line(2, "Queen")];
                orders.Add(new Order("LP10000010", hugo.Id, hugo.Email, hugo.FirstName, now.AddDays(-29), OrderStatus.Delivered, items,
                    Pay("Visa", items, "USD"),
                    new Address("Hugo Silva", "1550 Meridian Ave", "Apt 208", "Miami Beach", "FL", "33139", "US"),
                    NewShipment(Carriers.Ups, Tracking.Ups(UpsShipperAccount, 3, 1000010), ShipmentStatus.Delivered, shipped, Day(delivered), delivered,
                    [
                        Scan(shipped, Warehouse, Carriers.Ups, Scans.LabelCreated),
                        Scan(shipped.AddHours(6), Warehouse, Carriers.Ups, Scans.PickedUp),
                        Scan(shipped.AddDays(1), "Atlanta, GA", Carriers.Ups, Scans.Arrived),
                        Scan(delivered.AddHours(-6), "Miami Beach, FL", Carriers.Ups, Scans.OutForDelivery),
                        Scan(delivered, "Miami Beach, FL", Carriers.Ups, Scans.Delivered),
                    ]),
                    [
                        new ReturnRequest("RMA-100010", [new ReturnLine("L1", 1)], "Colour is not as pictured", ReturnStatus.Refunded, now.AddDays(-22),
                            LabelUrl("RMA-100010"), new Refund(59.00m, RefundStatus.Completed, "Visa", now.AddDays(-16))),
                    ]));
            }

            // 11. Cancelled before it shipped.
            {
                var iris = Customer(customers, "CUS-10009", "Iris", "Novak", "iris.novak@example.com", "US");
                OrderItem[] items = [Catalogue.DutchOven.Line(1, null)];
                orders.Add(new Order("LP10000011", iris.Id, iris.Email, iris.FirstName, now.AddDays(-3), OrderStatus.Cancelled, items,
                    Pay("Visa", items, "USD"),
                    new Address("Iris Novak", "2840 Gilpin St", null, "Denver", "CO", "80205", "US"),
                    null, []));
            }

            // 12. Delivered 3 days ago, every line final sale: nothing to return.
            {
                var jonas = Customer(customers, "CUS-10010", "Jonas", "Weber", "jonas.weber@example.com", "US");
                var delivered = now.AddDays(-3);
                var shipped = now.AddDays(-6);
                OrderItem[] items =
                [
                    Catalogue.SwimTrunks.Line(1, "M"),
                    Catalogue.HoopEarrings.Line(2, null),
                    Catalogue.MonogramTote.Line(3, null),
                ];
                orders.Add(new Order("LP10000012", jonas.Id, jonas.Email, jonas.FirstName, now.AddDays(-7), OrderStatus.Delivered, items,
                    Pay("Apple Pay", items, "USD"),
                    new Address("Jonas Weber", "1609 S 1st St", null, "Austin", "TX", "78704", "US"),
                    NewShipment(Carriers.Usps, Tracking.Usps(902345671, 1000012), ShipmentStatus.Delivered, shipped, Day(delivered), delivered,
                    [
                        Scan(shipped, Warehouse, Carriers.Usps, Scans.LabelCreated),
                        Scan(shipped.AddHours(7), Warehouse, Carriers.Usps, Scans.PickedUp),
                        Scan(shipped.AddDays(1).AddHours(3), "Dallas, TX", Carriers.Usps, Scans.Arrived),
                        Scan(delivered.AddHours(-5), "Austin, TX", Carriers.Usps, Scans.OutForDelivery),
                        Scan(delivered, "Austin, TX", Carriers.Usps, Scans.Delivered),
                    ]),
                    []));
            }
        }

        private static DemoCustomer Customer(List<DemoCustomer> customers, string id, string first, string last, string email, string country)
        {
            var customer = new DemoCustomer(id, first, last, email, country);
            customers.Add(customer);
            return customer;
        }
    }

    /// <summary>The seeded part: customers across the US and Canada and their orders in every state.</summary>
    private sealed class Generator(int seed, DateTimeOffset now, List<DemoCustomer> customers, List<Order> orders)
    {
        private static readonly string[] FirstNames =
        [
            "Olivia", "Liam", "Maya", "Noah", "Sofia", "Ethan", "Priya", "Lucas", "Zoe", "Mateo", "Hannah", "Owen",
            "Aisha", "Caleb", "Nora", "Julian", "Leah", "Miles", "Ruby", "Theo", "Camille", "Elijah", "Isla", "Marcus",
            "Yuki", "Daniel", "Fatima", "Samuel", "Clara", "Diego", "Lena", "Kai", "Amara", "Henry", "Tessa", "Omar",
            "Willa", "Jasper", "Naomi", "Felix",
        ];

        private static readonly string[] LastNames =
        [
            "Anderson", "Brennan", "Castillo", "Dubois", "Eriksen", "Fischer", "Gallagher", "Haddad", "Ibarra", "Jensen",
            "Kowalski", "Lindqvist", "Moreau", "Nakamura", "O'Neill", "Park", "Quinn", "Ramirez", "Sato", "Thompson",
            "Underwood", "Vasquez", "Whitaker", "Xu", "Young", "Zimmerman", "Bianchi", "Chen", "Delgado", "Ferreira",
            "Nguyen", "Osei", "Petrov", "Reyes", "Sullivan", "Tanaka", "Walsh", "Mensah", "Larsen", "Hughes",
        ];

        private static readonly (string City, string State, string ZipPrefix)[] UsCities =
        [
            ("Portland", "OR", "972"), ("Seattle", "WA", "981"), ("Boise", "ID", "837"), ("Sacramento", "CA", "958"),
            ("Oakland", "CA", "946"), ("San Diego", "CA", "921"), ("Phoenix", "AZ", "850"), ("Salt Lake City", "UT", "841"),
            ("Denver", "CO", "802"), ("Minneapolis", "MN", "554"), ("Madison", "WI", "537"), ("Chicago", "IL", "606"),
            ("Ann Arbor", "MI", "481"), ("Columbus", "OH", "432"), ("Pittsburgh", "PA", "152"), ("Philadelphia", "PA", "191"),
            ("Brooklyn", "NY", "112"), ("Burlington", "VT", "054"), ("Portland", "ME", "041"), ("Providence", "RI", "029"),
            ("Richmond", "VA", "232"), ("Asheville", "NC", "288"), ("Atlanta", "GA", "303"), ("Nashville", "TN", "372"),
            ("New Orleans", "LA", "701"), ("Austin", "TX", "787"), ("Houston", "TX", "770"), ("Santa Fe", "NM", "875"),
            ("Kansas City", "MO", "641"), ("Omaha", "NE", "681"),
        ];

        private static readonly (string City, string Province, string[] Areas)[] CanadianCities =
        [
            ("Toronto", "ON", ["M4C", "M6J", "M5R"]), ("Ottawa", "ON", ["K1S", "K2P"]), ("Montréal", "QC", ["H2T", "H2J"]),
            ("Vancouver", "BC", ["V5L", "V6K"]), ("Calgary", "AB", ["T2S", "T3C"]), ("Halifax", "NS", ["B3K", "B3H"]),
            ("Winnipeg", "MB", ["R3L", "R2M"]), ("Victoria", "BC", ["V8V", "V8R"]),
        ];

        private static readonly string[] UsStreets =
        [
            "Alder St", "Birch Ave", "Cedar Ln", "Elm St", "Hawthorne Blvd", "Juniper Way", "Larch Rd", "Magnolia Dr",
            "Orchard St", "Prospect Ave", "Quarry Rd", "Riverside Dr", "Summit Ave", "Willow Ct", "Maple St", "Fernwood Ave",
        ];

        private static readonly string[] CanadianStreets =
        [
            "Dundas St W", "Bank St", "Commercial Dr", "Rue Rachel E", "Spring Garden Rd", "Osborne St", "Fort St",
            "17 Ave SW", "Queen St E", "Gladstone Ave",
        ];

        // Letters Canada Post uses in the last three characters of a postal code.
        private const string PostalLetters = "ABCEGHJKLMNPRSTVWXYZ";

        private static readonly string[] UsPayments = ["Visa", "Visa", "Visa", "Mastercard", "Mastercard", "PayPal", "PayPal", "Apple Pay", "Apple Pay", "Klarna", "Gift card"];
        private static readonly string[] CanadianPayments = ["Visa", "Visa", "Mastercard", "Mastercard", "PayPal", "Apple Pay"];

        private static readonly string[] ReturnReasons =
        [
            "Too small", "Too large", "Not as pictured", "Changed my mind", "Arrived damaged", "Colour differs from the photo",
            "Ordered two sizes", "Quality not as expected", "Arrived too late",
        ];

        private static readonly string[] DelayReasons =
        [
            "Delayed: weather", "Delayed: high package volume", "Delayed: vehicle breakdown", "Delayed: missed connection, rerouted",
        ];

        private static readonly Dictionary<string, string[]> Hubs = new()
        {
            [Carriers.Ups] = ["Louisville, KY", "Hodgkins, IL", "Ontario, CA", "Dallas, TX", "Atlanta, GA"],
            [Carriers.Usps] = ["Chicago, IL", "Denver, CO", "Jacksonville, FL", "San Francisco, CA", "Philadelphia, PA"],
            [Carriers.FedEx] = ["Memphis, TN", "Indianapolis, IN", "Fort Worth, TX", "Oakland, CA"],
            [Carriers.CanadaPost] = ["Mississauga, ON", "Montréal, QC", "Richmond, BC", "Calgary, AB", "Winnipeg, MB"],
        };

        private readonly Random _random = new(seed);
        private readonly HashSet<string> _rmas = ["RMA-100008", "RMA-100009", "RMA-100010"];
        private int _packages;

        private enum Kind
        {
            Placed,
            Processing,
            LabelCreated,
            InTransit,
            Delayed,
            Lost,
            DeliveredRecently,
            DeliveredLongAgo,
            Cancelled,
        }

        // How many generated orders are in each state (240 in all).
        private static readonly (Kind Kind, int Count)[] Plan =
        [
            (Kind.Placed, 10), (Kind.Processing, 15), (Kind.LabelCreated, 10), (Kind.InTransit, 40), (Kind.Delayed, 12),
            (Kind.Lost, 6), (Kind.DeliveredRecently, 70), (Kind.DeliveredLongAgo, 55), (Kind.Cancelled, 22),
        ];

        // The return states the recently delivered orders run through first, so every one is present whatever the seed.
        private static readonly (ReturnStatus Status, RefundStatus? Refund)[] EveryReturnState =
        [
            (ReturnStatus.LabelSent, null), (ReturnStatus.InTransit, null), (ReturnStatus.Received, null),
            (ReturnStatus.Received, RefundStatus.Pending), (ReturnStatus.Received, RefundStatus.Issued),
            (ReturnStatus.Refunded, RefundStatus.Completed), (ReturnStatus.Rejected, null),
        ];

        private sealed record Draft(DemoCustomer Customer, Address Address, Kind Kind);

        public void Run()
        {
            var generated = Customers();
            var kinds = Plan.SelectMany(p => Enumerable.Repeat(p.Kind, p.Count)).ToList();
            Shuffle(kinds);

            // Everyone has ordered at least once; the rest of the orders go to anyone, so some customers have several.
            var buyers = generated.Select(c => c.Customer).ToList();
            while (buyers.Count < kinds.Count)
            {
                buyers.Add(generated[_random.Next(generated.Count)].Customer);
            }

            Shuffle(buyers);
            var addresses = generated.ToDictionary(c => c.Customer.Id, c => c.Address);
            var drafts = kinds.Select((kind, i) => new Draft(buyers[i], addresses[buyers[i].Id], kind)).ToList();

            var returnStates = new Queue<(ReturnStatus, RefundStatus?)>(EveryReturnState);
            var built = drafts.Select(draft => Build(draft, returnStates)).OrderBy(o => o.PlacedAt).ToList();

            // Order numbers rise with time, as a real shop's do, with gaps where other channels took numbers.
            var number = 20_400_000 + _random.Next(0, 90_000);
            foreach (var order in built)
            {
                number += _random.Next(1, 4_000);
                orders.Add(order with { Number = $"LP{number.ToString(CultureInfo.InvariantCulture)}" });
            }
        }

        private List<(DemoCustomer Customer, Address Address)> Customers()
        {
            var taken = new HashSet<string>(customers.Select(c => c.Email), StringComparer.Ordinal);
            var result = new List<(DemoCustomer, Address)>();
            for (var i = 0; i < GeneratedUsCustomers + GeneratedCanadianCustomers; i++)
            {
                var canadian = i >= GeneratedUsCustomers;
                string first, last, email;
                do
                {
                    first = Pick(FirstNames);
                    last = Pick(LastNames);
                    email = $"{Ascii(first)}.{Ascii(last)}@{(_random.Next(4) == 0 ? "example.org" : "example.com")}";
                }
                while (!taken.Add(email));

                var id = $"CUS-{(20001 + i).ToString(CultureInfo.InvariantCulture)}";
                var customer = new DemoCustomer(id, first, last, email, canadian ? "CA" : "US");
                customers.Add(customer);
                result.Add((customer, canadian ? CanadianAddress($"{first} {last}") : UsAddress($"{first} {last}")));
            }

            return result;
        }

        private Address UsAddress(string name)
        {
            var (city, state, prefix) = Pick(UsCities);
            var zip = $"{prefix}{_random.Next(1, 100).ToString("D2", CultureInfo.InvariantCulture)}";
            return new Address(name, $"{_random.Next(12, 4800).ToString(CultureInfo.InvariantCulture)} {Pick(UsStreets)}", Unit(), city, state, zip, "US");
        }

        private Address CanadianAddress(string name)
        {
            var (city, province, areas) = Pick(CanadianCities);
            var postal = $"{Pick(areas)} {Digit()}{PostalLetters[_random.Next(PostalLetters.Length)]}{Digit()}";
            return new Address(name, $"{_random.Next(12, 2400).ToString(CultureInfo.InvariantCulture)} {Pick(CanadianStreets)}", Unit(), city, province, postal, "CA");
        }

        private string? Unit() => _random.Next(4) == 0 ? $"Apt {_random.Next(1, 40).ToString(CultureInfo.InvariantCulture)}{"ABCD"[_random.Next(4)]}" : null;

        private char Digit() => (char)('0' + _random.Next(10));

        private Order Build(Draft draft, Queue<(ReturnStatus, RefundStatus?)> returnStates)
        {
            var currency = draft.Customer.Country == "CA" ? "CAD" : "USD";
            var items = Items(currency);
            var payment = Pay(Pick(currency == "CAD" ? CanadianPayments : UsPayments), items, currency);
            var customer = draft.Customer;
            Order Make(DateTimeOffset placed, OrderStatus status, Shipment? shipment, IReadOnlyList<ReturnRequest> returns) =>
                new("LP00000000", customer.Id, customer.Email, customer.FirstName, placed, status, items, payment, draft.Address, shipment, returns);

            switch (draft.Kind)
            {
                case Kind.Placed:
                    return Make(now - Between(TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(58)), OrderStatus.Placed, null, []);
                case Kind.Processing:
                    return Make(now - Between(TimeSpan.FromHours(1), TimeSpan.FromHours(20)), OrderStatus.Processing, null, []);
                case Kind.Cancelled:
                    return Make(now - Between(TimeSpan.FromHours(2), TimeSpan.FromDays(90)), OrderStatus.Cancelled, null, []);
                case Kind.DeliveredRecently or Kind.DeliveredLongAgo:
                {
                    var recent = draft.Kind == Kind.DeliveredRecently;
                    var delivered = now - (recent ? Between(TimeSpan.FromDays(1), TimeSpan.FromDays(29.5)) : Between(TimeSpan.FromDays(31), TimeSpan.FromDays(300)));
                    var shipped = delivered - Between(TimeSpan.FromDays(2), TimeSpan.FromDays(5));
                    var placed = shipped - Between(TimeSpan.FromHours(16), TimeSpan.FromHours(30));
                    var shipment = Delivered(draft, shipped, delivered);
                    return Make(placed, OrderStatus.Delivered, shipment, Returns(items, payment, delivered, recent, returnStates));
                }

                default:
                {
                    var (placed, shipment) = InFlight(draft);
                    return Make(placed, OrderStatus.Shipped, shipment, []);
                }
            }
        }

        private List<OrderItem> Items(string currency)
        {
            var count = _random.Next(100) switch
            {
                < 45 => 1,
                < 75 => 2,
                < 92 => 3,
                _ => 4,
            };

            // The first line is always returnable, so every delivered order can carry a return.
            var products = new List<Product> { Pick(Catalogue.Returnable) };
            while (products.Count < count)
            {
                var product = Pick(Catalogue.All);
                if (!products.Contains(product))
                {
                    products.Add(product);
                }
            }

            return products.Select((product, i) =>
            {
                var size = product.Sizes is null ? null : Pick(product.Sizes);
                var quantity = product.Category == "gift-card" || _random.Next(100) >= 15 ? 1 : 2;
                return product.Line(i + 1, size, quantity, currency);
            }).ToList();
        }

        private string Carrier(Draft draft) =>
            draft.Customer.Country == "CA"
                ? (_random.Next(5) == 0 ? Carriers.Ups : Carriers.CanadaPost)
                : _random.Next(20) switch
                {
                    < 8 => Carriers.Ups,
                    < 15 => Carriers.Usps,
                    _ => Carriers.FedEx,
                };

        private string TrackingNumber(string carrier)
        {
            var package = ++_packages;
            return carrier switch
            {
                Carriers.Ups => Tracking.Ups(UpsShipperAccount, _random.Next(4) == 0 ? 1 : 3, 2_000_000 + (package * 37) + _random.Next(37)),
                Carriers.Usps => Tracking.Usps(902345671, 2_000_000 + (package * 53) + _random.Next(53)),
                Carriers.FedEx => Tracking.FedEx(3_200_000_000L + (package * 7919L) + _random.Next(7919)),
                _ => Tracking.CanadaPost(200_000_000_000L + (package * 104_729L) + _random.Next(104_729)),
            };
        }

        private static string Origin(Draft draft) => draft.Customer.Country == "CA" ? CanadianWarehouse : Warehouse;

        private static string Destination(Address address) => $"{address.City}, {address.Region}";

        private Shipment Delivered(Draft draft, DateTimeOffset shipped, DateTimeOffset delivered)
        {
            var carrier = Carrier(draft);
            var origin = Origin(draft);
            var destination = Destination(draft.Address);
            var hub = Pick(Hubs[carrier]);
            var events = new List<ShipmentEvent> { Scan(shipped, origin, carrier, Scans.LabelCreated) };
            var at = shipped + Between(TimeSpan.FromHours(3), TimeSpan.FromHours(8));
            events.Add(Scan(at, origin, carrier, Scans.PickedUp));
            if (_random.Next(3) > 0)
            {
                at += Between(TimeSpan.FromHours(10), TimeSpan.FromHours(20));
                events.Add(Scan(at, hub, carrier, Scans.Arrived));
                at += Between(TimeSpan.FromHours(3), TimeSpan.FromHours(8));
                events.Add(Scan(at, hub, carrier, Scans.Departed));
            }

            if (_random.Next(4) > 0)
            {
                events.Add(Scan(delivered - Between(TimeSpan.FromHours(3), TimeSpan.FromHours(6)), destination, carrier, Scans.OutForDelivery));
            }

            events.Add(Scan(delivered, destination, carrier, Scans.Delivered));
            var estimate = Day(delivered).AddDays(_random.Next(-1, 2));
            return NewShipment(carrier, TrackingNumber(carrier), ShipmentStatus.Delivered, shipped, estimate, delivered, events);
        }

        private (DateTimeOffset Placed, Shipment Shipment) InFlight(Draft draft)
        {
            var carrier = Carrier(draft);
            var origin = Origin(draft);
            var hub = Pick(Hubs[carrier]);
            var today = Day(now);
            var tracking = TrackingNumber(carrier);

            if (draft.Kind == Kind.LabelCreated)
            {
                var labelled = now - Between(TimeSpan.FromHours(2), TimeSpan.FromHours(8));
                var placed = labelled - Between(TimeSpan.FromHours(16), TimeSpan.FromHours(36));
                return (placed, NewShipment(carrier, tracking, ShipmentStatus.LabelCreated, labelled, today.AddDays(_random.Next(3, 7)), null,
                [
                    Scan(labelled, origin, carrier, Scans.LabelCreated),
                    Scan(labelled.AddMinutes(_random.Next(5, 60)), origin, carrier, Scans.AwaitingPickup),
                ]));
            }

            var (placedAgo, latest) = draft.Kind switch
            {
                Kind.InTransit => (Between(TimeSpan.FromDays(2), TimeSpan.FromDays(6)), now - TimeSpan.FromMinutes(10)),
                Kind.Delayed => (Between(TimeSpan.FromDays(8), TimeSpan.FromDays(14)), now - TimeSpan.FromDays(1)),
                _ => (Between(TimeSpan.FromDays(18), TimeSpan.FromDays(30)), now - TimeSpan.FromDays(10)),
            };
            var placedAt = now - placedAgo;
            var shipped = placedAt + Between(TimeSpan.FromHours(16), TimeSpan.FromHours(30));

            var events = new List<ShipmentEvent> { Scan(shipped, origin, carrier, Scans.LabelCreated) };
            var at = shipped + Between(TimeSpan.FromHours(3), TimeSpan.FromHours(8));
            events.Add(Scan(at, origin, carrier, Scans.PickedUp));
            // Up to 6 scans: a delayed parcel keeps room for its delay notice.
            var hops = _random.Next(0, draft.Kind == Kind.Delayed ? 2 : 3);
            var nextHub = hub;
            for (var hop = 0; hop < hops; hop++)
            {
                var arrive = at + Between(TimeSpan.FromHours(10), TimeSpan.FromHours(20));
                var depart = arrive + Between(TimeSpan.FromHours(3), TimeSpan.FromHours(8));
                if (depart > latest)
                {
                    break;
                }

                events.Add(Scan(arrive, nextHub, carrier, Scans.Arrived));
                events.Add(Scan(depart, nextHub, carrier, Scans.Departed));
                at = depart;
                nextHub = Destination(draft.Address);
            }

            switch (draft.Kind)
            {
                case Kind.InTransit:
                {
                    var due = Day(shipped).AddDays(_random.Next(3, 7));
                    return (placedAt, NewShipment(carrier, tracking, ShipmentStatus.InTransit, shipped, due > today ? due : today.AddDays(1), null, events));
                }

                case Kind.Delayed:
                {
                    events.Add(new ShipmentEvent(now - Between(TimeSpan.FromHours(2), TimeSpan.FromHours(20)), events[^1].Location, Pick(DelayReasons)));
                    return (placedAt, NewShipment(carrier, tracking, ShipmentStatus.Delayed, shipped, today.AddDays(-_random.Next(1, 6)), null, events));
                }

                default:
                    return (placedAt, NewShipment(carrier, tracking, ShipmentStatus.Lost, shipped, Day(shipped).AddDays(_random.Next(3, 7)), null, events));
            }
        }

        private List<ReturnRequest> Returns(
            IReadOnlyList<OrderItem> items, Payment payment, DateTimeOffset delivered, bool recent, Queue<(ReturnStatus, RefundStatus?)> returnStates)
        {
            (ReturnStatus Status, RefundStatus? Refund) state;
            if (recent && returnStates.Count > 0)
            {
                state = returnStates.Dequeue();
            }
            else if (_random.Next(100) < (recent ? 30 : 25))
            {
                state = recent ? Pick(EveryReturnState) : (_random.Next(5) == 0 ? (ReturnStatus.Rejected, null) : (ReturnStatus.Refunded, RefundStatus.Completed));
            }
            else
            {
                return [];
            }

            var returnable = items.Where(i => !i.FinalSale).ToList();
            var chosen = returnable.Take(_random.Next(1, Math.Min(2, returnable.Count) + 1)).ToList();
            var lines = chosen.Select(i => new ReturnLine(i.LineId, _random.Next(1, i.Quantity + 1))).ToList();

            var since = now - delivered;
            var created = recent
                ? delivered + (since * (0.1 + (_random.NextDouble() * 0.3)))
                : delivered + Between(TimeSpan.FromDays(2), TimeSpan.FromDays(15));
            var settled = created + (recent ? (now - created) * (0.3 + (_random.NextDouble() * 0.5)) : Between(TimeSpan.FromDays(3), TimeSpan.FromDays(12)));
            created = Seconds(created);
            settled = Seconds(settled);

            var amount = lines.Sum(l => items.First(i => i.LineId == l.LineId).UnitPrice * l.Quantity);
            var refund = state.Refund switch
            {
                null => null,
                RefundStatus.Pending => new Refund(amount, RefundStatus.Pending, payment.Method, null),
                var status => new Refund(amount, status.Value, payment.Method, settled),
            };

            string rma;
            do
            {
                rma = $"RMA-{_random.Next(200_000, 300_000).ToString(CultureInfo.InvariantCulture)}";
            }
            while (!_rmas.Add(rma));

            return [new ReturnRequest(rma, lines, Pick(ReturnReasons), state.Status, created, LabelUrl(rma), refund)];
        }

        /// <summary>A random span, to the second.</summary>
        private TimeSpan Between(TimeSpan min, TimeSpan max) =>
            TimeSpan.FromSeconds(_random.NextInt64((long)min.TotalSeconds, (long)max.TotalSeconds + 1));

        private DateTimeOffset Seconds(DateTimeOffset at) => now - TimeSpan.FromSeconds(Math.Ceiling((now - at).TotalSeconds));

        private T Pick<T>(IReadOnlyList<T> from) => from[_random.Next(from.Count)];

        private void Shuffle<T>(List<T> list)
        {
            for (var i = list.Count - 1; i > 0; i--)
            {
                var j = _random.Next(i + 1);
                (list[i], list[j]) = (list[j], list[i]);
            }
        }

        private static string Ascii(string name)
        {
            var ascii = new StringBuilder(name.Length);
            foreach (var c in name.Normalize(NormalizationForm.FormD))
            {
                if (char.IsAsciiLetter(c))
                {
                    ascii.Append(char.ToLowerInvariant(c));
                }
            }

            return ascii.ToString();
        }
    }
}
