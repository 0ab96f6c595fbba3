using SupportBot.Knowledge.Search;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Knowledge;

/// <summary>Each language's analysis: the forms a shopper may type of one word meet, the words every question has are left out.</summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class ShopperAnalyzersTests
{
    private static string[] Terms(string language, string text)
    {
        using var analyzer = ShopperAnalyzers.For(language);
        return [.. AnalyzedToken.Analyze(analyzer, KnowledgeIndex.QuestionsField, text).Select(t => t.Term)];
    }

    [Theory]
    [InlineData("étiquette", "etiquette", "l'étiquette", "L’ÉTIQUETTE", "d'etiquettes")]
    [InlineData("remboursé", "rembourse", "remboursée", "remboursés", "remboursées")]
    [InlineData("abîmé", "abime", "abîmée", "abîmés", "abimees")]
    [InlineData("échange", "échanges", "l'échange", "d'échange", "echange")]
    [InlineData("livraison", "livraisons", "Livraison", "LIVRAISONS", "la livraison")]
    public void French_AccentsElisionCaseAndPluralOrFeminine_Meet(params string[] forms)
    {
        var first = Assert.Single(Terms("fr", forms[0]));

        Assert.All(forms, form => Assert.Equal([first], Terms("fr", form)));
    }

    [Theory]
    [InlineData("reembolso", "reémbolso", "reembolsos", "Reembolso", "REEMBOLSOS")]
    [InlineData("devolución", "devolucion", "devoluciones", "la devolución", "DEVOLUCIÓN")]
    [InlineData("usado", "usada", "usados", "usadas", "el usado")]
    [InlineData("envío", "envio", "envíos", "los envios", "ENVÍO")]
    public void Spanish_AccentsCaseAndPluralOrFeminine_Meet(params string[] forms)
    {
        var first = Assert.Single(Terms("es", forms[0]));

        Assert.All(forms, form => Assert.Equal([first], Terms("es", form)));
    }

    [Fact]
    public void French_QuestionWordsPronounsAndPoliteness_AreLeftOut()
    {
        Assert.Equal(2, Terms("fr", "Bonjour, comment est-ce que je peux retourner mon colis s'il vous plaît ?").Length);
        Assert.Equal(2, Terms("fr", "Pourriez-vous me dire quand j'aurai le remboursement de ma commande, merci").Length);
        Assert.Empty(Terms("fr", "qu'il l'a d'un"));
    }

    [Fact]
    public void Spanish_QuestionWordsPronounsAndPoliteness_AreLeftOut()
    {
        Assert.Equal(2, Terms("es", "Hola, ¿cómo puedo devolver mi pedido, por favor?").Length);
        Assert.Equal(2, Terms("es", "¿Cuándo recibiré el reembolso? Gracias").Length);
    }

    [Fact]
    public void French_WhereIsKept_WithOrWithoutItsAccent()
    {
        Assert.Equal(Terms("fr", "Où est mon colis ?"), Terms("fr", "ou est mon colis"));
        Assert.Equal(2, Terms("fr", "Où est mon colis ?").Length);
    }

    [Fact]
    public void Spanish_EstadoAsANoun_IsKept_WhileTheVerbEstarIsLeftOut()
    {
        Assert.Equal(2, Terms("es", "¿Cuál es el estado de mi devolución?").Length);
        Assert.Single(Terms("es", "¿Dónde está mi devolución?"));
        Assert.Contains(Terms("es", "envían a Estados Unidos"), t => t.StartsWith("estad", StringComparison.Ordinal));
    }

    [Fact]
    public void English_IsTheShopperAnalyzer_AndAnotherLanguageIsFoldedOnly()
    {
        Assert.Equal(["return", "parcel"], Terms("en", "How do I return my parcels?"));
        Assert.Equal(["rucksendung", "der", "pakete"], Terms("de", "Rücksendung der Pakete"));
    }
}
