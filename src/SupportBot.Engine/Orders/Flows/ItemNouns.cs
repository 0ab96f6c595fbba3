using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SupportBot.Orders.Flows;

/// <summary>
/// The French and Spanish words shoppers use for the shop's products, as the English words of the product names
/// (which the shop's system keeps in English): "mon pull" and "mi jersey" are the "Merino crew sweater". A word may
/// stand for several products ("zapatillas": sneakers or slippers); the order's own lines decide which one is meant.
/// </summary>
internal static partial class ItemNouns
{
    // Keys are lower case without accents, as FoldAccents leaves the shopper's text.
    private static readonly Dictionary<string, string[]> English = new(StringComparer.Ordinal)
    {
        // French ("pantalon" is Spanish too)
        ["pull"] = ["sweater"], ["pullover"] = ["sweater"], ["chandail"] = ["sweater"], ["tricot"] = ["sweater"],
        ["gilet"] = ["cardigan", "vest"], ["t-shirt"] = ["tee"], ["tee-shirt"] = ["tee"], ["tshirt"] = ["tee"],
        ["robe"] = ["dress"], ["pantalon"] = ["trousers", "chino"], ["chemise"] = ["shirt"], ["veste"] = ["jacket"],
        ["blouson"] = ["jacket"], ["echarpe"] = ["scarf"], ["bonnet"] = ["beanie"], ["chaussettes"] = ["socks"],
        ["chaussons"] = ["slipper"], ["pantoufles"] = ["slipper"], ["baskets"] = ["sneaker"], ["bottines"] = ["boot"],
        ["portefeuille"] = ["wallet"], ["porte-cartes"] = ["wallet"], ["sac"] = ["bag", "tote"], ["maillot"] = ["swim"],
        ["drap"] = ["sheet"], ["draps"] = ["sheet"], ["housse"] = ["duvet"], ["couette"] = ["duvet"], ["taie"] = ["pillowcase"],
        ["taies"] = ["pillowcase"], ["coussin"] = ["pillow"], ["plaid"] = ["blanket"], ["couverture"] = ["blanket"],
        ["serviette"] = ["towel"], ["tapis"] = ["rug"], ["bougie"] = ["candles"], ["bougies"] = ["candles"],
        ["assiettes"] = ["plates"], ["planche"] = ["board"], ["poele"] = ["skillet"], ["cocotte"] = ["oven"],
        ["col roule"] = ["turtleneck"], ["boucles d'oreilles"] = ["earrings"], ["carte cadeau"] = ["gift"],

        // Spanish
        ["jersey"] = ["sweater"], ["jersei"] = ["sweater"], ["sueter"] = ["sweater"], ["chaqueta"] = ["jacket"],
        ["cazadora"] = ["jacket"], ["camiseta"] = ["tee"], ["vestido"] = ["dress"],
        ["pantalones"] = ["trousers", "chino"], ["camisa"] = ["shirt"], ["bufanda"] = ["scarf"], ["gorro"] = ["beanie"],
        ["calcetines"] = ["socks"], ["zapatillas"] = ["sneaker", "slipper"], ["pantuflas"] = ["slipper"], ["botas"] = ["boot"],
        ["botines"] = ["boot"], ["cartera"] = ["wallet"], ["billetera"] = ["wallet"], ["bolsa"] = ["bag", "tote"],
        ["bolso"] = ["bag", "tote"], ["banador"] = ["swim"], ["sabanas"] = ["sheet"], ["funda nordica"] = ["duvet"],
        ["funda de almohada"] = ["pillowcase"], ["cojin"] = ["pillow"], ["manta"] = ["blanket"], ["toalla"] = ["towel"],
        ["alfombra"] = ["rug"], ["jarron"] = ["vase"], ["velas"] = ["candles"], ["platos"] = ["plates"], ["tabla"] = ["board"],
        ["sarten"] = ["skillet"], ["olla"] = ["oven"], ["chaleco"] = ["vest"], ["rebeca"] = ["cardigan"],
        ["cuello alto"] = ["turtleneck"], ["pendientes"] = ["earrings"], ["tarjeta regalo"] = ["gift"],
    };

    /// <summary>The English product words for the French or Spanish ones in <paramref name="text"/>.</summary>
    public static IEnumerable<string> EnglishWords(string text)
    {
        var folded = " " + string.Join(' ', Word().Matches(FoldAccents(text)).Select(m => m.Value)) + " ";
        return English.Where(pair => folded.Contains(" " + pair.Key + " ", StringComparison.Ordinal)).SelectMany(pair => pair.Value);
    }

    /// <summary>Lower case without accents, so "poêle" and "poele", "sábanas" and "sabanas" are the same word.</summary>
    private static string FoldAccents(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Replace('’', '\'');
    }

    [GeneratedRegex(@"[a-z0-9][a-z0-9'-]*", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
