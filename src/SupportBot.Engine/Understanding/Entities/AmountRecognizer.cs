using System.Globalization;
using System.Text.RegularExpressions;

namespace SupportBot.Understanding.Entities;

/// <summary>
/// Sums of money: a number with a currency sign or code before it (<c>$12.50</c>, <c>USD 30</c>, <c>C$45</c>,
/// <c>€20</c>) or a currency word after it (<c>12.50 dollars</c>, <c>45 cad</c>). A number without either is
/// never an amount, so order and tracking numbers are not read as prices.
/// </summary>
internal static partial class AmountRecognizer
{
    public static void Find(string text, List<Entity> into)
    {
        foreach (Match match in Money().Matches(text))
        {
            var prefix = match.Groups["pre"];
            var suffix = match.Groups["suf"];
            if (!prefix.Success && !suffix.Success)
            {
                continue;
            }

            // A plain "$" or "dollars" says nothing about which dollar, so a specific code on the other side wins;
            // with neither, the store's home currency is meant.
            var currency = (suffix.Success ? Specific(suffix.Value) : null)
                ?? (prefix.Success ? Specific(prefix.Value) : null)
                ?? "USD";
            var whole = match.Groups["num"].Value.Replace(",", string.Empty, StringComparison.Ordinal);
            var cents = match.Groups["cents"].Success ? match.Groups["cents"].Value.PadRight(2, '0') : "00";
            var amount = decimal.Parse($"{whole}.{cents}", NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            var value = $"{amount.ToString("0.00", CultureInfo.InvariantCulture)} {currency}";
            into.Add(Entity.From(EntityKind.Amount, text, match.Index, match.Length, value));
        }
    }

    /// <summary>The currency a sign, code or word names, or null for a plain "$", "dollars" or "bucks".</summary>
    private static string? Specific(string marker)
    {
        var word = string.Concat(marker.Where(char.IsLetter)).ToUpperInvariant();
        return word switch
        {
            "US" or "USD" or "USDOLLAR" or "USDOLLARS" => "USD",
            "C" or "CA" or "CAD" or "CDN" or "CANADIAN" or "CANADIANDOLLAR" or "CANADIANDOLLARS" => "CAD",
            "EUR" or "EURO" or "EUROS" => "EUR",
            "GBP" or "POUND" or "POUNDS" => "GBP",
            _ => marker switch
            {
                "€" => "EUR",
                "£" => "GBP",
                _ => null,
            },
        };
    }

    // The number: thousands with commas ("1,299") or up to nine plain digits, then at most two decimals; it may not
    // run on into more digits, a decimal part or a date ("$11/20"), which keeps it from reading a slice of a number.
    [GeneratedRegex(
        """
        (?<![0-9A-Za-z$€£.,])
        (?:(?<pre>US\$|USD\$?|CAD\$?|CA\$|CDN\$?|C\$|EUR|GBP|\$|€|£)\s{0,2})?
        (?<num>\d{1,3}(?:,\d{3}){1,4}|\d{1,9})(?:\.(?<cents>\d{1,2}))?
        (?![0-9]|[.,/]\d)
        (?:\s{0,2}(?<suf>us\s?dollars?|canadian(?:\s?dollars?)?|dollars?|bucks|usd|cad|cdn|eur|euros?|gbp|pounds?|€|\$))?
        (?![A-Za-z])
        """,
        EntityExtractor.Options | RegexOptions.IgnorePatternWhitespace, EntityExtractor.MatchTimeoutMilliseconds)]
    private static partial Regex Money();
}
