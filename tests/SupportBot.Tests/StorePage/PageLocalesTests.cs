using SupportBot.Host.StorePage;
using SupportBot.Knowledge.Responses;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.StorePage;

/// <summary>
/// Which locale the store page speaks: the link's <c>?locale=</c>, else the browser's languages in quality order, else
/// the default; a language is matched by its code; the locales offered follow the page catalogue's translations; and
/// the shipped translations say every page sentence with the English one's placeholders.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class PageLocalesTests
{
    private static readonly string[] Offered = ["en-US", "es-ES", "fr-FR"];

    [Theory]
    [InlineData("fr-FR", null, "fr-FR")]
    [InlineData("fr", null, "fr-FR")]
    [InlineData("FR-fr", null, "fr-FR")]
    [InlineData("es", "fr-FR", "es-ES")]
    [InlineData("en-US", "fr-FR", "en-US")]
    [InlineData(null, "fr-FR,fr;q=0.9", "fr-FR")]
    [InlineData(null, "fr-CA", "fr-FR")]
    [InlineData(null, "es-MX,es;q=0.9,en;q=0.8", "es-ES")]
    [InlineData(null, "de-DE,es;q=0.5,fr;q=0.7", "fr-FR")]
    [InlineData(null, "en;q=0.4,fr;q=0.4", "en-US")]
    [InlineData(null, "fr;q=0,es;q=0.1", "es-ES")]
    [InlineData(null, "*", "en-US")]
    [InlineData(null, "de-DE,de;q=0.9", "en-US")]
    [InlineData("de-DE", null, "en-US")]
    [InlineData("de-DE", "es-ES", "es-ES")]
    [InlineData("<script>", null, "en-US")]
    [InlineData(null, "not a header;;q=x", "en-US")]
    [InlineData(null, null, "en-US")]
    public void Choose_TheLinkThenTheBrowserThenTheDefault(string? requested, string? acceptLanguage, string expected) =>
        Assert.Equal(expected, PageLocales.Choose(Offered, requested, acceptLanguage));

    [Fact]
    public void Offered_TheDefaultFirst_ThenOneFullLocalePerTranslation()
    {
        var files = new Dictionary<(string, string), IReadOnlyDictionary<string, ResponseTemplate>>
        {
            [(PageTexts.Catalogue, ResponseCatalog.DefaultLocale)] = new Dictionary<string, ResponseTemplate>(),
            [(PageTexts.Catalogue, "fr")] = new Dictionary<string, ResponseTemplate>(),
            [(PageTexts.Catalogue, "es")] = new Dictionary<string, ResponseTemplate>(),
            [(PageTexts.Catalogue, "en")] = new Dictionary<string, ResponseTemplate>(),
            [(ConversationTexts.Catalogue, "de")] = new Dictionary<string, ResponseTemplate>(),
        };

        Assert.Equal(Offered, PageLocales.Offered(new ResponseCatalog(files), "en-US"));
        Assert.Equal(["es-ES"], PageLocales.Offered(ResponseCatalog.Empty, "es"));
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("es")]
    public void TheShippedTranslation_SaysEveryPageSentence_WithTheSamePlaceholders(string language)
    {
        var knowledge = ShippedKnowledge.Knowledge;
        var catalog = knowledge.Responses;

        Assert.DoesNotContain(knowledge.Diagnostics, d => Path.GetFileName(d.Path).StartsWith("page.", StringComparison.Ordinal));
        Assert.Contains(language, catalog.LocalesOf(PageTexts.Catalogue));
        foreach (var key in PageTexts.Schema.Keys.Keys)
        {
            var english = catalog.Find(PageTexts.Catalogue, key)!;
            var translated = catalog.Find(PageTexts.Catalogue, key, language)!;
            Assert.Equal(english.Placeholders.Order(StringComparer.Ordinal), translated.Placeholders.Order(StringComparer.Ordinal));
            if (key is not "avatar.bot")
            {
                Assert.True(english.ToString() != translated.ToString(), $"page.{language}.yml: '{key}' reads as the English");
            }
        }
    }
}
