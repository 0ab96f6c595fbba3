using System.Globalization;
using Lingua;

namespace SupportBot.Languages;

/// <summary>Two-letter language codes (ISO 639-1) as the conversation keeps them, from locales and for people.</summary>
internal static class LanguageCodes
{

    /// <summary>Whether the detector has a language of this code.</summary>
    public static bool IsKnown(string? code) => LinguaOf(code) is not null;

    /// <summary>The detector's language of a two-letter code; null when it has none.</summary>
    public static Language? LinguaOf(string? code) =>
        code is { Length: 2 } && Enum.TryParse<IsoCode6391>(code, ignoreCase: true, out var iso) && iso != IsoCode6391.None
            ? LanguageInfo.GetByIsoCode6391(iso)
            : null;

    /// <summary>The code of a detector's language (<c>fr</c>).</summary>
    public static string CodeOf(Language language) => language.IsoCode6391().ToString().ToLowerInvariant();

    /// <summary>The language's English name, for the agent's summary and console ("French"); the code when .NET knows no name.</summary>
    public static string EnglishName(string code)
    {
        try
        {
            return CultureInfo.GetCultureInfo(code).EnglishName;
        }
        catch (CultureNotFoundException)
        {
            return code;
        }
    }
}
