using SupportBot.Drafting;
using SupportBot.Knowledge.Sentences;

namespace SupportBot.Tests.Drafting;

/// <summary>
/// The facts of French and Spanish sentences read with their language's words: numbers written "5,95" and "1 000",
/// negations ("ne … pas", "jamais", "no", "nunca"), conditions ("sauf", "dans les 30 jours", "solo", "en un plazo de"),
/// sentences kept whole across "EE. UU." and "p. ex."; and a model's draft that drops a French negation refused.
/// </summary>
[Trait("Category", "Unit")]
public sealed class FrenchAndSpanishFactsTests
{
    [Fact]
    public void Of_FrenchSentence_ReadsItsNumbersConditionsAndNegation()
    {
        var facts = SentenceFacts.Of("Vous pouvez retourner vos articles dans les 30 jours, sauf ceux en Vente finale, qui ne sont pas repris.", FactLanguage.French);

        Assert.Equal(["30"], facts.Numbers);
        Assert.True(facts.Negated);
        Assert.Contains("dans les # jours", facts.Conditions);
        Assert.Contains("sauf", facts.Conditions);
    }

    [Theory]
    [InlineData("Nos cartes cadeaux n'expirent jamais.")]
    [InlineData("Aucun frais de retour.")]
    [InlineData("Le retour est sans frais.")]
    public void Of_FrenchNegation_IsNegated(string sentence) => Assert.True(SentenceFacts.Of(sentence, FactLanguage.French).Negated);

    [Fact]
    public void Of_FrenchAmounts_ReadsDecimalCommasAndSpacedThousands()
    {
        var facts = SentenceFacts.Of("La livraison coûte 5,95 $, et Klarna va jusqu'à 1\u202F000 $ ou deux paiements pour 10 pour cent.", FactLanguage.French);

        Assert.Equal(["10", "1000", "2", "5.95"], facts.Numbers.Order(StringComparer.Ordinal));
        Assert.Contains("jusqu'a", facts.Conditions);
    }

    [Fact]
    public void Of_SpanishImperativeTen_IsNotTheNumberTen()
    {
        const string sentence = "Ten en cuenta que solo aceptamos devoluciones en un plazo de 30 días.";

        var spanish = SentenceFacts.Of(sentence, FactLanguage.Spanish);

        Assert.Equal(["30"], spanish.Numbers);
        Assert.Contains("solo", spanish.Conditions);
        Assert.Contains("en un plazo de", spanish.Conditions);
        Assert.Contains("10", SentenceFacts.Of(sentence).Numbers);
    }

    [Theory]
    [InlineData("Nuestras tarjetas regalo no caducan nunca.")]
    [InlineData("No tienes que rellenar ningún formulario.")]
    [InlineData("Los cambios son sin coste.")]
    public void Of_SpanishNegation_IsNegated(string sentence) => Assert.True(SentenceFacts.Of(sentence, FactLanguage.Spanish).Negated);

    [Fact]
    public void Of_SpanishAmounts_ReadsDottedThousandsAndDecimalCommas()
    {
        var facts = SentenceFacts.Of("Pedidos de 35 a 1.000 US$; el envío cuesta 5,95 US$ salvo si superas 75 US$.", FactLanguage.Spanish);

        Assert.Equal(["1000", "35", "5.95", "75"], facts.Numbers.Order(StringComparer.Ordinal));
        Assert.Contains("salvo", facts.Conditions);
        Assert.Contains("si", facts.Conditions);
    }

    [Fact]
    public void Of_AccentsInConditions_AreTheSameCondition() =>
        Assert.Equal(SentenceFacts.Of("Sólo con etiqueta.", FactLanguage.Spanish).Conditions, SentenceFacts.Of("Solo con etiqueta.", FactLanguage.Spanish).Conditions);

    [Theory]
    [InlineData("es", "Enviamos a EE. UU. y Canadá. Los envíos tardan 5 días.", 2)]
    [InlineData("es", "Aceptamos tarjetas, p. ej. Visa o Mastercard. ¿Tienes dudas? Escríbenos.", 3)]
    [InlineData("fr", "Payez par carte, p. ex. Visa ou Mastercard. M. Martin vous répondra. Merci !", 3)]
    [InlineData("fr", "Vraiment ? « Oui. » Merci.", 3)]
    public void SplitParagraph_KeepsAbbreviationsInTheirSentence(string language, string paragraph, int sentences) =>
        Assert.Equal(sentences, Sentence.SplitParagraph(paragraph, FactLanguage.For(language)).Count);

    [Fact]
    public void SplitParagraph_English_IsAsBefore() =>
        // English keeps its rules as they were: no abbreviation list, so "Mr." still ends a piece.
        Assert.Equal(["Ships to the U.S.", "Mr.", "Smith replies."], Sentence.SplitParagraph("Ships to the U.S. Mr. Smith replies."));

    [Fact]
    public void For_LanguagesAndLocales_GivesTheirRules()
    {
        Assert.Same(FactLanguage.French, FactLanguage.For("fr-FR"));
        Assert.Same(FactLanguage.Spanish, FactLanguage.For("es"));
        Assert.Same(FactLanguage.English, FactLanguage.For(null));
        Assert.Same(FactLanguage.English, FactLanguage.For("de"));
    }

    private static readonly KnowledgePassage[] FrenchFinalSale =
    [
        new("final-sale", "Articles en Vente finale", "Les articles en Vente finale ne sont ni repris ni échangés. Vous avez 30 jours pour retourner les autres.",
            null, 0.9, Language: "fr"),
    ];

    [Fact]
    public void Check_FrenchDraftDroppingTheNegation_IsRefused() =>
        Assert.Equal(DraftRejection.LostNegation,
            ModelDraftCheck.Check("Les articles en Vente finale sont repris et échangés [source:final-sale].", FrenchFinalSale).Rejection);

    [Fact]
    public void Check_FrenchDraftChangingTheNumber_IsRefused() =>
        Assert.Equal(DraftRejection.LostNumber,
            ModelDraftCheck.Check("Vous avez 14 jours pour retourner les autres articles [source:final-sale].", FrenchFinalSale).Rejection);

    [Fact]
    public void Check_FrenchDraftKeepingTheFacts_IsAccepted() =>
        Assert.True(ModelDraftCheck.Check(
            "Désolé : les articles en Vente finale ne sont jamais repris ni échangés [source:final-sale]. Pour les autres, vous avez trente jours.", FrenchFinalSale).Accepted);

    [Fact]
    public void Check_SpanishDraftWithTen_IsNotANewNumber()
    {
        KnowledgePassage[] spanish = [new("return-window", "Plazo de devolución", "Puedes devolver tus artículos en un plazo de 30 días desde la entrega.", null, 0.9, Language: "es")];

        var verdict = ModelDraftCheck.Check("Ten en cuenta que puedes devolver tus artículos en un plazo de 30 días desde la entrega [source:return-window].", spanish);

        Assert.True(verdict.Accepted, verdict.Rejection);
    }
}
