using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SupportBot.Tests.DirectLine;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Handoff;

/// <summary>
/// The agent console's API on the real host over 127.0.0.1: sign-in, refusal of anonymous calls, claims that exactly
/// one agent wins, messages both ways exactly once and in order, and a queue that survives a restart.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class AgentApiTests
{
    private const string Secret = "agent-tests-secret-0123456789-abcdef-0123456789";
    private const int Agents = 10;

    [Fact]
    public async Task EveryAgentCall_RefusesAnonymousCallers_WithProblemDetails()
    {
        using var data = TempFolder.Create();
        await using var server = await StartAsync(data.Path);
        string[] gets = ["/agent/api/session", "/agent/api/queue", "/agent/api/events", "/agent/api/handoffs/h1", "/agent/api/handoffs/h1/transcript"];
        string[] posts = ["/agent/api/handoffs/h1/claim", "/agent/api/handoffs/h1/messages", "/agent/api/handoffs/h1/return", "/agent/api/handoffs/h1/resolve"];

        foreach (var path in gets)
        {
            using var response = await server.Client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        foreach (var path in posts)
        {
            using var response = await server.Client.PostAsJsonAsync(path, new { text = "x", client_id = "c" });
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        using var badKey = new HttpRequestMessage(HttpMethod.Get, "/agent/api/queue") { Headers = { { "X-Api-Key", "wrong" } } };
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.SendAsync(badKey)).StatusCode);
    }

    [Fact]
    public async Task SignIn_WrongPasswordRefused_RightPasswordGivesAnHttpOnlyCookie()
    {
        using var data = TempFolder.Create();
        await using var server = await StartAsync(data.Path);
        using var agent = CookieClient(server);

        using var wrong = await agent.PostAsJsonAsync("/agent/api/session", new { id = "sam", password = "guess" });
        using var unknown = await agent.PostAsJsonAsync("/agent/api/session", new { id = "nobody", password = "supportbot-demo" });
        using var right = await agent.PostAsJsonAsync("/agent/api/session", new { id = "sam", password = "supportbot-demo" });
        var me = await agent.GetFromJsonAsync<JsonElement>("/agent/api/session");

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (wrong.StatusCode, unknown.StatusCode));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        var cookie = Assert.Single(right.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Sam", me.GetProperty("name").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await agent.DeleteAsync(new Uri("/agent/api/session", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await agent.GetAsync(new Uri("/agent/api/queue", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task TenAgentsRaceFor100QueuedConversations_EachIsClaimedExactlyOnce()
    {
        using var data = TempFolder.Create();
        await using var server = await StartAsync(data.Path);
        var shoppers = await Task.WhenAll(Enumerable.Range(0, 100).Select(async _ =>
        {
            var shopper = await DirectLineClient.StartedAsync(server.Client, Secret);
            await shopper.PostOkAsync("I want to talk to a human");
            return shopper;
        }));
        var queue = await KeyClient(server, 0).GetFromJsonAsync<JsonElement>("/agent/api/queue");
        var ids = queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();
        Assert.Equal(100, ids.Count);

        var wins = new ConcurrentBag<(string Handoff, int Agent)>();
        var conflicts = 0;
        await Task.WhenAll(Enumerable.Range(0, Agents).Select(async agent =>
        {
            using var client = KeyClient(server, agent);
            foreach (var id in ids.OrderBy(_ => Random.Shared.Next()))
            {
                using var response = await client.PostAsync(new Uri($"/agent/api/handoffs/{id}/claim", UriKind.Relative), null);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    wins.Add((id, agent));
                }
                else
                {
                    Assert.True(response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.NotFound, $"claim answered {response.StatusCode}");
                    Interlocked.Increment(ref conflicts);
                }
            }
        }));

        Assert.Equal(100, wins.Count);
        Assert.Equal(ids.Order(), wins.Select(w => w.Handoff).Order());
        Assert.Equal(100 * (Agents - 1), conflicts);

        // Each shopper was told exactly once who joined, and it is the agent who won.
        foreach (var shopper in shoppers)
        {
            var (activities, _) = await shopper.PollAsync();
            var joined = Assert.Single(activities, a => a.TryGetProperty("text", out var t) && t.GetString()!.StartsWith("You're now chatting with", StringComparison.Ordinal));
            Assert.Matches("^You're now chatting with Agent [0-9] from the support team.$", joined.GetProperty("text").GetString());
        }
    }

    [Fact]
    public async Task MessagesBothWays_ArriveExactlyOnceInOrder_AndTheBotTypesNothing()
    {
        using var data = TempFolder.Create();
        await using var server = await StartAsync(data.Path);
        var shopper = await DirectLineClient.StartedAsync(server.Client, Secret);
        await shopper.PostOkAsync("where is my order LP10000002");
        await shopper.PostOkAsync("talk to a person");
        using var agent = KeyClient(server, 3);
        var id = (await agent.GetFromJsonAsync<JsonElement>("/agent/api/queue")).GetProperty("items")[0].GetProperty("id").GetString();
        var claimed = await (await agent.PostAsync(new Uri($"/agent/api/handoffs/{id}/claim", UriKind.Relative), null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Order LP10000002", claimed.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Equal("where is my order LP10000002", claimed.GetProperty("transcript").EnumerateArray().First(l => l.GetProperty("from").GetString() == "shopper").GetProperty("text").GetString());

        for (var i = 1; i <= 5; i++)
        {
            await shopper.PostOkAsync($"shopper {i}");
            using var sent = await agent.PostAsJsonAsync($"/agent/api/handoffs/{id}/messages", new { text = $"agent {i}", client_id = $"c{i}" });
            sent.EnsureSuccessStatusCode();
        }

        using var retried = await agent.PostAsJsonAsync($"/agent/api/handoffs/{id}/messages", new { text = "agent 5", client_id = "c5" });
        retried.EnsureSuccessStatusCode();

        var (activities, _) = await shopper.PollAsync();
        var texts = activities.Where(a => a.GetProperty("type").GetString() == "message").Select(a => a.GetProperty("text").GetString()!).ToList();
        var exchange = texts.SkipWhile(t => !t.StartsWith("You're now chatting", StringComparison.Ordinal)).Skip(1).ToList();
        Assert.Equal(["shopper 1", "agent 1", "shopper 2", "agent 2", "shopper 3", "agent 3", "shopper 4", "agent 4", "shopper 5", "agent 5"], exchange);
        var agentMessage = activities.First(a => a.TryGetProperty("text", out var t) && t.GetString() == "agent 1");
        Assert.Equal(("Agent 3", "agent"), (agentMessage.GetProperty("from").GetProperty("name").GetString(),
            agentMessage.GetProperty("channelData").GetProperty("supportbot").GetProperty("speaker").GetString()));

        var transcript = await agent.GetFromJsonAsync<JsonElement>($"/agent/api/handoffs/{id}/transcript?after={claimed.GetProperty("watermark").GetInt64()}");
        var lines = transcript.GetProperty("lines").EnumerateArray().Select(l => $"{l.GetProperty("from").GetString()}: {l.GetProperty("text").GetString()}").ToList();
        Assert.Equal(10, lines.Count(l => l.StartsWith("shopper: shopper", StringComparison.Ordinal) || l.StartsWith("agent: agent", StringComparison.Ordinal)));
        Assert.DoesNotContain(lines, l => l.StartsWith("bot:", StringComparison.Ordinal) && !l.Contains("now chatting", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnotherAgentsConversation_IsNeitherVisibleNorWritable()
    {
        using var data = TempFolder.Create();
        await using var server = await StartAsync(data.Path);
        var shopper = await DirectLineClient.StartedAsync(server.Client, Secret);
        await shopper.PostOkAsync("talk to a person");
        using var owner = KeyClient(server, 1);
        using var other = KeyClient(server, 2);
        var id = (await owner.GetFromJsonAsync<JsonElement>("/agent/api/queue")).GetProperty("items")[0].GetProperty("id").GetString();
        (await owner.PostAsync(new Uri($"/agent/api/handoffs/{id}/claim", UriKind.Relative), null)).EnsureSuccessStatusCode();

        Assert.Equal(0, (await other.GetFromJsonAsync<JsonElement>("/agent/api/queue")).GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/agent/api/handoffs/{id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/agent/api/handoffs/{id}/messages", new { text = "hi", client_id = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await owner.PostAsJsonAsync($"/agent/api/handoffs/{id}/messages", new { text = " ", client_id = "x" })).StatusCode);
    }

    [Fact]
    public async Task Restart_TheShopperIsStillQueued_AndTheAgentsReplyReachesThem()
    {
        using var data = TempFolder.Create();
        DirectLineClient shopper;
        await using (var before = await StartAsync(data.Path))
        {
            shopper = new DirectLineClient(before.Client, Secret);
            (await shopper.StartAsync()).EnsureSuccessStatusCode();
            await shopper.PostOkAsync("I need a real person please");
        }

        await using var after = await StartAsync(data.Path);
        using var agent = CookieClient(after);
        (await agent.PostAsJsonAsync("/agent/api/session", new { id = "sam", password = "supportbot-demo" })).EnsureSuccessStatusCode();
        var items = (await agent.GetFromJsonAsync<JsonElement>("/agent/api/queue")).GetProperty("items");
        var waiting = Assert.Single(items.EnumerateArray());
        Assert.Equal(("queued", shopper.ConversationId), (waiting.GetProperty("status").GetString(), waiting.GetProperty("conversation_id").GetString()));
        var id = waiting.GetProperty("id").GetString();

        (await agent.PostAsync(new Uri($"/agent/api/handoffs/{id}/claim", UriKind.Relative), null)).EnsureSuccessStatusCode();
        (await agent.PostAsJsonAsync($"/agent/api/handoffs/{id}/messages", new { text = "Hi, Sam here. How can I help?", client_id = "r1" })).EnsureSuccessStatusCode();

        var resumed = new DirectLineClient(after.Client, shopper.Credential) { ConversationId = shopper.ConversationId };
        var (activities, _) = await resumed.PollAsync();
        var texts = activities.Where(a => a.GetProperty("type").GetString() == "message").Select(a => a.GetProperty("text").GetString()).ToList();
        Assert.Equal(["You're now chatting with Sam from the support team.", "Hi, Sam here. How can I help?"], texts.TakeLast(2));
    }

    private static Task<RunningServer> StartAsync(string dataPath)
    {
        List<string> settings = ["--Storage:DataPath", dataPath, "--DirectLine:Secret", Secret, "--Handoff:RequireAgentOnline", "false", .. HandoffFixture.AlwaysOpen];
        for (var i = 0; i < Agents; i++)
        {
            settings.AddRange([$"--Handoff:Agents:{i + 1}:Id", $"a{i}", $"--Handoff:Agents:{i + 1}:Name", $"Agent {i}", $"--Handoff:Agents:{i + 1}:ApiKey", $"key-{i}"]);
        }

        // Development: the console tests sign in as the demo agent sam (appsettings.Development.json).
        return RunningServer.StartDevelopmentAsync([.. settings]);
    }

    private static HttpClient KeyClient(RunningServer server, int agent) =>
        new() { BaseAddress = server.Address, DefaultRequestHeaders = { { "X-Api-Key", $"key-{agent}" } } };

    private static HttpClient CookieClient(RunningServer server) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = server.Address };
}
