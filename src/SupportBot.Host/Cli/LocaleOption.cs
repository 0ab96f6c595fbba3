using System.CommandLine;
using System.Globalization;
using SupportBot.Knowledge;

namespace SupportBot.Host.Cli;

/// <summary>
/// <c>--locale fr</c> (or <c>fr-FR</c>): which language's knowledge a command reads; without it, the default language's,
/// exactly as before the knowledge had other languages.
/// </summary>
internal static class LocaleOption
{
    public static Option<string?> Create() => new("--locale")
    {
        Description = "The shoppers' language: fr, es, fr-FR… (default: Knowledge:DefaultLocale). Its entries, analysis, synonyms and typo corrections are used.",
    };

    /// <summary>The two-letter language the option names (the knowledge's default one when it is not given); a usage error when the folder has nothing in it.</summary>
    public static string LanguageOf(string? locale, KnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        if (string.IsNullOrWhiteSpace(locale))
        {
            return knowledge.DefaultLanguage;
        }

        var language = CodeOf(locale);
        if (!knowledge.Has(language))
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                $"--locale: the knowledge has nothing in '{language}' (its languages: {string.Join(", ", knowledge.Languages)}); translations go in faq/{language}/"));
        }

        return language;
    }

    /// <summary>The two-letter language a given <c>--locale</c> names; a usage error when it names none.</summary>
    public static string CodeOf(string locale)
    {
        ArgumentNullException.ThrowIfNull(locale);
        var language = KnowledgeLanguages.Of(locale.Trim());
        return KnowledgeLanguages.IsLanguage(language)
            ? language
            : throw new UsageException($"--locale: '{locale}' is not a language such as fr, es or fr-FR");
    }
}
