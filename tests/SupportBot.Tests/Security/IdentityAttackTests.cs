using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SupportBot.Tests.BotConnector;
using SupportBot.Tests.DirectLine;
using SupportBot.Tests.Handoff;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Security;

/// <summary>
/// Who a message is from and which conversation it belongs to, attacked from outside: a Bot Connector post that names
/// a Direct Line conversation, a shopper who writes as the bot or an agent, and a shopper who sends the contact
/// centre's <c>handoff.status</c>. The Bot Connector side runs as the Emulator (Development, validation off), the
/// weakest mode it has.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Security)]
public sealed class IdentityAttackTests
{
    private const string Secret = "identity-tests-secret-0123456789abcdef";

    [Fact]
    public async Task ABotConnectorPost_NamingADirectLineConversation_NeitherSeesItsStateNorWritesItsTranscript()
    {
        using var data = TempFolder.Create();
        await using var channel = await RecordingServer.StartAsync();
        await using var server = await StartAsync(data.Path);
        var shopper = await ShopperAsync(server);
        await shopper.PostOkAsync("where is my order LP10000002");
        var (before, _) = await shopper.PollAsync();

        // Azure Bot Service's own Direct Line channel is called "directline" too: the name must not matter.
        using var response = await server.Client.PostAsJsonAsync("/api/messages",
            BotConnectorAttackTests.Activity(channel.Address.ToString(), shopper.ConversationId!, "ana.lima@example.com", channelId: "directline"));
        var (after, _) = await shopper.PollAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = channel.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement)
            .Where(a => a.GetProperty("type").GetString() == "message").Select(a => a.GetProperty("text").GetString() ?? "").ToList();
        Assert.NotEmpty(replies);
        Assert.All(replies, text => Assert.DoesNotContain("LP10000002", text, StringComparison.Ordinal));
        Assert.Equal(before.Count, after.Count);
        Assert.DoesNotContain(after, a => a.TryGetProperty("text", out var t) && t.GetString() == "ana.lima@example.com");
    }

    [Fact]
    public async Task DirectLine_CannotReadOrPostToABotConnectorConversation_EvenWithTheSecret()
    {
        using var data = TempFolder.Create();
        await using var channel = await RecordingServer.StartAsync();
        await using var server = await StartAsync(data.Path);
        (await server.Client.PostAsJsonAsync("/api/messages", BotConnectorAttackTests.Activity(channel.Address.ToString(), "teams-conv", channelId: "msteams"))).EnsureSuccessStatusCode();

        // By the channel's id, and by the key it is stored under.
        foreach (var id in new[] { "teams-conv", "bc:msteams:teams-conv" })
        {
            var backend = new DirectLineClient(server.Client, Secret) { ConversationId = Uri.EscapeDataString(id) };
            using var read = await backend.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{backend.ConversationId}/activities");
            using var post = await backend.PostAsync("hello from Direct Line");

            Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (read.StatusCode, post.StatusCode));
        }
    }

    [Fact]
    public async Task AShopperWritingAsTheBotOrAnAgent_IsShownAsTheShopper()
    {
        using var data = TempFolder.Create();
        await using var server = await StartAsync(data.Path);
        using var agent = AgentClient(server);
        var shopper = await ShopperAsync(server);

        using var forged = await shopper.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{shopper.ConversationId}/activities", new
        {
            type = "message",
            text = "I want to talk to a human",
            from = new { id = "agent:kim", name = "Kim", role = "bot" },
        });
        forged.EnsureSuccessStatusCode();
        var id = await QueuedHandoffAsync(agent);
        var transcript = await agent.GetFromJsonAsync<JsonElement>($"/agent/api/handoffs/{id}/transcript");
        var (activities, _) = await shopper.PollAsync();

        var line = Assert.Single(transcript.GetProperty("lines").EnumerateArray(), l => l.GetProperty("text").GetString() == "I want to talk to a human");
        Assert.Equal("shopper", line.GetProperty("from").GetString());
        Assert.NotEqual("Kim", line.TryGetProperty("name", out var name) ? name.GetString() : null);
        var echo = Assert.Single(activities, a => a.TryGetProperty("text", out var t) && t.GetString() == "I want to talk to a human").GetProperty("from");
        Assert.Equal("user", echo.GetProperty("role").GetString());
        Assert.False(echo.TryGetProperty("name", out _));
        Assert.NotEqual("agent:kim", echo.GetProperty("id").GetString());
    }

    [Fact]
    public async Task HandoffStatus_OverDirectLine_IsIgnored_NoGhostClaimAndNoEndingTheAgentsChat()
    {
        using var data = TempFolder.Create();
        await using var server = await StartAsync(data.Path);
        using var agent = AgentClient(server);
        var shopper = await ShopperAsync(server);
        await shopper.PostOkAsync("I want to talk to a human");
        var id = await QueuedHandoffAsync(agent);

        await PostStatusAsync(shopper, new { state = "accepted", agentName = "Mallory" });
        var afterAccepted = await agent.GetFromJsonAsync<JsonElement>($"/agent/api/handoffs/{id}");
        (await agent.PostAsync(new Uri($"/agent/api/handoffs/{id}/claim", UriKind.Relative), null)).EnsureSuccessStatusCode();
        await PostStatusAsync(shopper, new { state = "completed" });
        await PostStatusAsync(shopper, new { state = "failed" });
        var afterCompleted = await agent.GetFromJsonAsync<JsonElement>($"/agent/api/handoffs/{id}");
        using var agentReply = await agent.PostAsJsonAsync($"/agent/api/handoffs/{id}/messages", new { text = "Still here.", client_id = "k1" });

        Assert.Equal("queued", afterAccepted.GetProperty("status").GetString());
        Assert.Equal(("assigned", "Kim"), (afterCompleted.GetProperty("status").GetString(), afterCompleted.GetProperty("agent_name").GetString()));
        Assert.Equal(HttpStatusCode.OK, agentReply.StatusCode);
    }

    private static Task<RunningServer> StartAsync(string dataPath) => RunningServer.StartAsync([.. BotConnectorTests.Emulator,
        "--Storage:DataPath", dataPath, "--DirectLine:Secret", Secret, "--Handoff:RequireAgentOnline", "false", .. HandoffFixture.AlwaysOpen,
        "--Handoff:Agents:1:Id", "kim", "--Handoff:Agents:1:Name", "Kim", "--Handoff:Agents:1:ApiKey", "kim-key"]);

    /// <summary>A shopper with a token for one new conversation, as a shop's backend hands it out.</summary>
    private static async Task<DirectLineClient> ShopperAsync(RunningServer server)
    {
        var backend = new DirectLineClient(server.Client, Secret);
        using var generated = await backend.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", new { user = new { id = "dl_shopper" } });
        var token = (await generated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        var shopper = await DirectLineClient.StartedAsync(server.Client, token);
        return shopper;
    }

    private static HttpClient AgentClient(RunningServer server) =>
        new() { BaseAddress = server.Address, DefaultRequestHeaders = { { "X-Api-Key", "kim-key" } } };

    private static async Task<string> QueuedHandoffAsync(HttpClient agent) =>
        (await agent.GetFromJsonAsync<JsonElement>("/agent/api/queue")).GetProperty("items").EnumerateArray().Single().GetProperty("id").GetString()!;

    private static async Task PostStatusAsync(DirectLineClient shopper, object value)
    {
        using var response = await shopper.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{shopper.ConversationId}/activities",
            new { type = "event", name = "handoff.status", value });
        response.EnsureSuccessStatusCode();
    }
}
