using System.Globalization;

namespace SupportBot.Knowledge;

/// <summary>
/// Languages in the knowledge folder: a two-letter code (<c>fr</c>) names a language, whether as a folder under
/// <c>faq/</c>, in a file name (<c>synonyms.fr.txt</c>) or as the first part of an entry's locale (<c>fr-FR</c>).
/// </summary>
internal static class KnowledgeLanguages
{
    /// <summary>The language of a locale (<c>fr-FR</c> → <c>fr</c>); the locale lower-cased when it is no culture .NET knows.</summary>
    public static string Of(string locale)
    {
        ArgumentNullException.ThrowIfNull(locale);
        try
        {
            var name = CultureInfo.GetCultureInfo(locale, predefinedOnly: true).TwoLetterISOLanguageName;
            return name.Length > 0 ? name : locale.ToLowerInvariant();
        }
        catch (CultureNotFoundException)
        {
            return locale.ToLowerInvariant();
        }
    }

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
