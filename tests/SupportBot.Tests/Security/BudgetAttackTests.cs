using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using SupportBot.Tests.DirectLine;
using SupportBot.Tests.Handoff;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Security;

/// <summary>
/// Issue 14, budgets for every input: each attack as a stranger on the internet makes it, over HTTP against the
/// real host on 127.0.0.1, with the shipped limits (the test host turns the per-client ones off unless a test sets them).
/// </summary>
[Trait(TestCategories.Key, TestCategories.Security)]
public sealed class BudgetAttackTests
{
    private const string Secret = "budget-attack-tests-secret-0123456789abcdef";
    private const string ReadOnlyTheStart = "read only its beginning";

    /// <summary>A shopper's ordinary turns and a fragment of each right answer.</summary>
    internal static readonly (string Question, string Expected)[] NormalTurns =
    [
        ("how long do I have to return something?", "30 days"),
        ("do you ship to canada", "Canad"),
        ("thanks", "You're welcome"),
    ];

    private static Task<RunningServer> StartAsync(params string[] settings) =>
        RunningServer.StartAsync(["--DirectLine:Secret", Secret, "--Knowledge:WatchForChanges", "false", .. settings]);

    private static Task<DirectLineClient> ConversationAsync(RunningServer server) => DirectLineClient.StartedAsync(server.Client, Secret);

    /// <summary>The bot's message answering a post (replies are committed before the post is answered).</summary>
    private static async Task<string> ReplyToAsync(DirectLineClient client, string postId)
    {
        var (activities, _) = await client.PollAsync();
        var reply = activities.Single(a => a.GetProperty("type").GetString() == "message"
            && a.TryGetProperty("replyToId", out var to) && to.GetString() == postId);
        return reply.GetProperty("text").GetString()!;
    }

    private static async Task<string> AskAsync(DirectLineClient client, string text) => await ReplyToAsync(client, await client.PostOkAsync(text));

    [Fact]
    public async Task RandomWords240KB_AreAnsweredPolitely_WhileAnotherConversationIsAnsweredCorrectly()
    {
        await using var server = await StartAsync();
        var attacker = await ConversationAsync(server);
        var shopper = await ConversationAsync(server);
        var random = new Random(14_04);
        var words = new StringBuilder("how long do I have to return something? ");
        while (words.Length < 240 * 1024)
        {
            words.Append(RandomWord(random, random.Next(4, 11))).Append(' ');
        }

        var attack = AskAsync(attacker, words.ToString());
        var answers = new List<(string Expected, string Reply)>();
        foreach (var (question, expected) in NormalTurns)
        {
            answers.Add((expected, await AskAsync(shopper, question)));
        }

        var reply = await attack;
        Assert.Contains(ReadOnlyTheStart, reply, StringComparison.Ordinal);
        Assert.All(answers, a => Assert.Contains(a.Expected, a.Reply, StringComparison.Ordinal));
        Assert.All(answers, a => Assert.DoesNotContain(ReadOnlyTheStart, a.Reply, StringComparison.Ordinal));
    }

    [Fact]
    public async Task FifteenHundredNearMisspellingsOfFaqWords_Are200AndAReply_NotA500()
    {
        await using var server = await StartAsync();
        var client = await ConversationAsync(server);
        var message = string.Join(' ', NearMisspellings(FaqWords(), 1_500, new Random(1_500)));
        Assert.InRange(message.Length, 10_000, 20_000);

        using var response = await client.PostAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.Contains(ReadOnlyTheStart, await ReplyToAsync(client, id), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiveMegabytes_ToApiMessages_Is413ProblemDetails()
    {
        // The Emulator's set-up (no token checks) is the one where a stranger's body is read at all: the limit must hold there.
        await using var server = await StartAsync(BotConnector.BotConnectorTests.Emulator);
        var body = JsonSerializer.Serialize(new
        {
            type = "message",
            text = new string('a', 5 * 1024 * 1024),
            serviceUrl = "http://127.0.0.1:9/",
            channelId = "emulator",
            conversation = new { id = "conv-big" },
            from = new { id = "user-1" },
        });

        // "Expect: 100-continue" lets the server refuse before the client writes 5 MB into a connection it is closing;
        // the client waits for that answer however busy the machine (by default it sends the body after one second).
        using var client = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromMinutes(1) }) { BaseAddress = server.Client.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.ExpectContinue = true;

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/agent/api/session")]
    [InlineData("/v3/directline/tokens/generate")]
    public async Task HundredKilobytes_ToASmallEndpoint_Is413ProblemDetails(string path)
    {
        await using var server = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(JsonSerializer.Serialize(new { user = new { id = new string('u', 100 * 1024) } }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", Secret);
        request.Headers.ExpectContinue = true;

        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ManyStreamsOnOneToken_BeyondTheCap_TheOldestIsClosed_AndTheNewestStillDelivers()
    {
        await using var server = await StartAsync("--Limits:StreamsPerConversation", "4");
        var client = await ConversationAsync(server);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var sockets = new List<ClientWebSocket>();
        try
        {
            for (var i = 0; i < 5; i++)
            {
                var socket = new ClientWebSocket();
                sockets.Add(socket);
                await socket.ConnectAsync(new Uri(client.StreamUrl!), timeout.Token);
                await ReceiveFrameAsync(socket, timeout.Token); // the backlog: the server has subscribed this stream
            }

            var closed = await ReceiveFrameAsync(sockets[0], timeout.Token);
            Assert.Equal(WebSocketMessageType.Close, closed.Type);
            Assert.Equal(WebSocketCloseStatus.PolicyViolation, sockets[0].CloseStatus);
            Assert.All(sockets.Skip(1), s => Assert.Equal(WebSocketState.Open, s.State));

            var id = await client.PostOkAsync("do you ship to canada");
            string frames = "";
            while (!frames.Contains($"\"replyToId\":\"{id}\"", StringComparison.Ordinal))
            {
                frames += (await ReceiveFrameAsync(sockets[^1], timeout.Token)).Text;
            }
        }
        finally
        {
            sockets.ForEach(s => s.Dispose());
        }
    }

    [Fact]
    public async Task BurstOfMessagesInOneConversation_Is429WithRetryAfter()
    {
        await using var server = await StartAsync("--Limits:MessagesPerMinutePerConversation", "5", "--Limits:MessagesPerMinutePerClient", "0");
        var client = await ConversationAsync(server);
        for (var i = 0; i < 5; i++)
        {
            await client.PostOkAsync("hello");
        }

        using var refused = await client.PostAsync("hello");
        var other = await ConversationAsync(server);
        using var otherConversation = await other.PostAsync("hello");

        AssertTooManyRequests(refused);
        Assert.Equal(HttpStatusCode.OK, otherConversation.StatusCode);
    }

    [Fact]
    public async Task BurstOfMessagesOverManyConversationsFromOneClient_Is429WithRetryAfter()
    {
        await using var server = await StartAsync("--Limits:MessagesPerMinutePerClient", "6", "--Limits:MessagesPerMinutePerConversation", "0");
        for (var i = 0; i < 3; i++)
        {
            var client = await ConversationAsync(server);
            await client.PostOkAsync("hello");
            await client.PostOkAsync("thanks");
        }

        var another = await ConversationAsync(server);
        using var refused = await another.PostAsync("hello");

        AssertTooManyRequests(refused);
    }

    [Fact]
    public async Task ManyHandoffRequestsFromOneClient_OnlyTheBudgetReachesTheQueue()
    {
        await using var server = await StartAsync(["--Limits:HandoffsPerHourPerClient", "5", "--Handoff:RequireAgentOnline", "false", .. HandoffFixture.AlwaysOpen]);
        var replies = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            replies.Add(await AskAsync(await ConversationAsync(server), "talk to a person"));
        }

        Assert.All(replies.Take(5), r => Assert.Contains("in the queue", r, StringComparison.Ordinal));
        Assert.All(replies.Skip(5), r => Assert.Contains("can't open another one right now", r, StringComparison.Ordinal));
    }

    private static void AssertTooManyRequests(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var retryAfter = Assert.Single(response.Headers.GetValues("Retry-After"));
        Assert.InRange(int.Parse(retryAfter, System.Globalization.CultureInfo.InvariantCulture), 1, 60);
    }

    private static string RandomWord(Random random, int length)
    {
        var word = new char[length];
        for (var i = 0; i < length; i++)
        {
            word[i] = (char)('a' + random.Next(26));
        }

        return new string(word);
    }

    /// <summary>The words of the shipped FAQ answers and questions, six letters or more.</summary>
    internal static List<string> FaqWords() =>
        Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "knowledge", "faq"), "*.md", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadAllText(f).Split((char[])[' ', '\n', '\r', '\t', '.', ',', '?', '!', ':', ';', '(', ')', '"', '*', '[', ']', '/'], StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.Length >= 6 && w.All(char.IsAsciiLetterLower))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Distinct words one letter away from a FAQ word (one letter in the middle replaced).</summary>
    internal static List<string> NearMisspellings(List<string> words, int count, Random random)
    {
        var known = words.ToHashSet(StringComparer.Ordinal);
        var found = new HashSet<string>(StringComparer.Ordinal);
        while (found.Count < count)
        {
            var word = words[random.Next(words.Count)].ToCharArray();
            word[1 + random.Next(word.Length - 2)] = (char)('a' + random.Next(26));
            var misspelt = new string(word);
            if (!known.Contains(misspelt))
            {
                found.Add(misspelt);
            }
        }

        return [.. found];
    }

    private static async Task<(WebSocketMessageType Type, string Text)> ReceiveFrameAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 20];
        while (true)
        {
            var total = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer.AsMemory(total), cancellationToken);
                total += result.Count;
            }
            while (!result.EndOfMessage);

            if (result.MessageType == WebSocketMessageType.Close || total > 0)
            {
                return (result.MessageType, Encoding.UTF8.GetString(buffer, 0, total));
            }
        }
    }
}
