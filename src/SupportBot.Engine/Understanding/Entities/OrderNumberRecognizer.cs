using System.Text;
using System.Text.RegularExpressions;

namespace SupportBot.Understanding.Entities;

/// <summary>
/// Order numbers: <c>LP</c> + 8 digits however typed (<c>lp 2048 1736</c>, <c>LP-20481736</c>, <c>#LP20481736</c>),
/// 8 digits behind '#' (<c>#20481736</c>), or 8 bare digits right after "order" / "order number" / "order no." / "order #".
/// </summary>
internal static partial class OrderNumberRecognizer
{
    public static void Find(string text, List<Entity> into)
    {
        foreach (Match match in Prefixed().Matches(text))
        {
            into.Add(Entity.From(EntityKind.OrderNumber, text, match.Index, match.Length, Normalise(match.Groups["digits"].Value)));
        }

        foreach (Match match in Hashed().Matches(text))
        {
            var digits = match.Groups["digits"];
            into.Add(Entity.From(EntityKind.OrderNumber, text, match.Index, match.Length, Normalise(digits.Value)));
        }

        foreach (Match match in AfterOrderWord().Matches(text))
        {
            var digits = match.Groups["digits"];
            into.Add(Entity.From(EntityKind.OrderNumber, text, digits.Index, digits.Length, Normalise(digits.Value)));
        }
    }

    private static string Normalise(string digits)
    {
        var value = new StringBuilder("LP", 10);
        foreach (var c in digits)
        {
            if (char.IsAsciiDigit(c))
            {
                value.Append(c);
            }
        }

        return value.ToString();
    }

    // Exactly 8 digits, each optionally preceded by one space or dash; the digit lookarounds keep it out of longer runs.
    [GeneratedRegex(
        @"(?<![0-9A-Za-z#])(?:\#[ ]?)?LP[ #-]{0,2}(?<digits>\d(?:[ -]?\d){7})(?!\d)",
        EntityExtractor.Options, EntityExtractor.MatchTimeoutMilliseconds)]
    private static partial Regex Prefixed();

    // "#10000002": eight digits behind a number sign are an order number whatever words come before.
    [GeneratedRegex(
        @"(?<![0-9A-Za-z#])\#[ ]?(?<digits>\d{8})(?![0-9A-Za-z])",
        EntityExtractor.Options, EntityExtractor.MatchTimeoutMilliseconds)]
    private static partial Regex Hashed();

    [GeneratedRegex(
        @"\border(?:\s{1,3}(?:number|num|no\.?|id))?(?:\s{1,3}is)?\s{0,3}[#:]?\s{0,3}(?<!\d)(?<digits>\d{4}[ -]?\d{4})(?![0-9A-Za-z])",
        EntityExtractor.Options, EntityExtractor.MatchTimeoutMilliseconds)]
    private static partial Regex AfterOrderWord();
}
