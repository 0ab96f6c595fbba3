using System.Globalization;
using System.Text.RegularExpressions;

namespace SupportBot.Knowledge.Sentences;

/// <summary>The English words and number writing <see cref="FactLanguage.English"/> reads facts by.</summary>
internal static partial class EnglishFactWords
{
    /// <summary>Number words written out in answers, compared as digits so "two weeks" and "2 weeks" are the same fact.</summary>
    public static readonly IReadOnlyDictionary<string, string> NumberWords = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["two"] = "2", ["three"] = "3", ["four"] = "4", ["five"] = "5", ["six"] = "6", ["seven"] = "7", ["eight"] = "8",
        ["nine"] = "9", ["ten"] = "10", ["eleven"] = "11", ["twelve"] = "12", ["fourteen"] = "14", ["fifteen"] = "15",
        ["twenty"] = "20", ["thirty"] = "30", ["sixty"] = "60", ["ninety"] = "90", ["hundred"] = "100",
    };

    /// <summary>"1,000" and "1000", "$75.00" and "75" are the same number.</summary>
    public static string NormalizeNumber(string number)
    {
        var digits = number.Replace(",", "", StringComparison.Ordinal);
        return decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value.ToString("0.##", CultureInfo.InvariantCulture)
            : digits;
    }

    /// <summary>Digits not glued to letters (an order number like LP20481736 is an example, not a fact of the policy).</summary>
    [GeneratedRegex(@"(?<![\p{L}\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\p{L}\d])|(?<![\p{L}\d.,])\d+(?:\.\d+)?(?![\p{L}\d])", RegexOptions.None, 1000)]
    public static partial Regex Number();

    [GeneratedRegex(@"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty|sixty|ninety|hundred)\b", RegexOptions.IgnoreCase, 1000)]
    public static partial Regex NumberWord();

    [GeneratedRegex(@"\b(?:not|no|never|none|nothing|nobody|nowhere|neither|nor|cannot)\b|n['’]t\b", RegexOptions.IgnoreCase, 1000)]
    public static partial Regex Negation();

    /// <summary>Conditions, exceptions, limits and dates; money and percentages are numbers already.</summary>
    [GeneratedRegex(@"\b(?:if|unless|except|excepting|excluding|exclude[sd]?|only|within|until|before|after|as long as|provided|at least|at most|up to|more than|less than|fewer than|or more|or less|once|twice|per|must|required?|requires|expires?|expired|valid|limit(?:s|ed)?|minimum|maximum|otherwise|without|january|february|march|april|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", RegexOptions.IgnoreCase, 1000)]
    public static partial Regex Condition();

    /// <summary>Space after a full stop, question or exclamation mark (and any closing emphasis or quote) before a capital or a digit.</summary>
    [GeneratedRegex(@"(?<=[.!?](?:\*\*|\*|_|\)|""|”)*)\s+(?=[\p{Lu}\d*_\[""“(])", RegexOptions.None, 1000)]
    public static partial Regex Boundary();
}
