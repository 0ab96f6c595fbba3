using Microsoft.Extensions.Options;
using SupportBot.Host.Branding;
using SupportBot.Knowledge;
using SupportBot.Knowledge.Responses;

namespace SupportBot.Host.StorePage;

/// <summary>
/// The store page's words in one locale, from the page catalogue in service (<c>knowledge/responses/page.yml</c> and its
/// translations), so an editor's change shows on the next page load. The shop's and the assistant's names are filled in
/// here; <c>{agent}</c> is left for the page, which knows who joined.
/// </summary>
internal sealed class PageWords(LiveKnowledge knowledge, BrandingSource branding, IOptions<KnowledgeOptions> options)
{
    /// <summary>The locales the page offers now, the default first (see <see cref="PageLocales.Offered"/>).</summary>
    public IReadOnlyList<string> Offered => PageLocales.Offered(knowledge.Current.Knowledge.Responses, options.Value.DefaultLocale);

    /// <summary>The locale for a request: its <c>?locale=</c>, else its Accept-Language, else the default.</summary>
    public string LocaleFor(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PageLocales.Choose(Offered, request.Query["locale"].FirstOrDefault(), request.Headers.AcceptLanguage.ToString());
    }

    /// <summary>Every page key in <paramref name="locale"/> (a key the translation lacks in the default language).</summary>
    public IReadOnlyDictionary<string, string> In(string locale)
    {
        var catalog = knowledge.Current.Knowledge.Responses;
        var names = branding.Current;
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["store"] = names.ShopName, ["assistant"] = names.BotName };
        return PageTexts.Schema.Keys.Keys.ToDictionary(key => key, key => catalog.Say(PageTexts.Catalogue, key, values, locale), StringComparer.Ordinal);
    }

    /// <summary>A locale's name in its own language, for the language switcher.</summary>
    public string NameOf(string locale) =>
        knowledge.Current.Knowledge.Responses.Find(PageTexts.Catalogue, PageTexts.LanguageName, locale)?.ToString() ?? locale;
}
