using System.Globalization;
using SupportBot.Knowledge.Responses;

namespace SupportBot.Orders;

/// <summary>
/// The order flows' sentences for one turn: the editors' catalogue (<c>knowledge/responses/orders.yml</c>) with the
/// store's numbers from <c>policies.yml</c> filled in wherever a sentence quotes them, so a flow never says a number
/// the FAQ does not.
/// </summary>
internal sealed class OrderWords(ResponseCatalog catalog, OrderPolicies policies, string? locale = null)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public OrderPolicies Policies => policies;

    /// <summary>The sentence <paramref name="key"/> (a key of <see cref="OrderTexts.Schema"/>) with its values.</summary>
    public string Say(string key, params (string Name, string Value)[] values)
    {
        if (!OrderTexts.Schema.Keys.ContainsKey(key))
        {
            // A key the schema lacks is a programming mistake the tests catch, not an editor's.
            throw new KeyNotFoundException($"'{key}' is not a key of the orders catalogue.");
        }

        return catalog.Say(OrderTexts.Catalogue, key, locale, [.. policies.Placeholders(), .. values]);
    }

    /// <summary>A sentence with a count, in its <c>one</c> or <c>other</c> form.</summary>
    public string Count(string key, int count, params (string Name, string Value)[] values) =>
        Say(key, [(ResponseTemplate.CountPlaceholder, ResponseTemplate.Count(count)), .. values]);

    public static string Money(decimal amount) => amount.ToString("C", English);

    public static string Day(DateTimeOffset at) => at.ToString("dddd, MMMM d", English);

    public string Day(DateOnly? day) => day?.ToString("dddd, MMMM d", English) ?? Say("status.soon");

    public static string ShortDay(DateTimeOffset at) => at.ToString("MMM d", CultureInfo.InvariantCulture);
}
