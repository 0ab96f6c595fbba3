using SupportBot.Knowledge.Responses;
using SupportBot.Replies;

namespace SupportBot.Orders;

/// <summary>
/// The order flows' sentences for one turn: the editors' catalogue (<c>knowledge/responses/orders.yml</c>) with the
/// store's numbers from <c>policies.yml</c> filled in wherever a sentence quotes them, so a flow never says a number
/// the FAQ does not.
/// </summary>
internal sealed class OrderWords(ResponseCatalog catalog, OrderPolicies policies, ReplyLanguage? language = null)
{
    private readonly ReplyLanguage _language = language ?? ReplyLanguage.English;

    public OrderPolicies Policies => policies;

    /// <summary>The sentence <paramref name="key"/> (a key of <see cref="OrderTexts.Schema"/>) with its values.</summary>
    public string Say(string key, params (string Name, string Value)[] values)
    {
        if (!OrderTexts.Schema.Keys.ContainsKey(key))
        {
            // A key the schema lacks is a programming mistake the tests catch, not an editor's.
            throw new KeyNotFoundException($"'{key}' is not a key of the orders catalogue.");
        }

        return catalog.Say(OrderTexts.Catalogue, key, _language.Code, [.. policies.Placeholders(), .. values]);
    }

    /// <summary>A sentence with a count, in its <c>one</c> or <c>other</c> form.</summary>
    public string Count(string key, int count, params (string Name, string Value)[] values) =>
        Say(key, [(ResponseTemplate.CountPlaceholder, ResponseTemplate.Count(count)), .. values]);

    public ReplyLanguage Language => _language;

    public string Money(decimal amount) => _language.Money(amount);

    public string Day(DateTimeOffset at) => _language.Day(at);

    public string Day(DateOnly? day) => day is { } known ? _language.Day(known) : Say("status.soon");

    public string ShortDay(DateTimeOffset at) => _language.ShortDay(at);
}
