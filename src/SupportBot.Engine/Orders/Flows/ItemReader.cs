using System.Globalization;
using System.Text.RegularExpressions;

namespace SupportBot.Orders.Flows;

/// <summary>
/// Which of an order's lines a shopper means ("the sweater", "Merino crew sweater (M)", "all of them"), which size or
/// colour they want instead ("L", "a size bigger", "in navy"), and why they return something ("too tight"). Shoppers
/// name items by one word of their name, so a line matches on any of its distinctive words.
/// </summary>
internal static partial class ItemReader
{
    private static readonly HashSet<string> CommonWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "and", "for", "with", "set", "size", "pack", "one", "two", "new", "top", "low",
    };

    private static readonly string[] Ladder = ["XXS", "XS", "S", "M", "L", "XL", "XXL", "3XL"];

    private static readonly Dictionary<string, string> SizeWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["extra small"] = "XS", ["x-small"] = "XS", ["xsmall"] = "XS", ["small"] = "S", ["medium"] = "M", ["med"] = "M",
        ["large"] = "L", ["extra large"] = "XL", ["x-large"] = "XL", ["xlarge"] = "XL", ["xxl"] = "XXL", ["2xl"] = "XXL",
        ["xs"] = "XS", ["s"] = "S", ["m"] = "M", ["l"] = "L", ["xl"] = "XL", ["xxs"] = "XXS", ["3xl"] = "3XL",
    };

    private static readonly string[] Colours =
    [
        "black", "white", "navy", "blue", "grey", "gray", "green", "olive", "red", "burgundy", "pink", "beige", "cream",
        "brown", "camel", "charcoal", "oatmeal", "ivory", "yellow", "purple", "orange", "tan", "khaki",
    ];

    /// <summary>The reasons offered as buttons, by their catalogue keys, and the words shoppers use for each.</summary>
    public static readonly (string Key, string[] Words)[] Reasons =
    [
        ("reasons.too_small", ["too small", "too tight", "too short", "smaller than", "runs small", "bigger size", "size up", "trop petit", "trop serré", "trop serre", "trop court", "taille petit", "demasiado pequeñ", "demasiado pequen", "muy pequeñ", "muy pequen", "me queda chic", "muy apretad", "demasiado cort"]),
        ("reasons.too_big", ["too big", "too large", "too loose", "too long", "baggy", "runs big", "smaller size", "size down", "trop grand", "trop large", "trop long", "taille grand", "demasiado grande", "muy grande", "me queda grande", "muy ancho", "demasiado larg"]),
        ("reasons.not_as_described", ["not as described", "not as pictured", "different colour", "different color", "looks different", "not what i expected", "wrong item", "wrong colour", "wrong color", "pas conforme", "pas comme sur la photo", "pas comme décrit", "pas comme decrit", "pas la bonne couleur", "mauvais article", "no es como", "no corresponde", "color diferente", "otro color", "artículo equivocado", "articulo equivocado", "no es lo que"]),
        ("reasons.damaged", ["damaged", "broken", "ripped", "torn", "hole", "stain", "defect", "faulty", "abîmé", "abime", "cassé", "casse", "déchiré", "dechire", "troué", "taché", "tache", "défaut", "defaut", "défectueu", "defectueu", "dañad", "danad", "roto", "rota", "rasgad", "mancha", "defecto", "defectuos"]),
        ("reasons.changed_mind", ["changed my mind", "don't like", "dont like", "don't need", "dont need", "don't want", "dont want", "not for me", "changé d'avis", "change d'avis", "ne me plaît pas", "ne me plait pas", "plus besoin", "cambié de opinión", "cambie de opinion", "cambié de idea", "cambie de idea", "no me gusta", "ya no lo quiero", "ya no la quiero", "no lo necesito"]),
    ];

    /// <summary>The lines the text names, or null when it names none; <paramref name="all"/> is the button text for every line.</summary>
    public static List<string>? Lines(IReadOnlyList<OrderItem> offered, string text, string all)
    {
        var trimmed = text.Trim();
        if (trimmed.Equals(all, StringComparison.OrdinalIgnoreCase) || AllOfThem().IsMatch(trimmed))
        {
            return offered.Select(i => i.LineId).ToList();
        }

        var exact = offered.Where(i => trimmed.Equals(OrderReplies.ItemTitle(i), StringComparison.OrdinalIgnoreCase)
            || text.Contains(i.Name, StringComparison.OrdinalIgnoreCase)).Select(i => i.LineId).ToList();
        if (exact.Count > 0)
        {
            return exact;
        }

        var words = Words(text).ToHashSet(StringComparer.OrdinalIgnoreCase);
        words.UnionWith(ItemNouns.EnglishWords(text));
        var named = offered.Where(i => Words(i.Name).Any(w => !CommonWords.Contains(w) && (words.Contains(w) || words.Contains(w + "s") || words.Contains(Singular(w)))))
            .Select(i => i.LineId).ToList();
        return named.Count > 0 ? named : null;
    }

    /// <summary>The size or colour asked for, or null; "bigger"/"smaller" is the next size of <paramref name="current"/> when it is on a ladder.</summary>
    public static string? Size(string text, string? current)
    {
        var lower = text.ToLowerInvariant();
        var bigger = Bigger().IsMatch(lower);
        var smaller = Smaller().IsMatch(lower);
        if (bigger || smaller)
        {
            var step = bigger ? 1 : -1;
            var index = current is null ? -1 : Array.IndexOf(Ladder, current.ToUpperInvariant());
            if (index >= 0 && index + step >= 0 && index + step < Ladder.Length)
            {
                return Ladder[index + step];
            }

            if (current is not null && decimal.TryParse(current, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
            {
                return (number + step * (number < 20 ? 0.5m : 1m)).ToString("0.#", CultureInfo.InvariantCulture);
            }

            return null;
        }

        // The last size named is the one wanted: "the M is too small, can I get an L".
        var sized = SizeNamed().Matches(lower).LastOrDefault();
        if (sized is not null)
        {
            var value = sized.Groups["size"].Value;
            return SizeWords.TryGetValue(value, out var letter) ? letter : value.ToUpperInvariant();
        }

        var word = Words(lower).LastOrDefault(w => SizeWords.ContainsKey(w) && (w.Length > 1 || lower.Trim().Length <= 3));
        if (word is not null)
        {
            return SizeWords[word];
        }

        var colour = Colours.FirstOrDefault(c => Words(lower).Contains(c, StringComparer.Ordinal));
        return colour;
    }

    /// <summary>Whether the message asks for a different size or colour at all ("bigger", "in M", "swap for black").</summary>
    public static bool AsksForSize(string text) => Size(text, "M") is not null;

    /// <summary>The return reason the text gives, as the catalogue's key, or null.</summary>
    public static string? ReasonKey(string text) =>
        Reasons.FirstOrDefault(r => r.Words.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase))).Key;

    private static IEnumerable<string> Words(string text) => WordPattern().Matches(text).Select(m => m.Value.ToLowerInvariant());

    private static string Singular(string word) => word.Length > 3 && word.EndsWith('s') ? word[..^1] : word;

    [GeneratedRegex(@"\b(?:all(?: of)?(?: them| it| the items| items)?|both(?: of them)?|everything|the lot|tout|tous|toutes|les deux|todo|todos|todas|los dos|las dos|ambos|ambas)(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AllOfThem();

    [GeneratedRegex(@"\b(?:bigger|larger|size up|one up|up a size|next size up|a size up|plus grand|plus grande|taille au-dessus|taille au dessus|une taille de plus|más grande|mas grande|una talla más|una talla mas|talla más grande|talla mas grande)(?!\w)", RegexOptions.CultureInvariant)]
    private static partial Regex Bigger();

    [GeneratedRegex(@"\b(?:smaller|size down|one down|down a size|next size down|a size down|plus petit|plus petite|taille en dessous|taille en-dessous|une taille de moins|más pequeño|mas pequeño|mas pequeno|más pequeña|mas pequeña|una talla menos|talla más pequeña|más chic[oa]|mas chic[oa])(?!\w)", RegexOptions.CultureInvariant)]
    private static partial Regex Smaller();

    [GeneratedRegex(@"\b(?:size|in an?|in|an?|for an?|for|taille|en|talla|en talla|en taille)\s+(?<size>extra small|extra large|x-small|x-large|xxs|xs|s|m|l|xl|xxl|2xl|3xl|small|medium|large|\d{1,2}(?:\.5)?)\b", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex SizeNamed();

    [GeneratedRegex(@"[a-z0-9][a-z0-9'-]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}
