using SupportBot.Orders;
using SupportBot.Orders.Flows;
using SupportBot.Tests.Support;
using SupportBot.Understanding.Entities;

namespace SupportBot.Tests.Orders;

/// <summary>How the flows read messy messages: exits, questions, order numbers and ZIPs by context, items, sizes and reasons.</summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class SlotAndExitReadingTests
{
    private static readonly EntityExtractor Entities = new(TimeProvider.System);

    [Theory]
    [InlineData("never mind", FlowExit.Stop)]
    [InlineData("ok nvm", FlowExit.Stop)]
    [InlineData("cancel", FlowExit.Stop)]
    [InlineData("cancel the return", FlowExit.Stop)]
    [InlineData("stop", FlowExit.Stop)]
    [InlineData("forget it, found it", FlowExit.Stop)]
    [InlineData("actually never mind, i'll just keep it", FlowExit.Keep)]
    [InlineData("I'll keep it", FlowExit.Keep)]
    [InlineData("start over", FlowExit.Restart)]
    [InlineData("ugh start over", FlowExit.Restart)]
    [InlineData("can we start again", FlowExit.Restart)]
    [InlineData("cancel my order LP10000006", FlowExit.None)]
    [InlineData("the sweater", FlowExit.None)]
    [InlineData("wait, how long do refunds take?", FlowExit.None)]
    internal void ExitOf_ReadsHowShoppersLeave(string text, FlowExit expected) => Assert.Equal(expected, Digressions.ExitOf(text));

    [Theory]
    [InlineData("wait, how long do refunds take", true)]
    [InlineData("oh and do you ship to canada", true)]
    [InlineData("too small", false)]
    [InlineData("it doesn't fit", false)]
    public void IsQuestion_SeesThroughFillers(string text, bool expected) => Assert.Equal(expected, Digressions.IsQuestion(text));

    [Theory]
    [InlineData("LP-10000002", "LP10000002")]
    [InlineData("#10000002", "LP10000002")]
    [InlineData("order no. 10000002", "LP10000002")]
    [InlineData("order 10000002", "LP10000002")]
    [InlineData("lp 1000 0002", "LP10000002")]
    public void OrderNumbers_InTheCommonFormats_AreRecognised(string text, string expected) =>
        Assert.Equal(expected, Assert.Single(Entities.Extract(text), e => e.Kind == EntityKind.OrderNumber).Value);

    [Fact]
    public void BareDigits_AreAnOrderNumberOrAZip_OnlyWhenTheFlowAsksForOne()
    {
        var asking = new OrderSession { Flow = OrderFlow.Status, Step = OrderDialog.NeedNumber };
        var proving = new OrderSession { Flow = OrderFlow.Status, Step = OrderDialog.NeedProof, OrderNumber = "LP10000002" };
        var confirming = new OrderSession { Flow = OrderFlow.Cancel, Step = OrderDialog.Confirm, OrderNumber = "LP10000006" };

        Assert.Equal("LP10000002", SlotReader.NumberIn(asking, Input("10000002")));
        Assert.Equal("97205", SlotReader.ProofIn(proving, Input("its 97205")));
        Assert.Null(SlotReader.ProofIn(confirming, Input("its 97205")));
        Assert.Null(SlotReader.NumberIn(confirming, Input("10000002")));
        Assert.Null(SlotReader.ProofIn(proving, Input("it cost $97205")));
    }

    [Fact]
    public void Absorb_KeepsAProofGivenBeforeTheNumber()
    {
        var session = new OrderSession { Flow = OrderFlow.Status, Step = OrderDialog.NeedNumber };

        var taken = SlotReader.Absorb(session, Input("my zip code is 97205"));

        Assert.Equal((null, "97205"), (taken.Number, taken.Proof));
        Assert.Equal(("97205", null), (session.Proof, session.OrderNumber));
    }

    [Theory]
    [InlineData("a bigger size", "M", "L")]
    [InlineData("one size smaller pls", "M", "S")]
    [InlineData("the m is too tight, can i get a large", "M", "L")]
    [InlineData("size 9", "8.5", "9")]
    [InlineData("bigger", "8.5", "9")]
    [InlineData("in navy", "M", "navy")]
    [InlineData("XL", "M", "XL")]
    [InlineData("the sweater", "M", null)]
    public void Size_ReadsAbsoluteAndRelativeSizes(string text, string current, string? expected) => Assert.Equal(expected, ItemReader.Size(text, current));

    [Fact]
    public void Lines_MatchAnItemByOneWordOfItsName()
    {
        OrderItem[] items =
        [
            new("L1", "KN-101", "Merino crew sweater", "knitwear", "M", 1, 98m, false),
            new("L2", "BD-701", "Linen sheet set", "bedding", "Queen", 1, 160m, false),
        ];

        Assert.Equal(["L1"], ItemReader.Lines(items, "the sweater", "All of them"));
        Assert.Equal(["L2"], ItemReader.Lines(items, "sheets", "All of them"));
        Assert.Equal(["L1", "L2"], ItemReader.Lines(items, "both of them", "All of them"));
        Assert.Null(ItemReader.Lines(items, "how long do refunds take", "All of them"));
    }

    [Theory]
    [InlineData("its too tight", "reasons.too_small")]
    [InlineData("arrived with a hole in it", "reasons.damaged")]
    [InlineData("changed my mind tbh", "reasons.changed_mind")]
    [InlineData("hello", null)]
    public void ReasonKey_ReadsShoppersWords(string text, string? expected) => Assert.Equal(expected, ItemReader.ReasonKey(text));

    [Theory]
    [InlineData(null, "can i swap it for a bigger size", OrderFlow.Exchange)]
    [InlineData(OrderFlow.Return, "i want to exchange the jeans", OrderFlow.Exchange)]
    [InlineData(OrderFlow.Return, "i want to return the jeans", OrderFlow.Return)]
    [InlineData(OrderFlow.Cancel, "cancel and swap", OrderFlow.Cancel)]
    public void Refine_AnExchangeIsNeverAReturn(string? predicted, string text, string expected) => Assert.Equal(expected, OrderDialog.Refine(predicted, text));

    private static DialogInput Input(string text) => new(text, null, Entities.Extract(text), RepoWords.Orders.Policies);
}
