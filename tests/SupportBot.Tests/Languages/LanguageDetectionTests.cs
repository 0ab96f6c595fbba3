using SupportBot.Languages;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Languages;

/// <summary>The rule on the real detector (Lingua's English, French and Spanish models, loaded once per process).</summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class LanguageDetectionTests
{
    [Theory]
    [InlineData("je voudrais retourner mes AirPods Pro, ils ne marchent pas")]
    [InlineData("le Nike Air Max que j'ai reçu est trop petit")]
    [InlineData("est-ce que la Gift Card marche aussi en magasin ?")]
    [InlineData("j'ai acheté un Kindle Paperwhite et l'écran est rayé")]
    public async Task EnglishBrandNames_InAFrenchSentence_KeepFrench(string text)
    {
        var decision = await SharedLanguages.Resolver.ResolveAsync("fr", "fr-FR", text, pressed: false, default);

        Assert.Equal("fr", decision.Language);
    }

    [Theory]
    [InlineData("fr", "quiero devolver los zapatos porque me quedan pequeños", "es")]
    [InlineData("en", "Bonjour, je n'ai toujours pas reçu ma commande LP10000002", "fr")]
    [InlineData("es", "Hi, I still haven't received my order, can you check?", "en")]
    [InlineData("en", "ou est ma commande svp jai rien recu", "fr")]
    public async Task AClearSentence_SwitchesTheLanguage(string current, string text, string expected)
    {
        var decision = await SharedLanguages.Resolver.ResolveAsync(current, null, text, pressed: false, default);

        Assert.Equal((expected, LanguageReasons.Switched), (decision.Language, decision.Reason));
    }

    [Theory]
    [InlineData("ok")]
    [InlineData("merci")]
    [InlineData("gracias")]
    [InlineData("thanks")]
    [InlineData("LP10000002")]
    public async Task AWordOrAnOrderNumber_KeepsTheLanguage(string text)
    {
        foreach (var current in new[] { "en", "fr", "es" })
        {
            Assert.Equal(current, (await SharedLanguages.Resolver.ResolveAsync(current, null, text, pressed: false, default)).Language);
        }
    }

    [Fact]
    public async Task TheModels_LoadOncePerProcess()
    {
        var another = new LinguaDetector(Microsoft.Extensions.Options.Options.Create(new LanguageOptions()));

        await SharedLanguages.Detector.LoadAsync();

        Assert.True(another.LoadAsync().IsCompletedSuccessfully);
    }
}
