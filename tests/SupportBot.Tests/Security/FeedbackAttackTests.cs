using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Storage;
using SupportBot.Tests.DirectLine;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Security;

/// <summary>
/// The thumbs' feedback event sent by a stranger over Direct Line: a vote on another conversation's answer, made-up,
/// altered and oversized actions, and a burst of clicks. None gets a reply, none counts but a true vote on the
/// conversation's own answer, and the conversation carries on.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Security)]
public sealed class FeedbackAttackTests
{
    private const string Secret = "feedback-attack-tests-secret-0123456789abcdef";

    [Fact]
    public async Task AVoteOnAnotherConversationsAnswer_CountsNowhere()
    {
        await using var server = await StartAsync();
        var owner = await DirectLineClient.StartedAsync(server.Client, Secret);
        var stranger = await DirectLineClient.StartedAsync(server.Client, Secret, "someone-else");
        var like = await AnswerActionsAsync(owner, "how long do I have to return something?");

        // The stranger's token is for their own conversation: the action means nothing there, and the owner's is closed to them.
        using var intoOwn = await stranger.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{stranger.ConversationId}/activities", Feedback(like[0]));
        using var intoOwners = await stranger.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{owner.ConversationId}/activities", Feedback(like[0]));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Forbidden), (intoOwn.StatusCode, intoOwners.StatusCode));
        Assert.Empty(await VotesAsync(server, owner, stranger));
        Assert.DoesNotContain((await stranger.PollAsync()).Activities, IsBotMessageAfterWelcome);

        using var ownersVote = await owner.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{owner.ConversationId}/activities", Feedback(like[0]));
        Assert.Equal([(owner.ConversationId!, "up")], await VotesAsync(server, owner, stranger));
    }

    [Fact]
    public async Task MadeUpAlteredOrOversizedFeedback_IsIgnored_WithoutAReply()
    {
        await using var server = await StartAsync();
        var shopper = await DirectLineClient.StartedAsync(server.Client, Secret);
        var actions = await AnswerActionsAsync(shopper, "how long do I have to return something?");
        var answered = actions[0].GetProperty("@id").GetString()!.Split(':')[2];
        var repliesBefore = (await shopper.PollAsync()).Activities.Count(IsBotMessage);

        object[] forged =
        [
            Feedback(new Dictionary<string, string> { ["@type"] = "LikeAction", ["@id"] = "supportbot:answer-to:0:like" }),              // the welcome's turn
            Feedback(new Dictionary<string, string> { ["@type"] = "LikeAction", ["@id"] = $"supportbot:answer-to:{answered}:dislike" }), // type and id disagree
            Feedback(new Dictionary<string, string> { ["@type"] = "LikeAction", ["@id"] = "supportbot:answer-to:-1:like" }),
            Feedback(new Dictionary<string, string> { ["@type"] = "LikeAction", ["@id"] = "supportbot:answer-to:99999999999999999999:like" }),
            Feedback(new Dictionary<string, string> { ["@type"] = "LikeAction", ["@id"] = $"supportbot:answer-to:{long.Parse(answered, System.Globalization.CultureInfo.InvariantCulture) + 1}:like" }),
            Feedback(new Dictionary<string, string> { ["@type"] = "LikeAction", ["@id"] = $"other:answer-to:{answered}:like" }),
            Feedback(new Dictionary<string, string> { ["@type"] = "VoteAction", ["@id"] = $"supportbot:answer-to:{answered}:like" }),
            Feedback(new Dictionary<string, string> { ["@type"] = "LikeAction", ["@id"] = $"supportbot:answer-to:{answered}:like", ["padding"] = new string('x', 600) }),
            new { type = "event", name = "webchat:activity-status/feedback", entities = new object[] { actions[0], actions[1] } },
            new { type = "event", name = "webchat:activity-status/feedback", entities = new object[] { "supportbot:answer-to:1:like" } },
            new { type = "event", name = "webchat:activity-status/feedback" },
            new { type = "message", name = "webchat:activity-status/feedback", entities = new object[] { actions[0] } },
        ];
        foreach (var body in forged)
        {
            using var response = await shopper.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{shopper.ConversationId}/activities", body);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Empty(await VotesAsync(server, shopper));
        var after = (await shopper.PollAsync()).Activities;
        // The message-typed one is a message like any other and is answered; the events get no reply at all.
        Assert.Equal(repliesBefore + 1, after.Count(IsBotMessage));
        Assert.Equal(HttpStatusCode.OK, (await shopper.PostAsync("how much does shipping cost?")).StatusCode);
    }

    [Fact]
    public async Task ABurstOfClicks_MeetsTheMessageBudget_AndLeavesOneVote()
    {
        await using var server = await StartAsync("--Limits:MessagesPerMinutePerConversation", "6", "--Limits:MessagesPerMinutePerClient", "0");
        var shopper = await DirectLineClient.StartedAsync(server.Client, Secret);
        var actions = await AnswerActionsAsync(shopper, "how long do I have to return something?");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            using var response = await shopper.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{shopper.ConversationId}/activities", Feedback(actions[i % 2]));
            statuses.Add(response.StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        var accepted = statuses.Count(s => s == HttpStatusCode.OK);
        Assert.Equal([(shopper.ConversationId!, accepted % 2 == 1 ? "up" : "down")], await VotesAsync(server, shopper));
        Assert.Single((await shopper.PollAsync()).Activities, IsBotMessageAfterWelcome);
    }

    private static Task<RunningServer> StartAsync(params string[] settings) =>
        RunningServer.StartAsync(["--DirectLine:Secret", Secret, "--Knowledge:WatchForChanges", "false", .. settings]);

    private static object Feedback(object action) => new { type = "event", name = "webchat:activity-status/feedback", entities = new[] { action } };

    /// <summary>Asks a question and returns the thumbs (like, dislike) its answer carries.</summary>
    private static async Task<JsonElement[]> AnswerActionsAsync(DirectLineClient shopper, string question)
    {
        await shopper.PostOkAsync(question);
        var answer = (await shopper.PollAsync()).Activities.Last(IsBotMessage);
        return [.. answer.GetProperty("entities")[0].GetProperty("potentialAction").EnumerateArray()];
    }

    private static bool IsBotMessage(JsonElement activity) =>
        activity.GetProperty("type").GetString() == "message" && activity.GetProperty("from").GetProperty("role").GetString() == "bot";

    private static bool IsBotMessageAfterWelcome(JsonElement activity) => IsBotMessage(activity) && activity.TryGetProperty("replyToId", out _);

    /// <summary>The votes stored in these clients' conversations (other tests share the store).</summary>
    private static async Task<List<(string Conversation, string Vote)>> VotesAsync(RunningServer server, params DirectLineClient[] clients)
    {
        await using var connection = await server.Services.GetRequiredService<Database>().OpenAsync(default);
        var votes = new List<(string, string)>();
        foreach (var client in clients)
        {
            await using var command = connection.Command("SELECT conversation_id, vote FROM answer_feedback WHERE conversation_id = @id").With("id", client.ConversationId);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                votes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        return votes;
    }
}
