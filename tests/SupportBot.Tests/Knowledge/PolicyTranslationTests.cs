using SupportBot.Knowledge;
using SupportBot.Orders;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Knowledge;

/// <summary>
/// <c>policies.&lt;lang&gt;.yml</c>: a language's words for the store's text facts, laid over <c>policies.yml</c> for that
/// language's answers, with numbers written the language's way; the English answers as before.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class PolicyTranslationTests
{
    private const string Policies = """
        store:
          name: "Larkspur & Pine"
          support_hours: "Monday to Friday 8 am–8 pm ET"
          website: "https://www.example.com"
        shipping:
          standard_cost_usd: 5.95
          installments_max_usd: 1000
          standard_days: "4–7"
          po_box_allowed: true
        payments:
          gift_card_expiry: "never expire"
          sizes_text: "XS–3XL"
        """;

    private static KnowledgeBase Load(TempFolder folder) => new KnowledgeLoader(new KnowledgeOptions()).Load(folder.Path);

    private static string[] Problems(KnowledgeBase knowledge) =>
        knowledge.Diagnostics.Select(d => $"{Path.GetFileName(d.Path)}:{d.Line}: {d.Severity}: {d.Message}").ToArray();

    private static TempFolder Shop(string? french)
    {
        var folder = TempFolder.Create();
        folder.Write("policies.yml", Policies);
        if (french is not null)
        {
            folder.Write("policies.fr.yml", french);
        }

        folder.Write("faq/payments/gift-cards.md", new FaqFile(Id: "gift-cards", Title: "Do gift cards expire?",
            Answer: "Our gift cards {{payments.gift_card_expiry}}. Standard shipping costs ${{shipping.standard_cost_usd}}, up to ${{shipping.installments_max_usd}}.").ToString());
        folder.Write("faq/fr/payments/gift-cards.md", new FaqFile(Id: "gift-cards", Title: "Les cartes cadeaux expirent-elles ?",
            Questions: ["expiration carte cadeau", "carte cadeau périmée", "validité carte cadeau"], Locale: "fr-FR",
            Answer: "Nos cartes cadeaux {{payments.gift_card_expiry}}. La livraison Standard coûte {{shipping.standard_cost_usd}} $, jusqu'à {{shipping.installments_max_usd}} $ ({{store.support_hours}}).").ToString());
        return folder;
    }

    private const string French = """
        # Les textes en français
        store:
          support_hours: "du lundi au vendredi de 8 h à 20 h, heure de l'Est"
        payments:
          gift_card_expiry: "n'expirent jamais"
        """;

    [Fact]
    public void Load_FrenchOverlay_FrenchEntryQuotesTheFrenchFactAndWritesNumbersTheFrenchWay()
    {
        using var folder = Shop(French);

        var knowledge = Load(folder);

        Assert.Empty(Problems(knowledge));
        var entry = Assert.Single(knowledge.In("fr").Entries);
        Assert.Equal(
            "Nos cartes cadeaux n'expirent jamais. La livraison Standard coûte 5,95 $, jusqu'à 1\u202F000 $ (du lundi au vendredi de 8 h à 20 h, heure de l'Est).",
            entry.AnswerMarkdown);
    }

    [Fact]
    public void Load_FrenchOverlay_LeavesTheEnglishEntryAndFactsAsWritten()
    {
        using var folder = Shop(French);

        var knowledge = Load(folder);

        var entry = Assert.Single(knowledge.Entries);
        Assert.Equal("Our gift cards never expire. Standard shipping costs $5.95, up to $1000.", entry.AnswerMarkdown);
        Assert.Equal("never expire", knowledge.Policies.GetText("payments.gift_card_expiry"));
        Assert.Equal("n'expirent jamais", knowledge.In("fr").Policies.GetText("payments.gift_card_expiry"));
        Assert.Same(knowledge.Policies, knowledge.In("fr").In("en").Policies);
        Assert.Same(knowledge.Policies, knowledge.Policies.In("es"));
    }

    [Fact]
    public void In_ALanguage_KeepsTheNumbersAndNamesOfPoliciesYml()
    {
        using var folder = Shop(French);

        var french = Load(folder).Policies.In("fr");

        Assert.Equal("fr", french.Language);
        Assert.Equal(5.95m, french.GetNumber("shipping.standard_cost_usd"));
        Assert.Equal("Larkspur & Pine", french.GetText("store.name"));
        Assert.True(french.TryGet("shipping.standard_cost_usd", out var cost));
        Assert.Equal("5,95", french.Say(cost));
    }

    [Fact]
    public void Load_OverlayRestatingANumberAnAmountANameOrAnUnknownKey_IsAnErrorAtItsLine()
    {
        using var folder = Shop("""
            store:
              name: "Larkspur et Pin"
              website: "https://www.example.fr"
            shipping:
              standard_cost_usd: 5,95
              standard_days: "4 à 7"
              po_box_allowed: false
              express_cost_usd: 14.95
            payments:
              gift_card_expiry: "n'expirent jamais"
              gift_card_expiry_text: "jamais"
            """);

        var knowledge = Load(folder);

        Assert.True(knowledge.HasErrors);
        Assert.Equal(
            [
                "policies.fr.yml:2: Error: policy 'store.name' is a name, an address or an id ('Larkspur & Pine'), the same in every language: only text facts are translated, so delete this line (answers write numbers the language's way by themselves)",
                "policies.fr.yml:3: Error: policy 'store.website' is a name, an address or an id ('https://www.example.com'), the same in every language: only text facts are translated, so delete this line (answers write numbers the language's way by themselves)",
                "policies.fr.yml:5: Error: policy 'shipping.standard_cost_usd' is a number or an amount ('5.95'), the same in every language: only text facts are translated, so delete this line (answers write numbers the language's way by themselves)",
                "policies.fr.yml:6: Error: policy 'shipping.standard_days' is a range or size in figures ('4–7'), the same in every language: only text facts are translated, so delete this line (answers write numbers the language's way by themselves)",
                "policies.fr.yml:7: Error: policy 'shipping.po_box_allowed' is a yes/no setting ('true'), the same in every language: only text facts are translated, so delete this line (answers write numbers the language's way by themselves)",
                "policies.fr.yml:8: Error: policy 'shipping.express_cost_usd' is not in policies.yml: a translation words a fact policies.yml has, under the same section and key",
                "policies.fr.yml:11: Error: policy 'payments.gift_card_expiry_text' is not in policies.yml: a translation words a fact policies.yml has, under the same section and key",
            ],
            Problems(knowledge).Where(p => p.Contains("Error", StringComparison.Ordinal)));
    }

    [Fact]
    public void Load_LanguageWithEntriesAndAnUntranslatedWordedFact_WarnsAtTheFactInPoliciesYml()
    {
        using var folder = Shop("payments:\n  gift_card_expiry: \"n'expirent jamais\"\n");

        var knowledge = Load(folder);

        Assert.False(knowledge.HasErrors);
        // "XS–3XL" reads the same in French: only worded facts want a translation.
        Assert.Equal(
            ["policies.yml:3: Warning: 'store.support_hours' has no translation in policies.fr.yml: French answers quote it in English"],
            Problems(knowledge));
        Assert.Contains("Monday to Friday", Assert.Single(knowledge.In("fr").Entries).AnswerMarkdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_LanguageWithEntriesAndNoOverlay_WarnsOnce()
    {
        using var folder = Shop(french: null);

        var problem = Assert.Single(Problems(Load(folder)));

        Assert.Equal("policies.yml:1: Warning: there is no policies.fr.yml: French answers quote the 2 text facts of policies.yml (store.support_hours, payments.gift_card_expiry, …) in English", problem);
    }

    [Fact]
    public void Load_OverlayWithoutEntriesInItsLanguage_DoesNotWarn()
    {
        using var folder = TempFolder.Create();
        folder.Write("policies.yml", Policies);
        folder.Write("policies.es.yml", "payments:\n  gift_card_expiry: \"nunca caducan\"\n");
        folder.Write("faq/payments/gift-cards.md", new FaqFile(Id: "gift-cards", Answer: "Our gift cards {{payments.gift_card_expiry}}.").ToString());

        var knowledge = Load(folder);

        Assert.Empty(Problems(knowledge));
        Assert.Equal("nunca caducan", knowledge.Policies.In("es").GetText("payments.gift_card_expiry"));
    }

    [Fact]
    public void From_ALanguage_GivesTheOrderFlowsItsDropOffWordsAndTheSameNumbers()
    {
        using var folder = TempFolder.Create();
        folder.Write("policies.yml", "returns:\n  window_days: 30\n  drop_off_text: \"any UPS Store\"\n");
        folder.Write("policies.es.yml", "returns:\n  drop_off_text: \"cualquier UPS Store\"\n");

        var policies = Load(folder).Policies;

        Assert.Equal("cualquier UPS Store", OrderPolicies.From(policies, "es").DropOff);
        Assert.Equal("any UPS Store", OrderPolicies.From(policies, null).DropOff);
        Assert.Equal(30, OrderPolicies.From(policies, "es").ReturnWindowDays);
    }

    [Fact]
    public void Shipped_FrenchAndSpanishOverlays_TranslateEveryWordedTextFact()
    {
        var shipped = new KnowledgeLoader(new KnowledgeOptions()).Load(RepoPaths.Knowledge);
        var worded = shipped.Policies.Facts
            .Where(f => f.Kind == PolicyFactKind.Text && PolicyFactKinds.IsWorded(f.Value) && !f.Path.Split('.').Any(s => s.All(char.IsAsciiDigit)))
            .ToList();

        Assert.False(shipped.HasErrors, string.Join("\n", shipped.Errors));
        Assert.NotEmpty(worded);
        foreach (var language in (string[])["fr", "es"])
        {
            var translated = shipped.Policies.In(language);
            Assert.Equal(language, translated.Language);
            Assert.All(worded, f => Assert.True(translated.TryGet(f.Path, out var own) && !ReferenceEquals(own, f), $"{f.Path} has no {language} translation"));
        }
    }
}
