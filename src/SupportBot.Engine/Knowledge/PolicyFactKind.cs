using System.Globalization;
using System.Text.RegularExpressions;

namespace SupportBot.Knowledge;

/// <summary>What a store fact is, which decides whether a language may word it its own way.</summary>
internal enum PolicyFactKind
{
    /// <summary>A number or an amount (<c>30</c>, <c>5.95</c>), written the language's way ("5,95") but never changed.</summary>
    Number,

    /// <summary>Figures only: a range or a size (<c>5–7</c>, <c>39 x 75</c>), the same in every language.</summary>
    Figures,

    /// <summary><c>true</c> or <c>false</c>: what the workflows read, never said.</summary>
    Flag,

    /// <summary>A name, an address or a code (<c>store.name</c>, a URL, an e-mail, a phone number, an <c>id</c>), the same in every language.</summary>
    Id,

    /// <summary>Words a shopper reads ("never expire", "1 pm ET"): what a translation overlay words in its language.</summary>
    Text,
}

/// <summary>Tells a fact's <see cref="PolicyFactKind"/> from its key and value.</summary>
internal static partial class PolicyFactKinds
{
    /// <summary>Keys that hold names and addresses (a brand, a provider, a link), whatever their value looks like.</summary>
    private static readonly string[] IdKeys = ["id", "name", "url", "email", "phone"];

    private static readonly string[] IdKeySuffixes = ["_name", "_provider", "_url", "_email", "_phone"];

    public static PolicyFactKind Of(string path, string value)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(value);
        var key = path[(path.LastIndexOf('.') + 1)..];
        if (bool.TryParse(value, out _))
        {
            return PolicyFactKind.Flag;
        }

        if (decimal.TryParse(value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            return PolicyFactKind.Number;
        }

        if (IdKeys.Contains(key, StringComparer.Ordinal) || IdKeySuffixes.Any(s => key.EndsWith(s, StringComparison.Ordinal)) || Address().IsMatch(value))
        {
            return PolicyFactKind.Id;
        }

        return FiguresOnly().IsMatch(value) ? PolicyFactKind.Figures : PolicyFactKind.Text;
    }

    /// <summary>Whether a text fact is worded (has a lower-case word) and so reads in English until translated; "XS–3XL" does not.</summary>
    public static bool IsWorded(string value) => Word().IsMatch(value);

    [GeneratedRegex(@"^(?:https?://\S+|[^\s@]+@[^\s@]+\.[^\s@]+)$", RegexOptions.None, 1000)]
    private static partial Regex Address();

    [GeneratedRegex(@"^[\d\s.,–\-x×()]+$", RegexOptions.None, 1000)]
    private static partial Regex FiguresOnly();

    [GeneratedRegex(@"\p{Ll}{2,}", RegexOptions.None, 1000)]
    private static partial Regex Word();
}
