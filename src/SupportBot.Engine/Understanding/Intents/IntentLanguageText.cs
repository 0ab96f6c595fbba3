using System.Globalization;
using System.Text;

namespace SupportBot.Understanding.Intents;

/// <summary>
/// The text handling of intent models in languages other than English: lower case, accents folded ("reémbolso" and
/// "reembolso", "reçu" and "recu" read alike, since shoppers often drop them), ligatures spelled out, and in French
/// the elided article or pronoun dropped from its word ("l'adresse" reads as "adresse", "j'ai" as "ai") so the word
/// is the same token wherever it appears. Apostrophes elsewhere separate words. No English rule (contractions such
/// as "don't") is applied.
/// </summary>
internal static class IntentLanguageText
{
    /// <summary>Bumped when the folding changes, so models trained with an older one are trained again.</summary>
    public const int Version = 1;

    /// <summary>French words that lose their vowel before a vowel ("l'", "qu'", "jusqu'").</summary>
    private static readonly HashSet<string> FrenchElisions = new(StringComparer.Ordinal)
    {
        "l", "d", "j", "m", "t", "s", "c", "n", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
    };

    public static string Fold(string text, string language)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            switch (c)
            {
                case var mark when CharUnicodeInfo.GetUnicodeCategory(mark) == UnicodeCategory.NonSpacingMark:
                    break;
                case 'œ': builder.Append("oe"); break;
                case 'æ': builder.Append("ae"); break;
                case '\'' or '\u2019' or '\u02bc' or '`' or '\u00b4':
                    Apostrophe(builder, language);
                    break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>At an apostrophe: in French an elided word before it is dropped; otherwise the apostrophe becomes a space.</summary>
    private static void Apostrophe(StringBuilder builder, string language)
    {
        var start = builder.Length;
        while (start > 0 && char.IsLetter(builder[start - 1]))
        {
            start--;
        }

        if (language == "fr" && start < builder.Length && FrenchElisions.Contains(builder.ToString(start, builder.Length - start)))
        {
            builder.Length = start;
            return;
        }

        builder.Append(' ');
    }
}
