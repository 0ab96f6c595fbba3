using SupportBot.Tests.Support;

namespace SupportBot.Tests.Knowledge;

/// <summary>
/// The shipped translations against the English originals: every language folder under <c>knowledge/faq</c> has every
/// English entry with the same id, topic, related ids, link and policy placeholders, and every
/// <c>responses/&lt;catalogue&gt;.&lt;lang&gt;.yml</c> every English key with the same placeholders.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class ShippedTranslationTests
{
    private static readonly string Fixture = Path.Combine(RepoPaths.Root, "tests", "SupportBot.Tests", "Knowledge", "Fixtures", "multilingual");

    [Fact]
    public void EveryShippedFaqTranslation_HasEveryEnglishEntryWithItsIdTopicRelatedLinkAndPlaceholders() =>
        Assert.Empty(TranslationAudit.Entries(RepoPaths.Knowledge));

    [Fact]
    public void EveryShippedCatalogueTranslation_HasEveryEnglishKeyWithItsPlaceholders() =>
        Assert.Empty(TranslationAudit.Catalogues(RepoPaths.Knowledge));

    [Fact]
    public void TheCompleteFixture_HasNothingMissing() =>
        Assert.Empty(TranslationAudit.Entries(Fixture));

    [Fact]
    public void TheAudit_ReportsEveryKindOfDifference()
    {
        using var folder = TempFolder.Create();
        folder.Write("policies.yml", "returns:\n  window_days: 30\n  fee: 5\n");
        folder.Write("faq/returns/a.md", new FaqFile(Id: "a", Title: "A?", Questions: ["1?", "2?", "3?"], Related: "[b]",
            Answer: "Within {{returns.window_days}} days.", Extra: "link: https://example.com/a").ToString());
        folder.Write("faq/returns/b.md", new FaqFile(Id: "b", Title: "B?", Questions: ["4?", "5?", "6?"]).ToString());
        folder.Write("faq/fr/shipping/a.md", new FaqFile(Id: "a", Title: "A ?", Questions: ["un ?", "deux ?", "trois ?"],
            Answer: "Sous {{returns.fee}} jours.", Extra: "link: https://example.com/fr/a", Locale: null).ToString());
        folder.Write("faq/fr/returns/c.md", new FaqFile(Id: "c", Title: "C ?", Questions: ["quatre ?", "cinq ?", "six ?"], Locale: null).ToString());
        folder.Write("responses/orders.yml", "verify:\n  ask_number: \"What is your order number, {name}?\"\n  thanks: \"Thanks.\"\n");
        folder.Write("responses/orders.fr.yml", "verify:\n  ask_number: \"Quel est votre numéro de commande ?\"\n  extra: \"En trop.\"\n");

        Assert.Equal(
            [
                "fr: a: topic shipping, the English returns",
                "fr: a: link https://example.com/fr/a, the English https://example.com/a",
                "fr: a: related [], the English [b]",
                "fr: a: policy placeholders [returns.fee], the English [returns.window_days]",
                "fr: no counterpart of b (faq/returns/b.md)",
                "fr: c has no English entry (faq/fr/returns/c.md)",
            ],
            TranslationAudit.Entries(folder.Path));
        Assert.Equal(
            [
                "orders.fr.yml: 'verify.ask_number' uses {}, the English {name}",
                "orders.fr.yml: missing 'verify.thanks'",
                "orders.fr.yml: 'verify.extra' is not in orders.yml",
            ],
            TranslationAudit.Catalogues(folder.Path));
    }
}
