using SupportBot.Conversation;
using SupportBot.Handoff;
using SupportBot.Schema;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Handoff;

/// <summary>
/// Each reason the bot hands a conversation to a person, and what must not: through the real engine (intent model,
/// knowledge, order flows) with an agent online, so every handoff lands in the queue.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class HandoffTriggerTests(HandoffFixture fixture) : IClassFixture<HandoffFixture>
{
    [Theory]
    [InlineData("I want to talk to a human")]
    [InlineData("agent please")]
    [InlineData("Talk to a person")]
    public async Task ExplicitRequest_IsQueuedWithItsReasonAndSignals(string text)
    {
        using var online = fixture.AgentOnline();
        var chat = fixture.Chat();

        var turn = await chat.SayAsync(text);

        Assert.Equal((TurnDecision.Transfer, HandoffReasons.Requested, "queued"), (turn.Decision.Action, turn.Decision.Handoff, turn.Decision.HandoffState));
        Assert.Equal("yes", turn.Decision.HandoffSignals!["asked"]);
        Assert.Contains("connecting you with a member of our support team", turn.Text, StringComparison.Ordinal);
        Assert.Contains("I can't estimate the wait yet", turn.Text, StringComparison.Ordinal);
        Assert.Equal(HandoffStatus.Queued, (await fixture.Line.OpenForAsync(chat.Conversation, default))!.Status);
        await LeaveAsync(chat);
    }

    [Fact]
    public async Task SensitiveIntent_HandsOffAtOnce()
    {
        using var online = fixture.AgentOnline();
        var chat = fixture.Chat();

        var turn = await chat.SayAsync("I want to raise a formal complaint about how I was treated");

        Assert.Equal(HandoffReasons.Sensitive, turn.Decision.Handoff);
        Assert.Equal("complaint", turn.Decision.HandoffSignals!["sensitive_intent"]);
        Assert.StartsWith("This is something a person from our team should handle.", turn.Text, StringComparison.Ordinal);
        await LeaveAsync(chat);
    }

    [Theory]
    [InlineData("someone used my card to buy things on your site without my permission", "fraud")]
    [InlineData("I've filed a chargeback with my bank for order LP10000002", "chargeback")]
    [InlineData("my lawyer will be in touch about this", "legal")]
    public async Task OtherSensitiveIntents_HandOffAtOnce_EvenWithAnOrderNumber(string text, string intent)
    {
        using var online = fixture.AgentOnline();
        var chat = fixture.Chat();

        var turn = await chat.SayAsync(text);

        Assert.Equal((HandoffReasons.Sensitive, intent), (turn.Decision.Handoff, turn.Decision.HandoffSignals!["sensitive_intent"]));
        Assert.Equal(15, (await fixture.Line.OpenForAsync(chat.Conversation, default))!.Priority);
        await LeaveAsync(chat);
    }

    [Fact]
    public async Task Frustration_HandsOffWithTheSignalsThatRaisedIt()
    {
        using var online = fixture.AgentOnline();
        var chat = fixture.Chat();

        var turn = await chat.SayAsync("WHERE IS MY PARCEL??? useless bot");

        Assert.Equal(HandoffReasons.Frustration, turn.Decision.Handoff);
        Assert.Contains("shouting", turn.Decision.HandoffSignals!["frustration_signals"], StringComparison.Ordinal);
        Assert.StartsWith("I'm sorry this has been frustrating.", turn.Text, StringComparison.Ordinal);
        await LeaveAsync(chat);
    }

    [Fact]
    public async Task AskingTheSameQuestionAgain_AfterABadAnswer_CountsTowardsFrustration()
    {
        using var online = fixture.AgentOnline();
        var chat = fixture.Chat();

        var first = await chat.SayAsync("why has my refund still not arrived");
        var again = await chat.SayAsync("why has my refund still not arrived???");

        Assert.Null(first.Decision.Handoff);
        Assert.Contains("repeated_question", again.Decision.HandoffSignals?.GetValueOrDefault("frustration_signals") ?? "", StringComparison.Ordinal);
        await LeaveAsync(chat);
    }

    [Fact]
    public async Task PressingADidYouMeanButton_ThatRepeatsAnEarlierQuestion_IsNotFrustration()
    {
        var chat = fixture.Chat();

        await chat.SayAsync("how much does shipping cost?");
        var clarify = await chat.SayAsync("delivery");
        var pressed = await chat.SayAsync("How much does shipping cost?");

        Assert.Contains("How much does shipping cost?", clarify.Actions);
        Assert.Equal(TurnDecision.Answer, pressed.Decision.Action);
        Assert.Null(pressed.Decision.Handoff);
    }

    [Fact]
    public async Task TwoFallbacksInARow_HandOff_OneDoesNot()
    {
        using var online = fixture.AgentOnline();
        var chat = fixture.Chat();

        var first = await chat.SayAsync("blorp the flurb zindle");

        // Words only, gibberish is not understood; with sentence vectors the intent model calls it out of scope. Both are fallbacks.
        Assert.Contains(first.Decision.Action, new[] { TurnDecision.NotUnderstood, TurnDecision.OutOfScope });
        Assert.Null(first.Decision.Handoff);
        Assert.Contains("Talk to a person", first.Actions);

        var second = await chat.SayAsync("wibble grommet snorkfest");
        Assert.Equal(HandoffReasons.RepeatedFallback, second.Decision.Handoff);
        Assert.Equal("2", second.Decision.HandoffSignals!["fallbacks"]);
        await LeaveAsync(chat);
    }

    [Fact]
    public async Task AnAnswerBetweenFallbacks_ResetsTheCount()
    {
        var chat = fixture.Chat();

        await chat.SayAsync("blorp the flurb zindle");
        var answer = await chat.SayAsync("how long do I have to return something?");
        var again = await chat.SayAsync("wibble grommet snorkfest");

        Assert.Equal(TurnDecision.Answer, answer.Decision.Action);
        Assert.Null(again.Decision.Handoff);
    }

    [Theory]
    [InlineData("how long do I have to return something?")]
    [InlineData("do you ship to canada")]
    [InlineData("hello")]
    [InlineData("thanks!")]
    public async Task ConfidentAnswersAndSmallTalk_DoNotHandOff(string text)
    {
        var chat = fixture.Chat();

        var turn = await chat.SayAsync(text);

        Assert.Null(turn.Decision.Handoff);
        Assert.Null((await fixture.Line.OpenForAsync(chat.Conversation, default)));
        Assert.Equal("bot", turn.Speaker);
    }

    [Fact]
    public async Task FailedVerification_HandsOffWithTheOrderCollected()
    {
        using var online = fixture.AgentOnline();
        var chat = fixture.Chat();

        await chat.SayAsync("where is my order LP10000002");
        await chat.SayAsync("wrong1@example.com");
        await chat.SayAsync("LP10000002 wrong2@example.com");
        var third = await chat.SayAsync("LP10000002 wrong3@example.com");

        Assert.Equal(HandoffReasons.VerificationFailed, third.Decision.Handoff);
        Assert.Equal("LP10000002", third.Decision.Slots!["order_number"]);
        Assert.Equal("no", third.Decision.Slots["verified"]);
        var ticket = (await fixture.Line.OpenForAsync(chat.Conversation, default))!;
        Assert.Contains("Order LP10000002 (not verified)", ticket.Summary, StringComparison.Ordinal);
        Assert.Equal(5, ticket.Priority);
        await LeaveAsync(chat);
    }

    [Fact]
    public async Task AWorkflowThatCannotFinish_LostParcelClaim_HandsOffVerified()
    {
        using var online = fixture.AgentOnline();
        var chat = fixture.Chat();

        await chat.SayAsync("where is my order LP10000005");
        var status = await chat.SayAsync("M5V 2T6");
        var choice = status.Actions.First(a => a.Contains("replacement", StringComparison.OrdinalIgnoreCase) || a.Contains("refund", StringComparison.OrdinalIgnoreCase));
        var claim = await chat.SayAsync(choice);

        Assert.Equal(HandoffReasons.LostParcelClaim, claim.Decision.Handoff);
        Assert.Equal("yes", claim.Decision.Slots!["verified"]);
        Assert.Contains("(verified", (await fixture.Line.OpenForAsync(chat.Conversation, default))!.Summary, StringComparison.Ordinal);
        await LeaveAsync(chat);
    }

    private static async Task LeaveAsync(EngineChat chat) => Assert.Equal(TurnDecision.LeftQueue, (await chat.SayAsync("cancel")).Decision.Action);
}
