using Microsoft.Extensions.DependencyInjection;
using SupportBot.Storage;
using System.Text.Json;
using SupportBot.Conversation;
using SupportBot.Schema;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Conversation;

[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class ConversationEngineTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private static readonly ChannelAccount Shopper = new("u1", "Sam", "user");

    /// <summary>A message in its own conversation unless one is named: what one test says must not put another's in a flow.</summary>
    private static Activity Message(string text, string? conversation = null, string? clientId = null, string id = "c1|000001") =>
        Activities.Message(text, conversation ?? Activities.NewConversationId("c"), Shopper, id, clientActivityId: clientId);

    private static TurnDecision DecisionOf(IReadOnlyList<Activity> replies) => BotReplies.DecisionOf(replies);

    private static Activity MessageOf(IReadOnlyList<Activity> replies) => Assert.Single(replies, r => r.Type == ActivityTypes.Message);

    [Fact]
    public async Task ConversationUpdate_WithTheShopper_WelcomesAsAVirtualAssistant()
    {
        var replies = await fixture.Engine.HandleAsync(Activities.Joined("welcome", Shopper));

        var welcome = MessageOf(replies);
        Assert.Contains("virtual assistant", welcome.Text, StringComparison.Ordinal);
        Assert.Contains("bot, not a person", welcome.Text, StringComparison.Ordinal);
        Assert.NotEmpty(welcome.SuggestedActions!.Actions);
        Assert.Equal(TurnDecision.Welcome, DecisionOf(replies).Action);
    }

    [Fact]
    public async Task ConversationUpdate_OnlyTheBotJoining_SaysNothing()
    {
        var replies = await fixture.Engine.HandleAsync(Activities.Joined(Activities.NewConversationId("bot"), ConversationEngine.Bot));

        Assert.Empty(replies);
    }

    [Fact]
    public async Task FaqQuestion_IsAnsweredWithItsSource()
    {
        var conversation = Activities.NewConversationId("c");
        var replies = await fixture.Engine.HandleAsync(Message("how long do I have to return something?", conversation));

        var answer = MessageOf(replies);
        Assert.Contains("30 days", answer.Text, StringComparison.Ordinal);
        Assert.Contains("From our help centre: *How long do I have to return something?*", answer.Text, StringComparison.Ordinal);
        Assert.Equal(conversation + "|0000000", answer.ReplyToId);
        Assert.Equal("bot", answer.From!.Role);
        var decision = DecisionOf(replies);
        Assert.Equal(TurnDecision.Answer, decision.Action);
        Assert.Equal("return-window", decision.FaqId);
    }

    [Fact]
    public async Task OneVagueWord_OffersDidYouMeanChoices()
    {
        var replies = await fixture.Engine.HandleAsync(Message("delivery"));

        var reply = MessageOf(replies);
        Assert.Equal(TurnDecision.Clarify, DecisionOf(replies).Action);
        Assert.StartsWith("I want to be sure", reply.Text, StringComparison.Ordinal);
        Assert.Contains(reply.SuggestedActions!.Actions, a => a.Title == "My order is late. What can I do?" && a.Type == CardAction.ImBack);
    }

    [Fact]
    public async Task AClearButMessyQuestion_IsAnsweredFirst_WithTheCloseEntryAfterTheAnswer()
    {
        var replies = await fixture.Engine.HandleAsync(Message("how long does delivery take"));

        var reply = MessageOf(replies);
        Assert.Equal(TurnDecision.Answer, DecisionOf(replies).Action);
        Assert.Equal("order-processing-time", DecisionOf(replies).FaqId);
        Assert.Contains(reply.SuggestedActions!.Actions, a => a.Title == "What shipping options do you offer?" && a.Type == CardAction.ImBack);
    }

    [Theory]
    [InlineData("what's the weather in paris tomorrow")]
    [InlineData("can you do my maths homework")]
    public async Task OutOfScope_IsToldHonestly(string text)
    {
        var replies = await fixture.Engine.HandleAsync(Message(text));

        Assert.Equal(TurnDecision.OutOfScope, DecisionOf(replies).Action);
        Assert.Contains("I can only help with", MessageOf(replies).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hello there", "Hello!")]
    [InlineData("thanks a lot", "You're welcome!")]
    [InlineData("am i talking to a robot?", "not a person")]
    public async Task SmallTalk_GetsAFixedReply(string text, string expected)
    {
        var replies = await fixture.Engine.HandleAsync(Message(text));

        Assert.Equal(TurnDecision.SmallTalk, DecisionOf(replies).Action);
        Assert.Contains(expected, MessageOf(replies).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskingForAPerson_WithNoAgentOnline_OffersToTakeAMessageAndGivesTheStoresContactFromPolicies()
    {
        var replies = await fixture.Engine.HandleAsync(Message("i want to speak to a human please"));

        var decision = DecisionOf(replies);
        Assert.Equal((TurnDecision.Transfer, "requested", "offline"), (decision.Action, decision.Handoff, decision.HandoffState));
        Assert.Contains("help@larkspurandpine.com", MessageOf(replies).Text, StringComparison.Ordinal);
        Assert.Contains("email address", MessageOf(replies).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entities_AreRecordedInTheDecision()
    {
        var replies = await fixture.Engine.HandleAsync(Message("where is order LP20481736? my email is Sam@Example.com"));

        Assert.Contains("OrderNumber:LP20481736", DecisionOf(replies).Entities);
        Assert.Contains("Email:sam@example.com", DecisionOf(replies).Entities);
    }

    [Fact]
    public async Task RetriedMessage_SameClientId_IsAnsweredOnceWithTheSameReplies()
    {
        var conversation = "retry-" + Guid.NewGuid().ToString("N");
        var first = await fixture.Engine.HandleAsync(Message("do you ship to canada", conversation, "abc123"));
        var second = await fixture.Engine.HandleAsync(Message("do you ship to canada", conversation, "abc123"));

        Assert.Equal(first.Select(a => (a.Id, a.Text)), second.Select(a => (a.Id, a.Text)));
        var transcript = await fixture.Services.GetRequiredService<IConversationStore>().ReadAfterAsync(conversation, -1, CancellationToken.None);
        Assert.Single(transcript, s => s.Activity.From?.Role == "user");
    }

    [Fact]
    public async Task ManyMessagesAtOnce_OneConversation_AreAllAnswered()
    {
        var texts = Enumerable.Range(0, 20).Select(i => i % 2 == 0 ? "do you ship to canada" : "hello").ToList();

        var conversation = "busy-" + Guid.NewGuid().ToString("N");

        var results = await Task.WhenAll(texts.Select((t, i) => fixture.Engine.HandleAsync(Message(t, conversation, $"client-{i}"))));

        // Every message answered once, and the turns never interleave: each message is followed by its own replies.
        Assert.Equal(20, results.Select(r => MessageOf(r).ReplyToId).Distinct().Count());
        var transcript = await fixture.Services.GetRequiredService<IConversationStore>().ReadAfterAsync(conversation, -1, CancellationToken.None);
        string? asked = null;
        foreach (var activity in transcript.Select(s => s.Activity))
        {
            if (activity.From?.Role == "user")
            {
                asked = activity.Id;
            }
            else
            {
                Assert.Equal(asked, activity.ReplyToId);
            }
        }

        Assert.Equal(20, transcript.Count(s => s.Activity.From?.Role == "user"));
    }

    [Fact]
    public async Task EmptyMessage_IsAPoliteReply()
    {
        var replies = await fixture.Engine.HandleAsync(Message("   "));

        Assert.Contains("type your question", MessageOf(replies).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Activities_SerializeWithTheBotFrameworkNames()
    {
        var replies = await fixture.Engine.HandleAsync(Message("hello"));

        var json = JsonSerializer.Serialize(MessageOf(replies), ActivityJson.Options);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal("message", root.GetProperty("type").GetString());
        Assert.EndsWith("|0000000", root.GetProperty("replyToId").GetString(), StringComparison.Ordinal);
        Assert.Equal("bot", root.GetProperty("from").GetProperty("role").GetString());
        Assert.Equal("markdown", root.GetProperty("textFormat").GetString());
        Assert.False(root.TryGetProperty("attachments", out _), "nulls are left out");
    }

    [Fact]
    public void Activity_KeepsUnknownFieldsAClientSent()
    {
        var activity = JsonSerializer.Deserialize<Activity>("""{"type":"message","text":"hi","channelData":{"clientActivityID":"x1"},"localTimezone":"UTC"}""", ActivityJson.Options)!;

        Assert.Equal("x1", activity.ClientActivityId);
        Assert.Contains("\"localTimezone\":\"UTC\"", JsonSerializer.Serialize(activity, ActivityJson.Options), StringComparison.Ordinal);
    }
}
