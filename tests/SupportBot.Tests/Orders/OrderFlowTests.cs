using SupportBot.Conversation;
using SupportBot.Schema;
using SupportBot.Orders;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Orders;

/// <summary>Order status through the engine, against the demo store: nothing is said about an order before the shopper proves it is theirs.</summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class OrderStatusFlowTests(OrderFlowFixture fixture) : IClassFixture<OrderFlowFixture>
{
    private EngineChat Chat(string channel = "test") => new(fixture.Host.Engine, channel);

    [Fact]
    public async Task WhereIsMyOrder_AsksForTheNumberThenTheProof_ThenGivesTheStatus()
    {
        var chat = Chat();

        var ask = await chat.SayAsync("where is my order?");
        Assert.Equal((OrderFlow.Status, OrderDialog.NeedNumber), (ask.Decision.Flow, ask.Decision.Step));
        Assert.Contains("order number", ask.Text, StringComparison.Ordinal);

        var proof = await chat.SayAsync("it's LP10000002");
        Assert.Equal(OrderDialog.NeedProof, proof.Decision.Step);
        Assert.DoesNotContain("UPS", proof.Text, StringComparison.Ordinal);
        Assert.False(proof.Decision.Verified);

        var status = await chat.SayAsync("ana.lima@example.com");
        Assert.True(status.Decision.Verified);
        Assert.Null(status.Decision.Flow);
        Assert.StartsWith("Thanks, Ana! Order **LP10000002** is on its way with UPS", status.Text, StringComparison.Ordinal);
        Assert.Contains("Departed facility", status.Text, StringComparison.Ordinal);
        Assert.Contains("](https://", status.Text, StringComparison.Ordinal);
        Assert.Null(status.Message!.Attachments);
    }

    [Fact]
    public async Task NumberAndZipInOneMessage_OnACardChannel_AnswersWithAHeroCard()
    {
        var status = await Chat("directline").SayAsync("where is LP10000002? zip 97205");

        Assert.True(status.Decision.Verified);
        var card = Assert.Single(status.Message!.Attachments!);
        Assert.Equal(Attachment.HeroCardType, card.ContentType);
        var hero = Assert.IsType<HeroCard>(card.Content);
        Assert.Equal("Order LP10000002: On its way", hero.Title);
        Assert.Equal(CardAction.OpenUrl, Assert.Single(hero.Buttons!).Type);
    }

    [Fact]
    public async Task WrongEmail_AndUnknownNumber_LookTheSame_AndRevealNothing()
    {
        var wrongEmail = await Chat().SayAsync("where is LP10000002 email ben.okafor@example.com");
        var unknown = await Chat().SayAsync("where is LP19999999 email ana.lima@example.com");

        Assert.Equal(wrongEmail.Text, unknown.Text);
        Assert.False(wrongEmail.Decision.Verified);
        foreach (var secret in new[] { "UPS", "Portland", "Ana", "in transit", "delivered" })
        {
            Assert.DoesNotContain(secret, wrongEmail.Text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task ThreeFailedVerifications_HandOffWithTheReason()
    {
        // Not an order the other tests verify by ZIP: these failures count against the order in the shared store too.
        var chat = Chat();
        await chat.SayAsync("where is LP10000003 email a@example.com");
        await chat.SayAsync("LP10000003 b@example.com");

        var third = await chat.SayAsync("LP10000003 c@example.com");

        Assert.Equal((TurnDecision.Transfer, OrderDialog.HandoffVerificationFailed), (third.Decision.Action, third.Decision.Handoff));
        Assert.Equal("3", third.Decision.Slots!["failed_verifications"]);
        var afterwards = await chat.SayAsync("where is LP10000003 ana.lima@example.com");
        Assert.False(afterwards.Decision.Verified);
    }

    [Fact]
    public async Task AnotherCustomersOrder_IsNotShown_ToAVerifiedShopper()
    {
        var chat = Chat();
        await chat.SayAsync("where is LP10000001 ana.lima@example.com");

        var other = await chat.SayAsync("and where is LP10000004?");
        Assert.Equal(OrderDialog.NeedProof, other.Decision.Step);
        var attempt = await chat.SayAsync("ana.lima@example.com");

        Assert.DoesNotContain("weather", attempt.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("couldn't match", attempt.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifiedShopperWithSeveralOrders_PicksOneFromSuggestedActions()
    {
        var chat = Chat();
        await chat.SayAsync("where is LP10000001 ana.lima@example.com");

        var choose = await chat.SayAsync("where is my order?");
        Assert.Equal(OrderDialog.ChooseOrder, choose.Decision.Step);
        Assert.Contains(choose.Actions, a => a.StartsWith("LP10000002", StringComparison.Ordinal));
        Assert.Contains(choose.Actions, a => a.StartsWith("LP10000003", StringComparison.Ordinal));

        var status = await chat.SayAsync("LP10000002");
        Assert.Contains("on its way with UPS", status.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DelayedOrder_Apologises_AndSaysWhatHappensNext()
    {
        var status = await Chat().SayAsync("my order LP10000004 hasn't arrived, zip 10027");

        Assert.StartsWith("Thanks, Ben! I'm sorry: order **LP10000004** is running late.", status.Text, StringComparison.Ordinal);
        Assert.Contains("5 business days", status.Text, StringComparison.Ordinal);
        Assert.Contains("Talk to a person", status.Actions);
    }

    [Fact]
    public async Task LostOrder_OffersAReplacementOrRefund_WhichGoesToAPersonWithTheOrder()
    {
        var chat = Chat();
        var status = await chat.SayAsync("where is LP10000005, postal code M5V 2T6");
        Assert.Contains("has lost order", status.Text, StringComparison.Ordinal);
        Assert.Equal(["Request a replacement or refund", "Talk to a person"], status.Actions);

        var claim = await chat.SayAsync("Request a replacement or refund");

        Assert.Equal(OrderDialog.HandoffLostParcel, claim.Decision.Handoff);
        Assert.Equal("LP10000005", claim.Decision.Slots!["order_number"]);
        Assert.Equal("yes", claim.Decision.Slots["verified"]);
    }

    [Fact]
    public async Task Verification_DoesNotCarryOverToAnotherConversation()
    {
        await Chat().SayAsync("where is LP10000002 ana.lima@example.com");

        var fresh = await Chat().SayAsync("where is LP10000002?");

        Assert.False(fresh.Decision.Verified);
        Assert.Equal(OrderDialog.NeedProof, fresh.Decision.Step);
    }
}
