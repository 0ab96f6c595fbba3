using SupportBot.Knowledge;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Knowledge;

/// <summary><c>knowledge validate</c>'s warnings for what a translation lacks, each at the line an editor starts from.</summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class TranslationChecksTests
{
    private static List<string> Warnings(TempFolder folder) =>
        [.. new KnowledgeLoader(new KnowledgeOptions(), pathsInFolder: true).Load(folder.Path).Diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Warning).Select(d => d.ToString())];

    [Fact]
    public void AnEnglishEntryWithoutItsCounterpart_IsAWarningAtTheEnglishEntry_OnlyForALanguageWithAFolder()
    {
        using var folder = TempFolder.Create();
        folder.Write("faq/returns/a.md", new FaqFile(Id: "a", Title: "A?", Questions: ["1?", "2?", "3?"]).ToString());
        folder.Write("faq/returns/b.md", new FaqFile(Id: "b", Title: "B?", Questions: ["4?", "5?", "6?"]).ToString());
        folder.Write("faq/es/returns/a.md", new FaqFile(Id: "a", Title: "¿A?", Questions: ["uno", "dos", "tres"], Locale: null).ToString());
        folder.Write("synonyms.fr.txt", "colis, paquet\n");

        Assert.Equal(["faq/returns/b.md:2: warning: no Spanish (es) counterpart: write faq/es/returns/b.md with id 'b'"], Warnings(folder));
    }

    [Fact]
    public void ACounterpartWithAnotherTopicLinkOrRelated_IsAWarningAtTheTranslation()
    {
        using var folder = TempFolder.Create();
        folder.Write("faq/returns/a.md", new FaqFile(Id: "a", Title: "A?", Questions: ["1?", "2?", "3?"], Related: "[b]", Extra: "link: https://example.com/a").ToString());
        folder.Write("faq/returns/b.md", new FaqFile(Id: "b", Title: "B?", Questions: ["4?", "5?", "6?"]).ToString());
        folder.Write("faq/fr/shipping/a.md", new FaqFile(Id: "a", Title: "A ?", Questions: ["un", "deux", "trois"], Locale: null).ToString());
        folder.Write("faq/fr/returns/b.md", new FaqFile(Id: "b", Title: "B ?", Questions: ["quatre", "cinq", "six"], Locale: null).ToString());
        folder.Write("faq/fr/returns/z.md", new FaqFile(Id: "z", Title: "Z ?", Questions: ["sept", "huit", "neuf"], Locale: null).ToString());

        Assert.Equal(
            [
                "faq/fr/shipping/a.md:2: warning: topic 'shipping' is not the original's 'returns' (faq/returns/a.md:2)",
                "faq/fr/shipping/a.md:2: warning: link '(none)' is not the original's 'https://example.com/a' (faq/returns/a.md:2)",
                "faq/fr/shipping/a.md:2: warning: related entries differ from the original's [b] (faq/returns/a.md:2)",
                "faq/fr/returns/z.md:2: warning: no entry of the default language has the id 'z': a translation keeps its original's id",
            ],
            Warnings(folder));
    }

    [Fact]
    public void ACatalogueKeyMissingInATranslation_IsAWarningAtTheEnglishKeysLine_AndOtherPlaceholdersAtTheTranslation()
    {
        using var folder = TempFolder.Create();
        folder.Write("responses/orders.yml", File.ReadAllText(Path.Combine(RepoPaths.Knowledge, "responses", "orders.yml")));
        var english = File.ReadAllLines(Path.Combine(folder.Path, "responses", "orders.yml"));
        int LineOf(string key) => Array.FindIndex(english, l => l.TrimStart().StartsWith(key + ":", StringComparison.Ordinal)) + 1;
        folder.Write("responses/orders.fr.yml", "verify:\n  ask_number: \"Quel est votre numéro de commande ?\"\n  mismatch:\n    one: \"Vérifiez les deux, s'il vous plaît.\"\n    other: \"Vérifiez les deux, s'il vous plaît.\"\n");

        var warnings = Warnings(folder);

        Assert.Contains($"responses/orders.yml:{LineOf("ask_proof")}: warning: 'verify.ask_proof' is not translated in responses/orders.fr.yml: the shopper gets this sentence there", warnings);
        Assert.DoesNotContain(warnings, w => w.Contains("'verify.ask_number' is not translated", StringComparison.Ordinal));
        Assert.Contains("responses/orders.fr.yml:3: warning: 'verify.mismatch' uses no placeholder where the default file (responses/orders.yml:" + LineOf("mismatch") + ") uses {count}", warnings);
    }
}
