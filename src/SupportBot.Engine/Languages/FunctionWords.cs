using System.Text.RegularExpressions;

namespace SupportBot.Languages;

/// <summary>
/// The little grammatical words each language cannot do without ("le", "mais", "j'ai"; "el", "pero", "está"; "the",
/// "is", "my"), none of them a word of another supported language. A sentence keeps its grammar when it borrows
/// nouns: "le tracking UPS dit delivered mais j'ai rien" is French with English nouns, and "en combien de temps ma
/// commande est preparee" is French though its dropped accents leave the detector leaning to English.
/// </summary>
internal static partial class FunctionWords
{
    private static readonly Dictionary<string, HashSet<string>> ByLanguage = new(StringComparer.Ordinal)
    {
        ["en"] = new(StringComparer.Ordinal)
        {
            "the", "is", "are", "my", "your", "i", "i'm", "you", "it", "it's", "to", "of", "and", "with", "for", "what", "where", "how",
            "this", "that", "does", "can", "have", "was", "not", "but", "we", "in", "at", "from", "there", "would", "could",
        },
        ["fr"] = new(StringComparer.Ordinal)
        {
            "le", "les", "du", "des", "une", "est", "et", "je", "j'ai", "mon", "ma", "mes", "vous", "nous", "pas", "ne", "qui",
            "pour", "avec", "dans", "sur", "mais", "c'est", "il", "elle", "ce", "au", "aux", "ou", "où", "rien", "votre", "suis",
        },
        ["es"] = new(StringComparer.Ordinal)
        {
            "el", "los", "las", "del", "es", "yo", "mi", "mis", "pero", "para", "por", "una", "está", "esta", "estoy", "qué",
            "cómo", "dónde", "donde", "lo", "al", "hay", "muy", "sí", "tengo", "quiero", "vuestro", "vuestra", "nada",
        },
    };

    /// <summary>How many of <paramref name="language"/>'s function words <paramref name="text"/> uses (each occurrence counts).</summary>
    public static int Count(string text, string language) =>
        ByLanguage.TryGetValue(language, out var words) ? Word().Matches(text.ToLowerInvariant().Replace('’', '\'')).Count(m => words.Contains(m.Value)) : 0;

    /// <summary>Whether the text's grammar is more <paramref name="current"/>'s than <paramref name="other"/>'s.</summary>
    public static bool LeansTo(string text, string current, string other) => Count(text, current) > Count(text, other);

    [GeneratedRegex(@"[\p{L}]+(?:'[\p{L}]+)?", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
