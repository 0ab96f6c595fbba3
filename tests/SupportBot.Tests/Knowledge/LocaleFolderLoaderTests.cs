using SupportBot.Knowledge;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Knowledge;

/// <summary>Translations under <c>faq/&lt;lang&gt;/</c> with their own synonyms and lexicon, kept apart from the default language's.</summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class LocaleFolderLoaderTests
{
    private static KnowledgeBase Load(TempFolder folder) => new KnowledgeLoader(new KnowledgeOptions()).Load(folder.Path);

    private static string[] Problems(KnowledgeBase knowledge) =>
        knowledge.Diagnostics.Select(d => $"{Path.GetFileName(d.Path)}:{d.Line}: {d.Severity}: {d.Message}").ToArray();

    private static string Lexicon(string phrase) =>
        $"phrases:\n  {phrase}: 1.0\nsignals:\n  shouting: 1.0\n  emphasis: 0.5\n  exclamations: 0.5\n  question_marks: 0.5\n  repeated_question: 1.0\n";

    private static TempFolder Bilingual()
    {
        var folder = TempFolder.Create();
        folder.Write("faq/returns/window.md", new FaqFile(Id: "window", Title: "How long do I have to return?", Questions: ["return deadline", "days to send back", "late return"], Related: "[cost]").ToString());
        folder.Write("faq/returns/cost.md", new FaqFile(Id: "cost", Title: "Do returns cost anything?", Questions: ["return fee", "return postage", "free returns"]).ToString());
        folder.Write("faq/fr/returns/window.md", new FaqFile(Id: "window", Title: "Combien de temps pour retourner un article ?",
            Questions: ["délai de retour", "jours pour renvoyer", "retour en retard"], Related: "[cost]", Locale: null).ToString());
        folder.Write("faq/fr/returns/cost.md", new FaqFile(Id: "cost", Title: "Le retour est-il payant ?",
            Questions: ["frais de retour", "port du retour", "retour gratuit"], Locale: "fr-FR").ToString());
        folder.Write("faq/es/shipping/window.md", new FaqFile(Id: "window", Title: "¿Cuánto tiempo tengo para devolver?",
            Questions: ["plazo de devolución", "días para devolver", "devolución tardía"], Locale: "es-ES").ToString());
        folder.Write("synonyms.txt", "parcel, package\n");
        folder.Write("synonyms.fr.txt", "colis, paquet\n");
        folder.Write("frustration.es.yml", Lexicon("es ridículo"));
        return folder;
    }

    [Fact]
    public void Load_LanguageFolders_KeepTheDefaultLanguageEntriesApart()
    {
        using var folder = Bilingual();

        var knowledge = Load(folder);

        Assert.Empty(knowledge.Errors);
        Assert.Equal(["cost", "window"], knowledge.Entries.Select(e => e.Id));
        Assert.All(knowledge.Entries, e => Assert.Equal("en-US", e.Locale));
        Assert.Equal(["en", "es", "fr"], knowledge.Languages);
        Assert.Equal(["parcel", "package"], Assert.Single(knowledge.Synonyms).Phrases);
    }

    [Fact]
    public void In_ALanguage_GivesItsEntriesLocaleTopicAndSynonyms()
    {
        using var folder = Bilingual();

        var knowledge = Load(folder);
        var french = knowledge.In("fr");
        var spanish = knowledge.In("es");

        Assert.Equal(["cost", "window"], french.Entries.Select(e => e.Id));
        Assert.All(french.Entries, e => Assert.Equal("fr-FR", e.Locale));
        Assert.All(french.Entries, e => Assert.Equal("returns", e.Topic));
        Assert.Equal(["colis", "paquet"], Assert.Single(french.Synonyms).Phrases);
        Assert.Equal("fr", french.Language);
        var entry = Assert.Single(spanish.Entries);
        Assert.Equal(("es-ES", "shipping"), (entry.Locale, entry.Topic));
        Assert.Empty(spanish.Synonyms);
        Assert.Contains(spanish.Frustration.Phrases, p => p.Text == "es ridículo");
        Assert.Same(knowledge.Frustration, french.Frustration);
        Assert.Equal(knowledge.Entries, french.In("en").Entries);
        Assert.Empty(knowledge.In("de").Entries);
        Assert.Equal(5, knowledge.AllEntries.Count());
    }

    [Fact]
    public void Load_LocaleThatDisagreesWithItsFolder_IsAnErrorAtTheLocaleLine()
    {
        using var folder = TempFolder.Create();
        folder.Write("faq/fr/returns/window.md", new FaqFile(Id: "window", Locale: "es-ES").ToString());

        var knowledge = Load(folder);

        var error = Assert.Single(knowledge.Errors);
        Assert.Equal(9, error.Line);
        Assert.Equal("locale 'es-ES' is not the language of the folder 'faq/fr' (write fr-FR, or move the file)", error.Message);
        Assert.Empty(knowledge.In("fr").Entries);
    }

    [Fact]
    public void Load_DuplicateIdsAndPhrasings_CountWithinOneLanguage()
    {
        using var folder = TempFolder.Create();
        folder.Write("faq/returns/a.md", new FaqFile(Id: "a", Questions: ["retour", "b?", "c?"]).ToString());
        folder.Write("faq/fr/returns/a.md", new FaqFile(Id: "a", Questions: ["retour", "d?", "e?"], Locale: null).ToString());
        folder.Write("faq/fr/returns/a-again.md", new FaqFile(Id: "a", Title: "Autre ?", Questions: ["f?", "g?", "h?"], Locale: null).ToString());

        var knowledge = Load(folder);

        var error = Assert.Single(knowledge.Errors);
        Assert.EndsWith(Path.Combine("fr", "returns", "a.md"), error.Path, StringComparison.Ordinal);
        Assert.StartsWith("duplicate id 'a' (first used at ", error.Message, StringComparison.Ordinal);
        Assert.Contains("a-again.md:2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RelatedEntryNotYetTranslated_IsAWarning_AndOneThatExistsNowhereAnError()
    {
        using var folder = TempFolder.Create();
        folder.Write("faq/returns/a.md", new FaqFile(Id: "a", Title: "A?", Questions: ["1?", "2?", "3?"]).ToString());
        folder.Write("faq/returns/b.md", new FaqFile(Id: "b", Title: "B?", Questions: ["4?", "5?", "6?"]).ToString());
        folder.Write("faq/fr/returns/a.md", new FaqFile(Id: "a", Title: "A ?", Related: "[b, nowhere]", Locale: null).ToString());

        var problems = Problems(Load(folder));

        Assert.Equal(
            [
                "a.md:9: Warning: related entry 'b' is not translated into this language yet",
                "a.md:9: Error: related entry 'nowhere' does not exist",
            ],
            problems.Take(2));
    }

    [Fact]
    public void Load_LocaleNamedInTheDefaultFolders_PutsTheEntryInThatLanguage()
    {
        using var folder = TempFolder.Create();
        folder.Write("faq/returns/a.md", new FaqFile(Id: "a").ToString());
        folder.Write("faq/returns/a-fr.md", new FaqFile(Id: "a", Title: "Comment tester ?", Questions: ["essai", "vérifier", "contrôle"], Locale: "fr-CA").ToString());

        var knowledge = Load(folder);

        Assert.Empty(knowledge.Errors);
        Assert.Equal("en-US", Assert.Single(knowledge.Entries).Locale);
        Assert.Equal("fr-CA", Assert.Single(knowledge.In("fr").Entries).Locale);
    }

    [Fact]
    public void Load_TwoLetterFolderThatIsNoLanguage_IsATopic_AndBadTranslationFileNamesAreWarnings()
    {
        using var folder = TempFolder.Create();
        folder.Write("faq/zz/a.md", new FaqFile(Id: "a").ToString());
        folder.Write("synonyms.french.txt", "colis, paquet\n");
        folder.Write("frustration.en.yml", Lexicon("ridiculous"));

        var knowledge = Load(folder);

        Assert.Equal("zz", Assert.Single(knowledge.Entries).Topic);
        Assert.Equal(["en"], knowledge.Languages);
        Assert.Equal(
            [
                "synonyms.french.txt:1: Warning: 'french' is not a two-letter language code such as fr or es: ignored (a translation is synonyms.<lang>.txt)",
                "frustration.en.yml:1: Warning: 'en' is the default language, whose file is frustration.yml: ignored",
            ],
            Problems(knowledge));
    }

    [Fact]
    public void Load_EmptyLanguageFolder_StillNamesTheLanguage()
    {
        using var folder = TempFolder.Create();
        folder.Write("faq/returns/a.md", new FaqFile(Id: "a").ToString());
        Directory.CreateDirectory(Path.Combine(folder.Path, "faq", "es"));

        var knowledge = Load(folder);

        Assert.Equal(["en", "es"], knowledge.Languages);
        Assert.Empty(knowledge.In("es").Entries);
    }
}
