using System.Net.Http.Json;
using System.Text.Json;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Handoff;

/// <summary>A handoff on a Bot Connector channel (Azure Bot Service, the Emulator): the agent's messages go to its service URL.</summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class BotConnectorHandoffTests
{
    [Fact]
    public async Task AgentMessages_ArePostedToTheChannel_AndTheBotStaysSilentMeanwhile()
    {
        using var data = TempFolder.Create();
        await using var channel = await RecordingServer.StartAsync();
        await using var server = await RunningServer.StartAsync([.. BotConnector.BotConnectorTests.Emulator, "--Storage:DataPath", data.Path, "--Handoff:RequireAgentOnline", "false",
            "--Handoff:Agents:1:Id", "kim", "--Handoff:Agents:1:Name", "Kim", "--Handoff:Agents:1:ApiKey", "kim-key", .. HandoffFixture.AlwaysOpen]);
        using var agent = new HttpClient { BaseAddress = server.Address, DefaultRequestHeaders = { { "X-Api-Key", "kim-key" } } };

        (await server.Client.PostAsJsonAsync("/api/messages", Inbound(channel.Address, "m1", "I want to talk to a human"))).EnsureSuccessStatusCode();
        var id = (await agent.GetFromJsonAsync<JsonElement>("/agent/api/queue")).GetProperty("items")[0].GetProperty("id").GetString();
        (await agent.PostAsync(new Uri($"/agent/api/handoffs/{id}/claim", UriKind.Relative), null)).EnsureSuccessStatusCode();
        (await server.Client.PostAsJsonAsync("/api/messages", Inbound(channel.Address, "m2", "are you there?"))).EnsureSuccessStatusCode();
        (await agent.PostAsJsonAsync($"/agent/api/handoffs/{id}/messages", new { text = "Yes, Kim here.", client_id = "k1" })).EnsureSuccessStatusCode();

        var messages = channel.Requests.Select(r => (r.Path, Activity: JsonDocument.Parse(r.Body).RootElement))
            .Where(r => r.Activity.GetProperty("type").GetString() == "message").ToList();
        Assert.Equal(3, messages.Count);
        Assert.Contains("connecting you with a member of our support team", messages[0].Activity.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("You're now chatting with Kim from the support team.", messages[1].Activity.GetProperty("text").GetString());
        Assert.Equal(("Yes, Kim here.", "Kim"), (messages[2].Activity.GetProperty("text").GetString(), messages[2].Activity.GetProperty("from").GetProperty("name").GetString()));
        Assert.Equal("/v3/conversations/bc-handoff/activities", messages[2].Path);

        var transcript = await agent.GetFromJsonAsync<JsonElement>($"/agent/api/handoffs/{id}/transcript");
        Assert.Contains(transcript.GetProperty("lines").EnumerateArray(), l => l.GetProperty("text").GetString() == "are you there?");
    }

    private static object Inbound(Uri serviceUrl, string id, string text) =>
        Activities.PostedByChannel(serviceUrl.ToString().TrimEnd('/'), "bc-handoff", text, id);
}
