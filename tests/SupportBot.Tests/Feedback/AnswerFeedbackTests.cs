using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Conversation;
using SupportBot.Feedback;
using SupportBot.Insights.Kpis;
using SupportBot.Replies;
using SupportBot.Schema;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Feedback;

/// <summary>Which replies carry the thumbs, how a feedback event is read, and what a vote does to the containment split.</summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class AnswerFeedbackTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(TurnDecision.Answer, null, true)]
    [InlineData(TurnDecision.Answer, "start_return", true)]
    [InlineData(TurnDecision.OrderFlow, null, true)]
    [InlineData(TurnDecision.OrderFlow, "order_status", false)]
    [InlineData(TurnDecision.Clarify, null, false)]
    [InlineData(TurnDecision.SmallTalk, null, false)]
    [InlineData(TurnDecision.NotUnderstood, null, false)]
    [InlineData(TurnDecision.OutOfScope, null, false)]
    [InlineData(TurnDecision.Transfer, null, false)]
    [InlineData(TurnDecision.Welcome, null, false)]
    [InlineData(TurnDecision.WithAgent, null, false)]
    public void OnlyAnAnswerOrAFinishedOrderFlow_InvitesAVote(string action, string? flowAfter, bool invites)
    {
        Assert.Equal(invites, AnswerFeedback.Invites(new TurnDecision(action, null, 0, null, 0, [], []) { Flow = flowAfter }));
    }

    [Fact]
    public void TheRenderer_PutsTheThumbsOnTheAnswerToAStoredMessage_Only()
    {
        var renderer = new TurnRenderer(new FakeTimeProvider(At));
        var stored = Activities.Message("how long do I have to return something?", "c1", Activities.Shopper("u1")) with { Id = "c1|0000004" };
        var answer = Result(TurnDecision.Answer);

        var message = renderer.Render(stored, answer)[0];

        Assert.Equal(AnswerFeedback.EntityFor(4).GetRawText(), Assert.Single(message.Entities!).GetRawText());
        Assert.Null(renderer.Render(stored, Result(TurnDecision.Clarify))[0].Entities);
        Assert.Null(renderer.Render(stored with { Id = null }, answer)[0].Entities);
    }

    [Fact]
    public void AClickAsWebChatSendsIt_ReadsAsAVoteOnTheAnswerToThatMessage()
    {
        var actions = AnswerFeedback.EntityFor(12).GetProperty("potentialAction").EnumerateArray().ToList();
        var answer = new Activity { Entities = [AnswerFeedback.EntityFor(12)] };

        var like = AnswerFeedback.Read(Feedback(actions[0]));
        var dislike = AnswerFeedback.Read(Feedback(actions[1]));

        Assert.Equal(new FeedbackClaim(12, AnswerFeedback.Up, "supportbot:answer-to:12:like"), like);
        Assert.Equal(new FeedbackClaim(12, AnswerFeedback.Down, "supportbot:answer-to:12:dislike"), dislike);
        Assert.True(AnswerFeedback.Offers(answer, like!) && AnswerFeedback.Offers(answer, dislike!));
        Assert.False(AnswerFeedback.Offers(new Activity { Entities = [AnswerFeedback.EntityFor(13)] }, like!));
    }

    [Theory]
    [InlineData("""{"@type":"LikeAction","@id":"supportbot:answer-to:12:dislike"}""")]
    [InlineData("""{"@type":"DislikeAction","@id":"supportbot:answer-to:12:like"}""")]
    [InlineData("""{"@type":"VoteAction","@id":"supportbot:answer-to:12:like"}""")]
    [InlineData("""{"@type":"LikeAction","@id":"supportbot:answer-to:-12:like"}""")]
    [InlineData("""{"@type":"LikeAction","@id":"supportbot:answer-to:+12:like"}""")]
    [InlineData("""{"@type":"LikeAction","@id":"supportbot:answer-to::like"}""")]
    [InlineData("""{"@type":"LikeAction","@id":"supportbot:answer-to:1234567890123456789:like"}""")]
    [InlineData("""{"@type":"LikeAction","@id":"other:answer-to:12:like"}""")]
    [InlineData("""{"@type":"LikeAction","@id":12}""")]
    [InlineData("""{"@type":"LikeAction"}""")]
    [InlineData("\"supportbot:answer-to:12:like\"")]
    public void AnActionNotInTheBotsForm_IsNoVote(string action)
    {
        Assert.Null(AnswerFeedback.Read(Feedback(JsonDocument.Parse(action).RootElement)));
    }

    [Fact]
    public void AnOversizedActionTwoActionsOrAnotherEvent_IsNoVote()
    {
        var like = AnswerFeedback.EntityFor(12).GetProperty("potentialAction")[0];
        var padded = JsonSerializer.SerializeToElement(new Dictionary<string, string>
        {
            ["@type"] = "LikeAction", ["@id"] = "supportbot:answer-to:12:like", ["description"] = new string('x', AnswerFeedback.MaxActionCharacters),
        });

        Assert.Null(AnswerFeedback.Read(Feedback(padded)));
        Assert.Null(AnswerFeedback.Read(Feedback(like) with { Entities = [like, like] }));
        Assert.Null(AnswerFeedback.Read(Feedback(like) with { Name = "webchat/join" }));
        Assert.Null(AnswerFeedback.Read(Feedback(like) with { Type = ActivityTypes.Message }));
    }

    [Theory]
    [InlineData(null, 4L, true, false)]    // thanks after the answer, no vote
    [InlineData("up", null, true, false)]  // a thumbs-up, no thanks
    [InlineData("down", 4L, false, true)]  // thanks, but the latest vote is down: the vote says more
    [InlineData(null, null, false, false)] // nothing said: assumed
    public void TheLatestVote_DecidesConfirmedOrDisputed_BeforeThanks(string? lastVote, long? lastThanks, bool confirmed, bool disputed)
    {
        var row = new ConversationRow("c", At, "u", null, false, 2, lastThanks, At, At, 3) { LastVote = lastVote };

        Assert.Equal((confirmed, disputed), (row.Confirmed, row.Disputed));
        Assert.Equal((false, false), ((row with { HandedOff = true }).Confirmed, (row with { HandedOff = true }).Disputed));
    }

    [Fact]
    public void Containment_IsConfirmedAssumedAndDisputed_AndVotesAreCountedByEntry()
    {
        var period = new KpiPeriod(At, At.AddDays(1), KpiBucket.Day);
        ConversationRow Row(string id, string? vote, bool handedOff = false) => new(id, At.AddHours(1), "u", null, handedOff, 1, null, At, At, 2) { LastVote = vote };
        var rows = new KpiRows([Row("a", "up"), Row("b", "down"), Row("c", null), Row("d", "up", handedOff: true)], [], [], [], [], [], [],
            [new GroupRow("returns-window", "up", 2, 0), new GroupRow("returns-window", "down", 1, 0), new GroupRow("", "down", 1, 0), new GroupRow("gift-cards", "up", 1, 0)]);

        var kpis = KpiCalculator.From(period, rows);

        Assert.Equal(new ContainmentKpi(3, 1, 1, 0.75, 0.25, 1), kpis.Containment);
        Assert.Equal((3, 2, 0.6), (kpis.Feedback.Up, kpis.Feedback.Down, kpis.Feedback.UpShare));
        Assert.Equal([new EntryFeedback("returns-window", 2, 1), new EntryFeedback("gift-cards", 1, 0)], kpis.Feedback.ByFaqEntry);
        Assert.Equal((1, 1, 1), (kpis.Series[0].Confirmed, kpis.Series[0].Assumed, kpis.Series[0].Disputed));
    }

    private static TurnResult Result(string action) =>
        new(ConversationState.FromJson(null), new BotReply("Within 30 days."), new TurnDecision(action, null, 0.9, "returns-window", 0.9, [], []), []);

    private static Activity Feedback(JsonElement action) =>
        new() { Type = ActivityTypes.Event, Name = AnswerFeedback.EventName, Entities = [action.Clone()] };
}
