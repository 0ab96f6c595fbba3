using SupportBot.Knowledge;
using SupportBot.Tests.Support;
using SupportBot.Understanding.Intents;

namespace SupportBot.Tests.Understanding;

/// <summary>Intent files per language (<c>intents/&lt;lang&gt;/</c>): loaded apart from the default language's, checked against it.</summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class IntentLanguageLoadingTests
{
    internal static string Fixture => Path.Combine(RepoPaths.Root, "tests", "SupportBot.Tests", "Fixtures", "multilingual-intents");

    internal static KnowledgeBase LoadFixture() => new KnowledgeLoader(new KnowledgeOptions(), pathsInFolder: true).Load(Fixture);

    [Fact]
    public void Load_LanguageFolders_GiveEachLanguageItsOwnIntents()
    {
        var knowledge = LoadFixture();

        Assert.Empty(knowledge.Errors);
        Assert.Equal(["cancel_order", "greeting", "order_status", "out_of_scope", "refund_status"], knowledge.Intents.Select(i => i.Name).Order());
        Assert.Equal(["es", "fr"], knowledge.IntentTranslations.Languages);
        Assert.Equal(knowledge.Intents.Select(i => i.Name).Order(), knowledge.IntentTranslations.In("fr").Select(i => i.Name).Order());
        Assert.Contains(knowledge.IntentTranslations.In("fr"), i => i.Name == "greeting" && i.Examples.Any(e => e.Text == "bonjour"));
        Assert.DoesNotContain(knowledge.Intents.SelectMany(i => i.Examples), e => e.Text == "bonjour");
        Assert.Empty(knowledge.IntentTranslations.In("de"));
    }

    [Fact]
    public void Load_IntentNameTheDefaultLanguageLacks_IsAWarningAtItsLineAndIgnored()
    {
        var knowledge = LoadFixture();

        Assert.Contains(knowledge.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning
            && d.ToString().StartsWith("intents/es/weather.yml:1: warning: intent 'weather' is not one of the default language's intents", StringComparison.Ordinal));
        Assert.DoesNotContain(knowledge.IntentTranslations.In("es"), i => i.Name == "weather");
    }

    [Fact]
    public void Load_IntentALanguageLacks_IsAWarningAtTheDefaultLanguagesIntent()
    {
        var warnings = LoadFixture().Diagnostics.Select(d => d.ToString()).ToList();

        Assert.Contains(warnings, w => w.StartsWith("intents/cancel_order.yml:1: warning: intent 'cancel_order' has no 'es' examples (intents/es/cancel_order.yml)", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("intents/refund_status.yml:1: warning: intent 'refund_status' has no 'es' examples", StringComparison.Ordinal));
        Assert.DoesNotContain(warnings, w => w.Contains("no 'fr' examples", StringComparison.Ordinal));
        Assert.DoesNotContain(warnings, w => w.Contains("intent 'greeting' has no", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_OtherFolders_StayTheDefaultLanguages_AndItsOwnCodeIsIgnored()
    {
        using var folder = TempFolder.Create();
        folder.Write("intents/orders/order_status.yml", "intent: order_status\nexamples:\n  - where is my order\n");
        folder.Write("intents/greeting.yml", "intent: greeting\nexamples:\n  - hello\n");
        folder.Write("intents/en/thanks.yml", "intent: thanks\nexamples:\n  - thank you\n");
        folder.Write("intents/fr/greeting.yml", "intent: greeting\nexamples:\n  - bonjour\n  - bonjour\n");
        folder.Write("intents/fr/broken.yml", "intent: order_status\n");

        var knowledge = new KnowledgeLoader(new KnowledgeOptions(), pathsInFolder: true).Load(folder.Path);
        var messages = knowledge.Diagnostics.Select(d => d.ToString()).ToList();

        Assert.Equal(["greeting", "order_status"], knowledge.Intents.Select(i => i.Name).Order());
        Assert.Contains(messages, m => m.StartsWith("intents/en:1: warning: 'en' is the default language", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("intents/fr/broken.yml:1: an intent needs 'examples'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("intents/fr/greeting.yml:4: warning: the example \"bonjour\" is repeated", StringComparison.Ordinal));
        Assert.Equal(["greeting"], knowledge.IntentTranslations.In("fr").Select(i => i.Name));
        Assert.Equal(4, knowledge.FileCount);
    }

    [Fact]
    public void TrainingSet_OfALanguage_IsItsOwnExamples_AndTheDefaultOneIsAsBefore()
    {
        var knowledge = LoadFixture();

        var french = IntentTrainingSet.From(knowledge, "fr", "en");
        var english = IntentTrainingSet.From(knowledge, "en", "en");

        Assert.Contains(new IntentExample("bonjour", "greeting"), french);
        Assert.DoesNotContain(french, e => e.Text == "hello");
        Assert.Equal(IntentTrainingSet.From(knowledge), english);
        Assert.DoesNotContain(english, e => e.Text == "bonjour");
    }

    [Theory]
    [InlineData("fr", "L'adresse de livraison", "adresse de livraison")]
    [InlineData("fr", "J’ai reçu un colis abîmé", "ai recu un colis abime")]
    [InlineData("fr", "Qu'est-ce que c'est, jusqu'à quand ?", "est-ce que est, a quand ?")]
    [InlineData("fr", "mon cœur, aujourd'hui", "mon coeur, aujourd hui")]
    [InlineData("fr", "commande LP20481736", "commande lp00000000")]
    [InlineData("es", "¿Dónde está mi REEMBOLSO?", "¿donde esta mi reembolso?")]
    [InlineData("es", "reémbolso del pedido, año", "reembolso del pedido, ano")]
    [InlineData("es", "don't", "don t")]
    public void Normalize_OtherLanguages_FoldAccentsAndElisions(string language, string text, string expected) =>
        Assert.Equal(expected, IntentText.Normalize(text, language));

    [Theory]
    [InlineData("I don't know where LP20481736 is")]
    [InlineData("  Où   est   ma commande  ")]
    public void Normalize_English_IsExactlyAsBefore(string text)
    {
        Assert.Equal(IntentText.Normalize(text), IntentText.Normalize(text, "en"));
        Assert.Equal(IntentText.Normalize(text), IntentText.Normalize(text, null));
    }

    [Fact]
    public void HashOf_English_IsAsBefore_AndEachOtherLanguageHasItsOwn()
    {
        IntentExample[] examples = [new("hello", "greeting"), new("bye", "goodbye")];
        var options = new IntentOptions();

        Assert.Equal(IntentClassifierTrainer.HashOf(examples, options), IntentClassifierTrainer.HashOf(examples, options, null, "en"));
        Assert.NotEqual(IntentClassifierTrainer.HashOf(examples, options), IntentClassifierTrainer.HashOf(examples, options, null, "fr"));
        Assert.NotEqual(IntentClassifierTrainer.HashOf(examples, options, null, "es"), IntentClassifierTrainer.HashOf(examples, options, null, "fr"));
    }
}
