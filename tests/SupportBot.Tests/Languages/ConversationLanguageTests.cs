using System.Net.Http.Json;
using System.Text.Json;
using SupportBot.Storage;
using SupportBot.Tests.DirectLine;
using SupportBot.Tests.Durability;
using SupportBot.Tests.Handoff;
using SupportBot.Tests.Storage;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Languages;

/// <summary>
/// A Direct Line conversation whose page says <c>locale: fr-FR</c>, on the real server: French from the start, kept
/// on "ok", Spanish once the shopper clearly writes Spanish, still Spanish after the server is killed and started
/// again, and Spanish in the agent API's queue, open conversation and summary. On SQLite and on PostgreSQL.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class ConversationLanguageTests : OnBothProviders
{
    private const string AgentKey = "language-agent-key";

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task AFrenchPage_KeepsFrenchOnOk_SwitchesToSpanish_SurvivesARestart_AndShowsInTheAgentApi(StorageProvider provider)
    {
        await using var storage = await CrashRecoveryTests.Storage.CreateAsync(provider);
        string[] settings =
        [
            .. storage.Settings, "--Handoff:RequireAgentOnline", "false", .. HandoffFixture.AlwaysOpen,
            "--Handoff:Agents:1:Id", "a1", "--Handoff:Agents:1:Name", "Agent One", "--Handoff:Agents:1:ApiKey", AgentKey,
        ];
        var first = await ServerProcess.StartAsync(storage.Folder, settings);
        var chat = await StartAsync(first);

        Assert.Equal("fr", await LanguageAfterAsync(first, chat, "bonjour, je voudrais des nouvelles de ma commande", "m1"));
        Assert.Equal("fr", await LanguageAfterAsync(first, chat, "ok", "m2"));
        Assert.Equal("es", await LanguageAfterAsync(first, chat, "quiero devolver los zapatos porque me quedan pequeños", "m3"));
        await first.KillAsync();

        await using var second = await ServerProcess.StartAsync(storage.Folder, settings);
        Assert.Equal("es", await LanguageAfterAsync(second, chat, "ok", "m4"));
        Assert.Equal("es", await LanguageAfterAsync(second, chat, "Talk to a person", "m5"));

        using var agent = second.Client();
        agent.DefaultRequestHeaders.Add("X-Api-Key", AgentKey);
        var item = Assert.Single((await agent.GetFromJsonAsync<JsonElement>("/agent/api/queue")).GetProperty("items").EnumerateArray());
        Assert.Equal(("es", "Spanish"), (item.GetProperty("language").GetString(), item.GetProperty("language_name").GetString()));
        var handoff = await agent.GetFromJsonAsync<JsonElement>($"/agent/api/handoffs/{item.GetProperty("id").GetString()}");
        Assert.Equal("es", handoff.GetProperty("language").GetString());
        Assert.Contains("The shopper writes in Spanish.", handoff.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    private static async Task<DirectLineClient> StartAsync(ServerProcess server)
    {
        using var http = server.Client();
        var chat = new DirectLineClient(http, ServerProcess.Secret);
        using var started = await chat.StartAsync("shopper-fr");
        started.EnsureSuccessStatusCode();
        return chat;
    }

    /// <summary>Posts as Web Chat does with <c>locale: 'fr-FR'</c>, then reads the conversation's language from the reply's decision trace.</summary>
    private static async Task<string?> LanguageAfterAsync(ServerProcess server, DirectLineClient chat, string text, string clientId)
    {
        using var http = server.Client();
        var client = new DirectLineClient(http, chat.Credential) { ConversationId = chat.ConversationId };
        using var posted = await client.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{chat.ConversationId}/activities", new
        {
            type = "message",
            text,
            locale = "fr-FR",
            from = new { id = "shopper-fr", name = "Camille", role = "user" },
            channelData = new { clientActivityID = clientId },
        });
        posted.EnsureSuccessStatusCode();
        var id = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var reader = new DirectLineClient(http, ServerProcess.Secret) { ConversationId = chat.ConversationId };
        var trace = (await reader.PollAsync()).Activities
            .Single(a => a.GetProperty("type").GetString() == "trace" && a.TryGetProperty("replyToId", out var r) && r.GetString() == id);
        return trace.GetProperty("value").GetProperty("language").GetString();
    }
}
