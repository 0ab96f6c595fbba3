using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Insights;

/// <summary>The content-gap report on the agent API: for signed-in agents only, on the real host over 127.0.0.1.</summary>
[Trait(TestCategories.Key, TestCategories.Security)]
public sealed class GapsApiTests
{
    [Fact]
    public async Task AStranger_IsRefused_AndASignedInAgentGetsTheReport()
    {
        using var data = TempFolder.Create();
        // The demo's made-up month is off here: this store stays empty whatever today's date is.
        await using var server = await RunningServer.StartDevelopmentAsync("--Storage:DataPath", data.Path, "--Insights:SeedDemoConversations", "false");

        using var stranger = await server.Client.GetAsync(new Uri("/agent/api/insights/gaps?since=2026-11-01", UriKind.Relative));
        using var badKey = new HttpRequestMessage(HttpMethod.Get, "/agent/api/insights/gaps") { Headers = { { "X-Api-Key", "guess" } } };
        using var guessed = await server.Client.SendAsync(badKey);

        Assert.Equal(HttpStatusCode.Unauthorized, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, guessed.StatusCode);
        Assert.DoesNotContain("clusters", await stranger.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Development: the demo agent sam (appsettings.Development.json).
        using var agent = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = server.Address };
        (await agent.PostAsJsonAsync("/agent/api/session", new { id = "sam", password = "supportbot-demo" })).EnsureSuccessStatusCode();
        var report = await agent.GetFromJsonAsync<JsonElement>("/agent/api/insights/gaps?since=2026-11-01&until=2026-11-08");
        using var backwards = await agent.GetAsync(new Uri("/agent/api/insights/gaps?since=2026-11-08&until=2026-11-01", UriKind.Relative));

        Assert.Equal(0, report.GetProperty("messages").GetInt32());
        Assert.Equal(JsonValueKind.Array, report.GetProperty("clusters").ValueKind);
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
    }

    [Fact]
    public async Task TheDemosFirstStart_FillsTheReport_WithTopicsAskedMoreThanOneWay()
    {
        using var data = TempFolder.Create();
        await using var server = await RunningServer.StartDevelopmentAsync("--Storage:DataPath", data.Path);
        using var agent = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = server.Address };
        (await agent.PostAsJsonAsync("/agent/api/session", new { id = "sam", password = "supportbot-demo" })).EnsureSuccessStatusCode();
        // The seeded month ends at the server's now, which its default period reports as its end.
        var now = (await agent.GetFromJsonAsync<JsonElement>("/agent/api/insights/gaps")).GetProperty("until").GetDateTimeOffset();
        var since = now.AddDays(-31).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        // The month is seeded beside the start, so the report fills shortly after the server is ready.
        var report = await Eventually.ReadAsync(
            () => agent.GetFromJsonAsync<JsonElement>($"/agent/api/insights/gaps?since={since}"),
            r => r.GetProperty("messages").GetInt32() > 0);

        var clusters = report.GetProperty("clusters").EnumerateArray().ToList();
        Assert.NotEmpty(clusters);
        Assert.Contains(clusters, c => c.GetProperty("phrasings").GetArrayLength() >= 2);
        Assert.All(clusters, c => Assert.NotEmpty(c.GetProperty("representatives").EnumerateArray()));
    }
}
