using System.Globalization;
using Microsoft.Net.Http.Headers;
using SupportBot.Knowledge;
using SupportBot.Knowledge.Responses;

namespace SupportBot.Host.StorePage;

/// <summary>
/// Which locale the store page speaks: the one the link asks for (<c>?locale=fr-FR</c>, or just <c>fr</c>), else the
/// first of the browser's languages (Accept-Language, in quality order) the page has words for, else the default.
/// A language is matched by its code, so <c>fr-CA</c> gets the French page (<c>fr-FR</c>); what is offered follows the
/// knowledge: the default locale and one locale per translation of the page catalogue (<c>page.fr.yml</c>).
/// </summary>
internal static class PageLocales
{
    /// <summary>
    /// The locales the page offers, the default first, as full culture names (<c>fr-FR</c> for <c>page.fr.yml</c>),
    /// since Web Chat words its own controls and formats its times from a full one.
    /// </summary>
    public static IReadOnlyList<string> Offered(ResponseCatalog catalog, string defaultLocale)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var offered = new List<string> { SpecificName(defaultLocale) ?? defaultLocale };
        foreach (var translation in catalog.LocalesOf(PageTexts.Catalogue).Where(l => l.Length > 0).Order(StringComparer.Ordinal))
        {
            if (SpecificName(translation) is { } name && !offered.Any(o => KnowledgeLanguages.Of(o) == KnowledgeLanguages.Of(name)))
            {
                offered.Add(name);
            }
        }

        return offered;
    }

    /// <summary>The page's locale for a request: see the class summary; <paramref name="offered"/>[0] is the default.</summary>
    public static string Choose(IReadOnlyList<string> offered, string? requested, string? acceptLanguage)
    {
        ArgumentNullException.ThrowIfNull(offered);
        if (Match(offered, requested) is { } asked)
        {
            return asked;
        }

        // An unknown ?locale= falls through to the browser's languages rather than to a surprise.
        if (!string.IsNullOrWhiteSpace(acceptLanguage) && StringWithQualityHeaderValue.TryParseList([acceptLanguage], out var languages))
        {
            // OrderByDescending is stable: languages of equal quality keep the browser's order.
            foreach (var language in languages.Where(l => l.Quality is null or > 0).OrderByDescending(l => l.Quality ?? 1))
            {
                if (Match(offered, language.Value.Value) is { } accepted)
                {
                    return accepted;
                }
            }
        }

        return offered[0];
    }

    private static string? Match(IReadOnlyList<string> offered, string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag) || tag == "*")
        {
            return null;
        }

        return offered.FirstOrDefault(o => string.Equals(o, tag, StringComparison.OrdinalIgnoreCase))
            ?? offered.FirstOrDefault(o => KnowledgeLanguages.Of(o) == KnowledgeLanguages.Of(tag));
    }

    /// <summary>The full culture name of a tag (<c>fr</c> is <c>fr-FR</c>, <c>es</c> is <c>es-ES</c>); null for one the system does not know.</summary>
    private static string? SpecificName(string tag)
    {
        try
        {
            var culture = CultureInfo.GetCultureInfo(tag);
            return culture.IsNeutralCulture ? CultureInfo.CreateSpecificCulture(culture.Name).Name : culture.Name;
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }
}
