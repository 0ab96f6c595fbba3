namespace SupportBot.Understanding.Entities;

/// <summary>The kinds of value a shopper's message can carry that the bot acts on.</summary>
internal enum EntityKind
{
    /// <summary>A store order number, normalised to <c>LP</c> + 8 digits.</summary>
    OrderNumber,

    /// <summary>An e-mail address, lower-cased.</summary>
    Email,

    /// <summary>A US ZIP (<c>12345</c>, <c>12345-6789</c>) or Canadian postal code (<c>K1A 0B1</c>).</summary>
    PostalCode,

    /// <summary>A UPS, USPS, FedEx or Canada Post tracking number, upper-case without spaces.</summary>
    TrackingNumber,

    /// <summary>A calendar date, absolute or relative to today, as <c>yyyy-MM-dd</c>.</summary>
    Date,

    /// <summary>A sum of money with its currency, as <c>12.50 USD</c>.</summary>
    Amount,
}
