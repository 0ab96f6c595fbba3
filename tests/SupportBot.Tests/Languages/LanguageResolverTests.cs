using Microsoft.Extensions.Options;
using SupportBot.Knowledge;
using SupportBot.Languages;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Languages;

/// <summary>The rule that keeps or switches a conversation's language, on a detector that says what each test needs.</summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class LanguageResolverTests
{
    private static LanguageResolver Resolver(ILanguageDetector detector, LanguageOptions? options = null, string defaultLocale = "en-US") =>
        new(detector, Options.Create(options ?? new LanguageOptions()), Options.Create(new KnowledgeOptions { DefaultLocale = defaultLocale }), TimeProvider.System);

    [Theory]
    [InlineData(null, null, "en")]
    [InlineData(null, "fr-FR", "fr")]
    [InlineData(null, "es_419", "es")]
    [InlineData(null, "de-DE", "en")]
    [InlineData("es", "fr-FR", "es")]
    [InlineData("de", "fr-FR", "fr")]
    public void Start_IsTheConversationsLanguage_ElseTheChannels_ElseTheDefault(string? current, string? locale, string expected)
    {
        Assert.Equal(expected, Resolver(new FakeDetector("en", 1)).Start(current, locale));
    }

    [Fact]
    public void Default_IsTheKnowledgesLocale()
    {
        Assert.Equal("fr", Resolver(new FakeDetector("en", 1), defaultLocale: "fr-CA").Default);
    }

    [Theory]
    [InlineData("ok")]
    [InlineData("LP10000002")]
    [InlineData("merci")]
    [InlineData("gracias")]
    [InlineData("thanks!")]
    [InlineData("merci beaucoup !")]
    [InlineData("LP10000002 ana.lima@example.com 75011")]
    [InlineData("👍 👍 👍")]
    [InlineData("vale gracias 😊")]
    public async Task AShortMessage_NeverSwitches_HoweverSureTheDetector(string text)
    {
        var detector = new FakeDetector("es", 0.99);

        var decision = await Resolver(detector).ResolveAsync("fr", "fr-FR", text, pressed: false, default);

        Assert.Equal(("fr", LanguageReasons.Short), (decision.Language, decision.Reason));
        Assert.Empty(detector.Asked);
    }

    [Fact]
    public async Task APressedButton_NeverSwitches()
    {
        var detector = new FakeDetector("en", 0.99);

        var decision = await Resolver(detector).ResolveAsync("fr", null, "How long do I have to return something?", pressed: true, default);

        Assert.Equal(("fr", LanguageReasons.Pressed), (decision.Language, decision.Reason));
        Assert.Empty(detector.Asked);
    }

    [Fact]
    public async Task AClearSentenceInAnotherLanguage_Switches()
    {
        var decision = await Resolver(new FakeDetector("es", 0.95)).ResolveAsync("fr", "fr-FR", "quiero devolver los zapatos que compré", pressed: false, default);

        Assert.Equal(("es", LanguageReasons.Switched), (decision.Language, decision.Reason));
        Assert.True(decision.Switched);
    }

    [Theory]
    [InlineData("fr", "en", "en combien de temps ma commande est preparee et expediee")]
    [InlineData("fr", "en", "le tracking UPS dit delivered mais j'ai rien")]
    [InlineData("es", "en", "el tracking de UPS dice delivered pero no tengo nada")]
    public async Task ASureGuess_AgainstTheConversationsGrammar_KeepsTheLanguage(string current, string guessed, string text)
    {
        var decision = await Resolver(new FakeDetector(guessed, 0.95)).ResolveAsync(current, null, text, pressed: false, default);

        Assert.Equal((current, LanguageReasons.Unsure), (decision.Language, decision.Reason));
    }

    [Theory]
    [InlineData("sorry, can I write in English? How long do I have to return something?", "en", "fr")]
    [InlineData("en combien de temps ma commande est preparee", "fr", "en")]
    [InlineData("le tracking UPS dit delivered mais j'ai rien", "fr", "en")]
    [InlineData("el tracking de UPS dice delivered pero no tengo nada", "es", "en")]
    [InlineData("quiero devolver los zapatos que compré para mi hija", "es", "fr")]
    [InlineData("where is my order", "en", "es")]
    public void FunctionWords_TellWhoseGrammarASentenceHas(string text, string grammar, string other)
    {
        Assert.True(FunctionWords.LeansTo(text, grammar, other));
        Assert.False(FunctionWords.LeansTo(text, other, grammar));
    }

    [Fact]
    public async Task AnUnsureGuess_KeepsTheLanguage()
    {
        var decision = await Resolver(new FakeDetector("en", 0.55)).ResolveAsync("fr", null, "c'est trop cher", pressed: false, default);

        Assert.Equal(("fr", LanguageReasons.Unsure), (decision.Language, decision.Reason));
        Assert.Equal(0.55, decision.Guess!.Confidence);
    }

    [Fact]
    public async Task TheSameLanguage_IsKept()
    {
        var decision = await Resolver(new FakeDetector("fr", 0.99)).ResolveAsync(null, "fr-FR", "je voudrais retourner un article", pressed: false, default);

        Assert.Equal(("fr", LanguageReasons.Same), (decision.Language, decision.Reason));
    }

    [Fact]
    public async Task ALanguageNotSupported_NeverComesIn()
    {
        var detector = new FakeDetector("de", 0.99);

        var decision = await Resolver(detector, new LanguageOptions { Supported = ["en", "fr"] }).ResolveAsync("en", null, "where is my parcel today", pressed: false, default);

        Assert.Equal("en", decision.Language);
    }

    [Fact]
    public async Task TheDetector_ReadsTheWords_WithoutOrderNumbersAddressesOrNames()
    {
        var detector = new FakeDetector("fr", 0.9);

        await Resolver(detector).ResolveAsync("en", null,
            "ma commande LP10000005 pour marie.dupont@example.fr, voir https://shop.example/suivi et le Nike Air Max à 49,90 € au 75011", pressed: false, default);

        Assert.Equal("ma commande pour voir et le à au", Assert.Single(detector.Asked));
    }

    [Fact]
    public void Evidence_KeepsEveryWordOfAMessageInCapitals_AndTheEnglishI()
    {
        var entities = new SupportBot.Understanding.Entities.EntityExtractor(TimeProvider.System);

        Assert.Equal("JE VEUX UN REMBOURSEMENT", LanguageEvidence.Of("JE VEUX UN REMBOURSEMENT", entities).Text);
        Assert.Equal("can I return my and I'm done", LanguageEvidence.Of("can I return my AirPods and I'm done", entities).Text);
        Assert.Equal(1, LanguageEvidence.Of("merci Merci MERCI", entities).DistinctWords);
    }

    [Theory]
    [InlineData(3, 0.6)]
    [InlineData(10, 0.5)]
    [InlineData(40, 0.5)]
    public void TheFloor_FallsWithLength(int words, double floor)
    {
        Assert.Equal(floor, new LanguageOptions().FloorFor(words), 3);
    }

    [Fact]
    public void FewerWordsThanTheMinimum_ReachNoFloor()
    {
        Assert.True(new LanguageOptions().FloorFor(2) > 1);
    }

    [Fact]
    public void TheFloor_FallsInAStraightLine()
    {
        var options = new LanguageOptions();

        Assert.True(options.FloorFor(4) < options.FloorFor(3));
        Assert.True(options.FloorFor(9) > options.FloorFor(10));
    }

    [Theory]
    [InlineData("xx", "'xx' is not a two-letter language code")]
    [InlineData("de", "no language model for 'de'")]
    public void AnUnknownOrUnshippedLanguage_StopsTheHost_NamingTheKey(string code, string message)
    {
        var failures = new LanguageOptions { Supported = ["en", code] }.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(new object())).ToList();

        Assert.Contains(failures, f => f.ErrorMessage!.Contains("Languages:Supported", StringComparison.Ordinal) && f.ErrorMessage.Contains(message, StringComparison.Ordinal));
    }
}
