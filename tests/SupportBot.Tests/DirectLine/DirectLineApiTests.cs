using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.DirectLine;

/// <summary>Direct Line 3.0 against the real host on 127.0.0.1, as DirectLineJS drives it.</summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class DirectLineApiTests
{
    private const string Secret = "test-secret-0123456789-abcdef-0123456789";

    private static Task<RunningServer> StartAsync(params string[] settings) =>
        RunningServer.StartAsync(["--DirectLine:Secret", Secret, .. settings]);

    private static string Text(JsonElement activity) => activity.TryGetProperty("text", out var t) ? t.GetString() ?? "" : "";

    private static List<JsonElement> Messages(IEnumerable<JsonElement> activities) =>
        activities.Where(a => a.GetProperty("type").GetString() == "message").ToList();

    [Fact]
    public async Task Start_WithTheSecret_Creates201WithTokenStreamUrlAndAWelcome()
    {
        await using var server = await StartAsync();
        var client = new DirectLineClient(server.Client, Secret);

        using var response = await client.StartAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.StartsWith($"ws://{server.Address.Authority}/v3/directline/conversations/{client.ConversationId}/stream?t=", client.StreamUrl, StringComparison.Ordinal);
        var (activities, watermark) = await client.PollAsync();
        var welcome = Assert.Single(Messages(activities));
        Assert.Contains("virtual assistant", Text(welcome), StringComparison.Ordinal);
        Assert.Equal("bot", welcome.GetProperty("from").GetProperty("role").GetString());
        Assert.NotNull(watermark);
    }

    [Fact]
    public async Task Post_EchoesTheActivityAndRepliesWithReplyToId_ThenPollingIsEmpty()
    {
        await using var server = await StartAsync();
        var client = new DirectLineClient(server.Client, Secret);
        await client.StartAsync();
        var (_, afterWelcome) = await client.PollAsync();

        var id = await client.PostOkAsync("how long do I have to return something?", "client-1");

        var (activities, watermark) = await client.PollAsync(afterWelcome);
        var messages = Messages(activities);
        Assert.Equal(2, messages.Count);
        var echo = messages[0];
        Assert.Equal(id, echo.GetProperty("id").GetString());
        Assert.Equal("client-1", echo.GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.Equal("u1", echo.GetProperty("from").GetProperty("id").GetString());
        var reply = messages[1];
        Assert.Equal(id, reply.GetProperty("replyToId").GetString());
        Assert.Contains("30 days", Text(reply), StringComparison.Ordinal);
        Assert.True(reply.GetProperty("timestamp").GetDateTimeOffset() >= echo.GetProperty("timestamp").GetDateTimeOffset());

        var (nothing, same) = await client.PollAsync(watermark);
        Assert.Empty(nothing);
        Assert.Equal(watermark, same);
    }

    [Fact]
    public async Task Post_RetriedWithTheSameClientId_IsProcessedOnce()
    {
        await using var server = await StartAsync();
        var client = new DirectLineClient(server.Client, Secret);
        await client.StartAsync();

        var first = await client.PostOkAsync("do you ship to canada", "same-id");
        var second = await client.PostOkAsync("do you ship to canada", "same-id");

        Assert.Equal(first, second);
        var (activities, _) = await client.PollAsync();
        Assert.Single(activities, a => Text(a) == "do you ship to canada");
        Assert.Equal(2, Messages(activities).Count(a => a.TryGetProperty("replyToId", out var r) && r.GetString() == first) + 1);
    }

    [Fact]
    public async Task TwentyConcurrentPosts_OneConversation_NoneLostOrDuplicated_EachReplyAfterItsEcho()
    {
        await using var server = await StartAsync();
        var client = new DirectLineClient(server.Client, Secret);
        await client.StartAsync();

        var ids = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => client.PostOkAsync($"hello number {i}", $"c{i}")));

        Assert.Equal(20, ids.Distinct().Count());
        var (activities, _) = await client.PollAsync();
        var messages = Messages(activities);
        var echoes = messages.Where(m => m.GetProperty("from").GetProperty("role").GetString() == "user").ToList();
        Assert.Equal(20, echoes.Count);
        Assert.Equal(ids.Order(StringComparer.Ordinal), echoes.Select(e => e.GetProperty("id").GetString()!).Order(StringComparer.Ordinal));
        for (var i = 0; i < messages.Count; i++)
        {
            if (messages[i].GetProperty("from").GetProperty("role").GetString() == "user")
            {
                Assert.Equal(messages[i].GetProperty("id").GetString(), messages[i + 1].GetProperty("replyToId").GetString());
            }
        }
    }

    [Fact]
    public async Task Credentials_AreScopedAndChecked()
    {
        await using var server = await StartAsync();
        var a = new DirectLineClient(server.Client, Secret);
        var b = new DirectLineClient(server.Client, Secret);
        await a.StartAsync();
        await b.StartAsync();

        using var crossed = await a.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{b.ConversationId}/activities");
        using var missing = await server.Client.GetAsync($"/v3/directline/conversations/{a.ConversationId}/activities");
        using var forged = await a.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{a.ConversationId}/activities", credential: a.Credential + "x");
        using var unknown = await a.SendAsync(HttpMethod.Get, "/v3/directline/conversations/nope/activities", credential: Secret);

        Assert.Equal(HttpStatusCode.Forbidden, crossed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal("TokenExpired", (await forged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Tokens_GenerateThenStartThenRefresh()
    {
        await using var server = await StartAsync();
        var backend = new DirectLineClient(server.Client, Secret);

        using var generated = await backend.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", new { user = new { id = "dl_shopper" } });
        var body = await generated.Content.ReadFromJsonAsync<JsonElement>();
        var browser = new DirectLineClient(server.Client, body.GetProperty("token").GetString()!);
        using var started = await browser.StartAsync();
        using var again = await browser.SendAsync(HttpMethod.Post, "/v3/directline/conversations");
        using var refreshed = await browser.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh");
        using var refreshWithSecret = await backend.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh");

        Assert.Equal(HttpStatusCode.OK, generated.StatusCode);
        Assert.Equal(1800, body.GetProperty("expires_in").GetInt32());
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal(body.GetProperty("conversationId").GetString(), browser.ConversationId);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Equal(browser.ConversationId, (await refreshed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversationId").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, refreshWithSecret.StatusCode);
    }

    [Fact]
    public async Task BadBodies_Get400And413_AndTheConversationContinues()
    {
        await using var server = await StartAsync();
        var client = new DirectLineClient(server.Client, Secret);
        await client.StartAsync();
        var path = $"/v3/directline/conversations/{client.ConversationId}/activities";

        using var malformed = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent("{\"type\": \"message\", \"text\": ", Encoding.UTF8, "application/json") };
        malformed.Headers.Authorization = new("Bearer", client.Credential);
        using var malformedResponse = await server.Client.SendAsync(malformed);
        using var oversized = await client.PostAsync(new string('x', 300 * 1024));

        Assert.Equal(HttpStatusCode.BadRequest, malformedResponse.StatusCode);
        Assert.Equal("application/problem+json", malformedResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal("BadArgument", (await malformedResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversized.StatusCode);
        await client.PostOkAsync("thanks");
        var (activities, _) = await client.PollAsync();
        Assert.Contains(activities, a => Text(a).StartsWith("You're welcome", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Restart_LosesNothing_AndTheClientResumesFromItsWatermark()
    {
        using var data = TempFolder.Create();
        string conversation, token;
        string? watermark;
        await using (var first = await StartAsync("--Storage:DataPath", data.Path))
        {
            var client = new DirectLineClient(first.Client, Secret);
            await client.StartAsync();
            await client.PostOkAsync("do you ship to canada");
            (_, watermark) = await client.PollAsync();
            await client.PostOkAsync("thanks");
            (conversation, token) = (client.ConversationId!, client.Credential);
        }

        await using var second = await StartAsync("--Storage:DataPath", data.Path);
        var resumed = new DirectLineClient(second.Client, token);
        resumed.ConversationId = conversation;
        var (missed, _) = await resumed.PollAsync(watermark);
        await resumed.PostOkAsync("hello");
        var (all, _) = await resumed.PollAsync();

        Assert.Equal(["thanks", "You're welcome! Is there anything else I can help with?"], Messages(missed).Select(Text));
        Assert.Equal(7, Messages(all).Count);
        Assert.Equal(Messages(all).Count, Messages(all).Select(m => m.GetProperty("id").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task Stream_SendsTheBacklogThenEachNewActivity()
    {
        await using var server = await StartAsync();
        var client = new DirectLineClient(server.Client, Secret);
        await client.StartAsync();
        using var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await socket.ConnectAsync(new Uri(client.StreamUrl!), timeout.Token);

        var backlog = await DirectLineSocket.ReceiveActivitiesAsync(socket, timeout.Token);
        var id = await client.PostOkAsync("do you ship to canada", "ws-1");
        var live = new List<JsonElement>();
        while (!live.Any(a => a.TryGetProperty("replyToId", out var r) && r.GetString() == id && a.GetProperty("type").GetString() == "message"))
        {
            live.AddRange(await DirectLineSocket.ReceiveActivitiesAsync(socket, timeout.Token));
        }

        Assert.Contains(backlog, a => Text(a).Contains("virtual assistant", StringComparison.Ordinal));
        Assert.Contains(live, a => a.GetProperty("type").GetString() == "typing" && a.GetProperty("from").GetProperty("role").GetString() == "bot");
        Assert.Equal(id, live.First(a => Text(a) == "do you ship to canada").GetProperty("id").GetString());
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
    }

    [Fact]
    public async Task Reconnect_GivesAStreamThatReplaysAfterTheWatermark()
    {
        await using var server = await StartAsync();
        var client = new DirectLineClient(server.Client, Secret);
        await client.StartAsync();
        await client.PostOkAsync("do you ship to canada");
        var (_, watermark) = await client.PollAsync();
        await client.PostOkAsync("thanks");

        using var reconnect = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}?watermark={watermark}");
        var body = await reconnect.Content.ReadFromJsonAsync<JsonElement>();
        using var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await socket.ConnectAsync(new Uri(body.GetProperty("streamUrl").GetString()!), timeout.Token);
        var replayed = await DirectLineSocket.ReceiveActivitiesAsync(socket, timeout.Token);

        Assert.Equal(HttpStatusCode.OK, reconnect.StatusCode);
        Assert.Equal(["thanks", "You're welcome! Is there anything else I can help with?"], Messages(replayed).Select(Text));
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
    }

    [Fact]
    public async Task Stream_WithAnotherConversationsToken_IsRefused()
    {
        await using var server = await StartAsync();
        var a = new DirectLineClient(server.Client, Secret);
        var b = new DirectLineClient(server.Client, Secret);
        await a.StartAsync();
        await b.StartAsync();
        using var socket = new ClientWebSocket();

        var url = a.StreamUrl!.Replace(a.ConversationId!, b.ConversationId!, StringComparison.Ordinal);
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(new Uri(url), CancellationToken.None));
    }

    [Fact]
    public async Task Preflight_FromAnotherOrigin_IsAllowedWithoutCredentials()
    {
        await using var server = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Options, "/v3/directline/conversations");
        request.Headers.Add("Origin", "http://shop.example");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent,x-requested-with");

        using var response = await server.Client.SendAsync(request);

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("x-ms-bot-agent", response.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.Ordinal);
    }
}
