using SupportBot.Conversation;
using SupportBot.Orders;
using SupportBot.Orders.Flows;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Orders;

/// <summary>The flows read French and Spanish shoppers as they read English ones: leaving, questions, yes and no, items, sizes, reasons.</summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class FrenchAndSpanishReadingTests
{
    [Theory]
    [InlineData("laisse tomber", FlowExit.Stop)]
    [InlineData("non merci", FlowExit.Stop)]
    [InlineData("annuler", FlowExit.Stop)]
    [InlineData("olvidalo", FlowExit.Stop)]
    [InlineData("no gracias", FlowExit.Stop)]
    [InlineData("cancelar", FlowExit.Stop)]
    [InlineData("finalement je le garde", FlowExit.Keep)]
    [InlineData("bueno, me lo quedo", FlowExit.Keep)]
    [InlineData("on recommence", FlowExit.Restart)]
    [InlineData("empezar de nuevo", FlowExit.Restart)]
    [InlineData("le pull bleu", FlowExit.None)]
    [InlineData("annuler ma commande LP10000006", FlowExit.None)]
    [InlineData("la camiseta azul", FlowExit.None)]
    internal void ExitOf_ReadsFrenchAndSpanish(string text, FlowExit expected) => Assert.Equal(expected, Digressions.ExitOf(text));

    [Theory]
    [InlineData("attends, combien de temps pour un remboursement", true)]
    [InlineData("au fait vous livrez au canada", false)]
    [InlineData("oye, cuánto tarda el reembolso", true)]
    [InlineData("oye, ¿cuánto tarda el reembolso", true)]
    [InlineData("¿cuánto tarda el reembolso", true)]
    [InlineData("trop petit", false)]
    [InlineData("me queda grande", false)]
    public void IsQuestion_InFrenchAndSpanish(string text, bool expected) => Assert.Equal(expected, Digressions.IsQuestion(text));

    [Theory]
    [InlineData("euh la bleue", true, true)]
    [InlineData("ehh el azul", true, true)]
    [InlineData("euh la bleue", false, false)]
    [InlineData("attends, vous livrez au canada ?", true, false)]
    [InlineData("oye, ¿cuánto tarda el reembolso", true, false)]
    public void IsTryAtTheQuestion_OutOfScopeAndNoQuestion(string text, bool outOfScope, bool expected) =>
        Assert.Equal(expected, Digressions.IsTryAtTheQuestion(text, outOfScope));

    [Theory]
    [InlineData("Oui, l'annuler", true)]
    [InlineData("ouais", true)]
    [InlineData("Sí, cancélalo", true)]
    [InlineData("vale", true)]
    [InlineData("Non, la garder", false)]
    [InlineData("No, quedármelo", false)]
    [InlineData("le pull", null)]
    public void YesAndNo_InFrenchAndSpanish(string text, bool? expected) =>
        Assert.Equal(expected, FlowSteps.Answer(new DialogInput(text, null, [], OrderPolicies.From(SupportBot.Knowledge.StorePolicies.Empty))));

    [Theory]
    [InlineData("c'est trop petit", "reasons.too_small")]
    [InlineData("me queda chico", "reasons.too_small")]
    [InlineData("beaucoup trop grand", "reasons.too_big")]
    [InlineData("arrivé abîmé", "reasons.damaged")]
    [InlineData("llegó roto", "reasons.damaged")]
    [InlineData("j'ai changé d'avis", "reasons.changed_mind")]
    [InlineData("no me gusta", "reasons.changed_mind")]
    [InlineData("pas la bonne couleur", "reasons.not_as_described")]
    [InlineData("le pull bleu", null)]
    public void ReasonKey_ReadsFrenchAndSpanish(string text, string? expected) => Assert.Equal(expected, ItemReader.ReasonKey(text));

    [Theory]
    [InlineData("une taille au-dessus", "M", "L")]
    [InlineData("una talla menos", "M", "S")]
    [InlineData("en taille L", "M", "L")]
    [InlineData("talla XL", "M", "XL")]
    public void Size_InFrenchAndSpanish(string text, string current, string? expected) => Assert.Equal(expected, ItemReader.Size(text, current));

    [Theory]
    [InlineData("je peux échanger mon pull contre une taille plus grande ?", "L1")]
    [InlineData("¿puedo cambiar mi jersey por una talla más grande?", "L1")]
    [InlineData("les draps", "L2")]
    [InlineData("las sábanas", "L2")]
    [InlineData("las sabanas", "L2")]
    [InlineData("la robe bleue", null)]
    [InlineData("combien de temps pour un remboursement", null)]
    public void Lines_NameTheShopsEnglishProductsInFrenchAndSpanish(string text, string? expected)
    {
        OrderItem[] items =
        [
            new("L1", "KN-101", "Merino crew sweater", "knitwear", "M", 1, 98m, false),
            new("L2", "BD-701", "Linen sheet set", "bedding", "Queen", 1, 160m, false),
        ];

        Assert.Equal(expected is null ? null : [expected], ItemReader.Lines(items, text, "Tout"));
    }

    [Theory]
    [InlineData(OrderFlow.Return, "je voudrais l'échanger contre une autre taille", OrderFlow.Exchange)]
    [InlineData(OrderFlow.Return, "quiero cambiarlo por otra talla", OrderFlow.Exchange)]
    [InlineData(OrderFlow.Return, "je veux le renvoyer", OrderFlow.Return)]
    public void Refine_ExchangeWordsInFrenchAndSpanish(string predicted, string text, string expected) => Assert.Equal(expected, OrderDialog.Refine(predicted, text));

    [Theory]
    [InlineData("pouvez-vous annuler ma commande ?", false)]
    [InlineData("comment annuler une commande ?", true)]
    [InlineData("puedes cancelar mi pedido?", false)]
    [InlineData("cómo cancelo un pedido?", true)]
    [InlineData("¿Cómo devuelvo un artículo?", true)]
    [InlineData("¿Cuánto tarda el reembolso?", true)]
    [InlineData("¿puedes cancelar mi pedido?", false)]
    public void RequestOrQuestion_InFrenchAndSpanish(string text, bool asksAboutThePolicy) =>
        Assert.Equal(asksAboutThePolicy, RequestOrQuestion.AsksAboutThePolicy(text));

    [Theory]
    [InlineData("annuler")]
    [InlineData("laisse tomber")]
    [InlineData("cancelar")]
    public void StopWords_InFrenchAndSpanish(string text) => Assert.True(TurnReplies.IsStop(text));
}
