using System.Globalization;

namespace SupportBot.Knowledge;

/// <summary>
/// Languages in the knowledge folder: a two-letter code (<c>fr</c>) names a language, whether as a folder under
/// <c>faq/</c>, in a file name (<c>synonyms.fr.txt</c>) or as the first part of an entry's locale (<c>fr-FR</c>).
/// </summary>
internal static class KnowledgeLanguages
{
    /// <summary>
    /// The language of a locale (<c>fr-FR</c>, <c>es_419</c>, <c>FR</c> → <c>fr</c>, <c>es</c>, <c>fr</c>): the one reading of a
    /// locale for the channel, the page, the CLI and the knowledge files alike; the first part lower-cased when .NET knows no such culture.
    /// </summary>
    public static string Of(string locale)
    {
        ArgumentNullException.ThrowIfNull(locale);
        var tag = locale.Trim().Replace('_', '-');
        try
        {
            var name = CultureInfo.GetCultureInfo(tag, predefinedOnly: true).TwoLetterISOLanguageName;
            if (name.Length > 0 && name != "iv")
            {
                return name;
            }
        }
        catch (CultureNotFoundException)
        {
        }

        var dash = tag.IndexOf('-', StringComparison.Ordinal);
        return (dash > 0 ? tag[..dash] : tag).ToLowerInvariant();
    }

    /// <summary><see cref="Of"/> for a locale that may be missing (a channel that sends none): null then.</summary>
    public static string? OfOptional(string? locale) => string.IsNullOrWhiteSpace(locale) ? null : Of(locale);

    /// <summary>
    /// Whether a name is a two-letter language code .NET knows (<c>fr</c>, <c>es</c>), so a folder or file suffix so named
    /// holds that language. A topic folder should therefore have a longer name than two letters.
    /// </summary>
    public static bool IsLanguage(string name)
    {
        if (name is not [>= 'a' and <= 'z', >= 'a' and <= 'z'])
        {
            return false;
        }

        try
        {
            var culture = CultureInfo.GetCultureInfo(name, predefinedOnly: true);
            return culture.IsNeutralCulture && culture.TwoLetterISOLanguageName == name;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    /// <summary>
    /// The locale of an entry in a language's folder that names none: the configured default when it is of that language,
    /// else the language's usual country (<c>fr</c> → <c>fr-FR</c>, <c>es</c> → <c>es-ES</c>).
    /// </summary>
    public static string DefaultLocaleOf(string language, string defaultLocale) =>
        Of(defaultLocale) == language ? defaultLocale : CultureInfo.CreateSpecificCulture(language).Name;
}
