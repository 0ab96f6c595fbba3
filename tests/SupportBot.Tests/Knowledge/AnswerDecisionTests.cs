using SupportBot.Knowledge;
using SupportBot.Knowledge.Search;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Knowledge;

[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class AnswerDecisionTests
{
    private static readonly SearchOptions Defaults = new();

    private static KnowledgeHit Hit(string id, double confidence, bool heldBack = false) =>
        new(SharedEmbeddings.Shipped.Entries.Single(e => e.Id == id), 1, confidence, []) { HeldBack = heldBack };

    private static AnswerDecision Decide(params KnowledgeHit[] hits) => AnswerDecision.Of(new KnowledgeAnswer("q", hits, []), Defaults);

    [Fact]
    public void OverTheBar_ARunnerUpClose_AnswersAndOffersItAfter()
    {
        var decision = Decide(Hit("order-processing-time", 0.76), Hit("shipping-options", 0.70), Hit("shipping-to-canada", 0.66));

        Assert.Equal(AnswerKind.Direct, decision.Kind);
        Assert.Equal(["shipping-options"], decision.Alternatives.Select(h => h.Entry.Id));
    }

    [Fact]
    public void AGenuineTieAtTheTop_AsksWhichOne()
    {
        var decision = Decide(Hit("order-processing-time", 0.60), Hit("shipping-options", 0.595));

        Assert.Equal(AnswerKind.Clarify, decision.Kind);
        Assert.Equal(["order-processing-time", "shipping-options"], decision.Alternatives.Select(h => h.Entry.Id));
    }

    [Theory]
    [InlineData(0.42, 0.30, AnswerKind.Direct)]
    [InlineData(0.42, 0.36, AnswerKind.Clarify)]
    [InlineData(0.38, 0.10, AnswerKind.Clarify)]
    [InlineData(0.20, 0.05, AnswerKind.Fallback)]
    internal void UnderTheBar_OnlyAClearLeadIsAnswered(double best, double runnerUp, AnswerKind expected)
    {
        Assert.Equal(expected, Decide(Hit("return-window", best), Hit("exchange-size", runnerUp)).Kind);
    }

    [Fact]
    public void HeldBackAsOutOfScope_IsNeverAnsweredOnItsLead()
    {
        Assert.Equal(AnswerKind.Clarify, Decide(Hit("track-order", 0.44, heldBack: true), Hit("shipping-options", 0.1)).Kind);
    }

    [Fact]
    public void NoHits_FallsBack()
    {
        Assert.Equal(AnswerKind.Fallback, Decide().Kind);
    }
}
