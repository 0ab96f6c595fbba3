using System.Net;
using System.Text.Json;
using SupportBot.Tests.DirectLine;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Observability;

/// <summary><c>/metrics</c> on the real host: what a turn adds to it, and who may read it.</summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class MetricsEndpointTests
{
    private const string Secret = "metrics-tests-secret-0123456789abcdef";
    private const string AgentKey = "metrics-agent-key";

    [Fact]
    public async Task ATurn_ShowsInThePrometheusText_ByOutcomeAndStage()
    {
        await using var server = await StartAsync();
        var shopper = await DirectLineClient.StartedAsync(server.Client, Secret);
        await shopper.PostOkAsync("how long do I have to return something?");
        await shopper.PostOkAsync("i want to talk to a person");

        var text = await server.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Matches("""supportbot_turn_duration_seconds_count\{[^}]*outcome="answer"[^}]*\} [1-9]""", text);
        Assert.Matches("""supportbot_handoffs_total\{[^}]*reason="requested"[^}]*\} [1-9]""", text);
        foreach (var stage in new[] { "lock_wait", "understanding", "retrieval", "drafting", "store_commit", "delivery" })
        {
            Assert.Matches($$"""supportbot_stage_duration_seconds_count\{[^}]*stage="{{stage}}"[^}]*\} [1-9]""", text);
        }

        Assert.Matches("""supportbot_turn_duration_seconds_bucket\{[^}]*le="0.005"[^}]*\}""", text);
        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
        Assert.DoesNotContain(shopper.ConversationId!, text, StringComparison.Ordinal);
        Assert.DoesNotContain("return something", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheGrafanaDashboard_QueriesOnlyMetricsTheBotExports()
    {
        await using var server = await StartAsync();
        var shopper = await DirectLineClient.StartedAsync(server.Client, Secret);
        await shopper.PostOkAsync("how long do I have to return something?");
        await shopper.PostOkAsync("i want to talk to a person");
        var exported = await server.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        var source = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "src", "SupportBot.Engine", "Telemetry", "BotTelemetry.cs"));

        // The Prometheus name of each instrument the bot declares: dots become underscores, seconds get their suffix.
        var declared = System.Text.RegularExpressions.Regex.Matches(source, "Create\\w+<\\w+>\\(\"(?<name>[a-z._]+)\", \"(?<unit>[^\"]*)\"")
            .Select(m => m.Groups["name"].Value.Replace('.', '_') + (m.Groups["unit"].Value == "s" ? "_seconds" : ""))
            .ToHashSet(StringComparer.Ordinal);
        var dashboard = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "deploy", "grafana", "supportbot-dashboard.json"));

        var queried = System.Text.RegularExpressions.Regex.Matches(dashboard, @"\b(?:supportbot|http_server)_[a-z_]+").Select(m => m.Value).Distinct().ToList();

        Assert.Contains("supportbot_stage_duration_seconds_bucket", queried);
        Assert.All(queried, name =>
        {
            // A series the turns above produced is in the text; one that needs other events (an agent's claim, a model
            // call) must at least be an instrument the bot declares, under its OpenTelemetry name.
            var instrument = System.Text.RegularExpressions.Regex.Replace(name, "_(?:bucket|sum|count|total)$", "");
            Assert.True(exported.Contains(name, StringComparison.Ordinal) || declared.Contains(instrument),
                $"the dashboard queries {name}, which the bot neither exported nor declares");
        });
    }

    [Fact]
    public async Task AForwardedRequest_IsNotLocal_AndNeedsAnAgent()
    {
        await using var server = await StartAsync();

        using var forwarded = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { { "X-Forwarded-For", "203.0.113.9" } } };
        using var refused = await server.Client.SendAsync(forwarded);
        using var signedIn = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { { "X-Forwarded-For", "203.0.113.9" }, { "X-Api-Key", AgentKey } } };
        using var allowed = await server.Client.SendAsync(signedIn);
        using var wrongKey = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { { "X-Forwarded-For", "203.0.113.9" }, { "X-Api-Key", "guess" } } };
        using var guessed = await server.Client.SendAsync(wrongKey);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Sign in first", JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Contains("# TYPE", await allowed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, guessed.StatusCode);
    }

    [Fact]
    public async Task Readiness_ListsEachCheck()
    {
        await using var server = await StartAsync();

        var ready = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri("/readyz", UriKind.Relative))).RootElement;

        Assert.Equal("ready", ready.GetProperty("status").GetString());
        foreach (var check in new[] { "store", "knowledge", "intents" })
        {
            Assert.Equal("healthy", ready.GetProperty("checks").GetProperty(check).GetProperty("status").GetString());
        }
    }

    private static Task<RunningServer> StartAsync() => RunningServer.StartAsync(null, [
        "--DirectLine:Secret", Secret, "--Handoff:RequireAgentOnline", "false", .. Handoff.HandoffFixture.AlwaysOpen,
        "--Handoff:Agents:1:Id", "metrics-agent", "--Handoff:Agents:1:Name", "Max", "--Handoff:Agents:1:ApiKey", AgentKey]);
}
