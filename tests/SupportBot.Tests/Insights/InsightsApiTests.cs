using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Telemetry;
using SupportBot.Tests.DirectLine;
using SupportBot.Tests.Handoff;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Insights;

/// <summary>
/// <c>GET /agent/api/insights/kpis</c> on the real host over 127.0.0.1: strangers are refused, a bad period is a
/// ProblemDetails, and the KPIs of conversations held through Direct Line agree with the <c>supportbot.handoffs</c>
/// counter the same turns recorded (docs/INSIGHTS.md, "Agreement with the metrics").
/// </summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class InsightsApiTests
{
    private const string Secret = "insights-tests-secret-0123456789-abcdef-012345";
    private const string Kpis = "/agent/api/insights/kpis?since=2020-01-01";

    [Fact]
    public async Task AStrangerWithoutAnAgentSession_IsRefused()
    {
        using var data = TempFolder.Create();
        await using var server = await StartAsync(data.Path);
        using var wrongKey = new HttpClient { BaseAddress = server.Address, DefaultRequestHeaders = { { "X-Api-Key", "guess" } } };

        using var anonymous = await server.Client.GetAsync(new Uri(Kpis, UriKind.Relative));
        using var guessed = await wrongKey.GetAsync(new Uri(Kpis, UriKind.Relative));

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (anonymous.StatusCode, guessed.StatusCode));
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/agent/api/insights/kpis", "since")]
    [InlineData("/agent/api/insights/kpis?since=yesterday", "yesterday")]
    [InlineData("/agent/api/insights/kpis?since=2026-11-02&until=2026-11-01", "end after it starts")]
    [InlineData("/agent/api/insights/kpis?since=2026-11-01&bucket=week", "week")]
    public async Task ABadPeriod_IsAProblemDetailsSayingWhat(string path, string said)
    {
        using var data = TempFolder.Create();
        await using var server = await StartAsync(data.Path);
        using var agent = AgentClient(server);

        using var response = await agent.GetAsync(new Uri(path, UriKind.Relative));
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(said, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheKpisOfRealConversations_AgreeWithTheHandoffCounter()
    {
        using var data = TempFolder.Create();
        await using var server = await StartAsync(data.Path);
        var counted = new ConcurrentDictionary<(string Reason, string State), long>();
        var handoffs = server.Services.GetRequiredService<BotTelemetry>().Handoffs;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument == handoffs)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var all = tags.ToArray().ToDictionary(t => t.Key, t => t.Value as string);
            counted.AddOrUpdate((all["reason"]!, all["state"]!), value, (_, sum) => sum + value);
        });
        listener.Start();

        var asker = new DirectLineClient(server.Client, Secret);
        (await asker.StartAsync("shopper-1")).EnsureSuccessStatusCode();
        await asker.PostOkAsync("how long do I have to return something?");
        await asker.PostOkAsync("I want to talk to a human");
        var other = new DirectLineClient(server.Client, Secret);
        (await other.StartAsync("shopper-2")).EnsureSuccessStatusCode();
        await other.PostOkAsync("how long does shipping take?");

        using var agent = AgentClient(server);
        var kpis = JsonDocument.Parse(await agent.GetStringAsync(new Uri(Kpis + "&until=2100-01-01", UriKind.Relative))).RootElement;

        Assert.Equal(2, kpis.GetProperty("conversations").GetInt32());
        Assert.Equal(3, kpis.GetProperty("messages").GetInt32());
        Assert.Equal(1, kpis.GetProperty("handoffs").GetProperty("handed_off").GetInt32());
        var fromKpis = kpis.GetProperty("handoffs").GetProperty("by_raw_reason").EnumerateArray()
            .Select(r => (r.GetProperty("reason").GetString()!, r.GetProperty("state").GetString()!, (long)r.GetProperty("handoffs").GetInt32())).Order();
        Assert.Equal([("requested", "queued", 1L)], fromKpis);
        Assert.Equal(fromKpis, counted.Where(c => c.Key.State != "ticket").Select(c => (c.Key.Reason, c.Key.State, c.Value)).Order());
        Assert.Equal(2, kpis.GetProperty("bot_first_response").GetProperty("count").GetInt32());
        Assert.Equal(DateTimeOffset.Parse("2020-01-01T00:00:00Z", CultureInfo.InvariantCulture), kpis.GetProperty("since").GetDateTimeOffset());
    }

    private static Task<RunningServer> StartAsync(string dataPath) => RunningServer.StartAsync(
        ["--Storage:DataPath", dataPath, "--DirectLine:Secret", Secret, "--Handoff:RequireAgentOnline", "false", .. HandoffFixture.AlwaysOpen,
         "--Handoff:Agents:1:Id", "lee", "--Handoff:Agents:1:Name", "Lee", "--Handoff:Agents:1:ApiKey", "lee-key"]);

    private static HttpClient AgentClient(RunningServer server) =>
        new() { BaseAddress = server.Address, DefaultRequestHeaders = { { "X-Api-Key", "lee-key" } } };
}
