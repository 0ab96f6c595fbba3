using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using SupportBot.Host.Agents;
using SupportBot.Tests.DirectLine;
using SupportBot.Tests.Handoff;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Security;

/// <summary>
/// The web surface as a stranger's browser and scripts meet it, against the real host on 127.0.0.1: the headers that
/// stop framing, sniffing and injected script; cross-site use of an agent's cookie; a forged X-Forwarded-For; the
/// editors' status endpoint and the server's folders.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Security)]
public sealed partial class WebSurfaceAttackTests
{
    private const string Secret = "websurface-tests-secret-0123456789-abcdef";
    private const string AgentPassword = "a long password only this test knows";
    private const string AgentKey = "websurface-agent-key";

    [Theory]
    [InlineData("/")]
    [InlineData("/index.html")]
    [InlineData("/agent")]
    [InlineData("/chat/main.js")]
    [InlineData("/chat/strings?locale=fr-FR")]
    [InlineData("/agent/main.js")]
    [InlineData("/agent/insights/insights.js")]
    [InlineData("/lib/chartjs/chart.umd.min.js")]
    [InlineData("/branding.css")]
    [InlineData("/healthz")]
    [InlineData("/api/knowledge/search?q=refund")]
    [InlineData("/api/knowledge/status")]
    [InlineData("/agent/api/queue")]
    [InlineData("/v3/directline/conversations/nope/activities")]
    [InlineData("/no/such/page")]
    public async Task EveryResponse_CarriesTheBrowserDefences(string path)
    {
        await using var server = await RunningServer.StartAsync();

        using var response = await server.Client.GetAsync(new Uri(path, UriKind.Relative));

        var csp = Header(response, "Content-Security-Policy");
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d);
        Assert.Equal("script-src 'self'", directives["script-src"]);
        Assert.Equal("frame-ancestors 'none'", directives["frame-ancestors"]);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains($"ws://{server.Address.Authority}", directives["connect-src"], StringComparison.Ordinal);
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
    }

    [Theory]
    [InlineData("/lib/chartjs/chart.umd.min.js", "text/javascript", "Chart.js v4.")]
    [InlineData("/lib/chartjs/LICENSE.md", "text/markdown", "MIT License")]
    [InlineData("/agent/insights/charts.js", "text/javascript", "/lib/chartjs/chart.umd.min.js")]
    [InlineData("/insights.css", "text/css", ".insights")]
    public async Task TheInsightsCharts_AreServedFromThisHost_WithTheirTypes(string path, string type, string content)
    {
        await using var server = await RunningServer.StartAsync();

        using var response = await server.Client.GetAsync(new Uri(path, UriKind.Relative));

        // nosniff makes the browser refuse a script or stylesheet served under another type, so the type is the contract.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(content, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StorePage_AllowsOnlyStylesWithThisResponsesNonce()
    {
        await using var server = await RunningServer.StartAsync();

        var (first, firstNonce) = await PageAsync(server);
        var (_, secondNonce) = await PageAsync(server);

        // The nonce Web Chat gets in the page is the one the policy names, and a fresh one each time.
        Assert.Matches($"<meta name=\"style-nonce\" content=\"{Regex.Escape(firstNonce)}\">", first);
        Assert.NotEqual(firstNonce, secondNonce);
        Assert.DoesNotContain("<script>", first, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(" on[a-z]+=", first);
    }

    [Fact]
    public async Task Hsts_IsSentOverHttpsOutsideDevelopment_AndNeverInDevelopment()
    {
        // The https arrives through a configured proxy (X-Forwarded-Proto), as behind a TLS-terminating load balancer.
        string[] proxied = ["--ForwardedHeaders:KnownProxies:0", "127.0.0.1"];
        await using (var production = await RunningServer.StartAsync(proxied))
        {
            using var response = await production.Client.SendAsync(HttpsRequest("/"));
            Assert.Matches("^max-age=[1-9][0-9]*", Header(response, "Strict-Transport-Security"));
        }

        await using var development = await RunningServer.StartDevelopmentAsync(proxied);
        using var local = await development.Client.SendAsync(HttpsRequest("/"));
        Assert.False(local.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task AgentCookie_FromAnotherSite_CannotClaimSignOutOrSignIn_WhileScriptsWithAKeyStillCan()
    {
        using var data = TempFolder.Create();
        await using var server = await StartWithAgentAsync(data.Path);
        var shopper = await DirectLineClient.StartedAsync(server.Client, Secret);
        await shopper.PostOkAsync("I want to talk to a person");
        using var agent = CookieClient(server);
        (await agent.PostAsJsonAsync("/agent/api/session", new { id = "ivy", password = AgentPassword })).EnsureSuccessStatusCode();
        var queue = await agent.GetFromJsonAsync<JsonElement>("/agent/api/queue");
        var id = queue.GetProperty("items")[0].GetProperty("id").GetString();

        // A page on evil.example makes the signed-in agent's browser post to the console's API.
        using var claim = await agent.SendAsync(CrossSite(HttpMethod.Post, $"/agent/api/handoffs/{id}/claim"));
        using var signOut = await agent.SendAsync(CrossSite(HttpMethod.Delete, "/agent/api/session"));
        using var signIn = await CookieClient(server).SendAsync(CrossSite(HttpMethod.Post, "/agent/api/session", new { id = "ivy", password = AgentPassword }));
        using var originOnly = await agent.SendAsync(CrossSite(HttpMethod.Post, $"/agent/api/handoffs/{id}/claim", fetchSite: null));

        Assert.Equal(
            [HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden],
            new[] { claim.StatusCode, signOut.StatusCode, signIn.StatusCode, originOnly.StatusCode });
        Assert.Equal("Cross-site request refused", (await claim.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        var after = await agent.GetFromJsonAsync<JsonElement>("/agent/api/queue");
        Assert.Equal(JsonValueKind.Null, after.GetProperty("items")[0].GetProperty("agent_id").ValueKind);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync(new Uri("/agent/api/session", UriKind.Relative))).StatusCode);

        // The console's own page (same origin) and a script with its key are served as before.
        using var sameOrigin = new HttpRequestMessage(HttpMethod.Post, $"/agent/api/handoffs/{id}/claim")
        {
            Headers = { { "Origin", server.Address.GetLeftPart(UriPartial.Authority) }, { "Sec-Fetch-Site", "same-origin" } },
        };
        Assert.Equal(HttpStatusCode.OK, (await agent.SendAsync(sameOrigin)).StatusCode);
        using var script = new HttpClient { BaseAddress = server.Address, DefaultRequestHeaders = { { AgentAuthentication.ApiKeyHeader, AgentKey } } };
        Assert.Equal(HttpStatusCode.OK, (await script.PostAsync(new Uri($"/agent/api/handoffs/{id}/return", UriKind.Relative), null)).StatusCode);
    }

    [Fact]
    public async Task ForwardedFor_FromAStranger_IsIgnored_SoTheRateLimitStillHoldsThem()
    {
        await using var server = await RunningServer.StartAsync();

        // Each request claims to come from a different address; the server must still see one client.
        var statuses = await TokenRequestsAsync(server, i => $"203.0.113.{i % 250}", count: 200);

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }

    [Fact]
    public async Task ForwardedFor_FromAConfiguredProxy_IsTheClient()
    {
        await using var server = await RunningServer.StartAsync("--ForwardedHeaders:KnownProxies:0", "127.0.0.1");

        // Many shoppers behind one proxy are many clients; one shopper asking too often is still limited.
        var manyShoppers = await TokenRequestsAsync(server, i => $"198.51.100.{i}", count: 100);
        var oneShopper = await TokenRequestsAsync(server, _ => "192.0.2.7", count: 200);

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, manyShoppers);
        Assert.Contains(HttpStatusCode.TooManyRequests, oneShopper);
    }

    [Fact]
    public async Task KnowledgeStatus_IsForSignedInAgents_AndNoResponseShowsWhereTheServerKeepsItsFiles()
    {
        using var knowledge = TempFolder.CopyOfKnowledge();
        knowledge.Write("faq/returns/broken.md", "---\nid: broken\ntitle: [unclosed\n---\nAnswer.\n");
        using var data = TempFolder.Create();
        await using var server = await StartWithAgentAsync(data.Path, "--Knowledge:Path", knowledge.Path);

        using var anonymous = await server.Client.GetAsync(new Uri("/api/knowledge/status", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        using var script = new HttpClient { BaseAddress = server.Address, DefaultRequestHeaders = { { AgentAuthentication.ApiKeyHeader, AgentKey } } };
        var status = await script.GetStringAsync(new Uri("/api/knowledge/status", UriKind.Relative));
        var problem = Assert.Single(JsonDocument.Parse(status).RootElement.GetProperty("problems").EnumerateArray(), p => p.GetString()!.Contains("broken.md", StringComparison.Ordinal));
        Assert.StartsWith("faq/returns/broken.md:", problem.GetString(), StringComparison.Ordinal);

        var search = await server.Client.GetStringAsync(new Uri("/api/knowledge/search?q=how%20long%20do%20I%20have%20to%20return%20something", UriKind.Relative));
        Assert.StartsWith("faq/", JsonDocument.Parse(search).RootElement.GetProperty("hits")[0].GetProperty("source").GetString(), StringComparison.Ordinal);

        var bodies = new List<string> { status, search };
        foreach (var path in new[] { "/readyz", "/healthz", "/api/knowledge/search", "/api/knowledge/search?q=x&top=0", "/no/such/page" })
        {
            using var response = await server.Client.GetAsync(new Uri(path, UriKind.Relative));
            bodies.Add(await response.Content.ReadAsStringAsync());
        }

        foreach (var body in bodies)
        {
            foreach (var folder in new[] { knowledge.Path, data.Path, RepoPaths.Root, Path.GetTempPath().TrimEnd('/') })
            {
                Assert.DoesNotContain(folder, body, StringComparison.Ordinal);
            }
        }
    }

    private static Task<RunningServer> StartWithAgentAsync(string dataPath, params string[] settings) => RunningServer.StartAsync([
        "--Storage:DataPath", dataPath, "--DirectLine:Secret", Secret, "--Handoff:RequireAgentOnline", "false", .. HandoffFixture.AlwaysOpen,
        "--Handoff:Agents:0:Id", "ivy", "--Handoff:Agents:0:Name", "Ivy",
        "--Handoff:Agents:0:PasswordHash", AgentDirectory.HashPassword(AgentPassword), "--Handoff:Agents:0:ApiKey", AgentKey, .. settings]);

    private static async Task<List<HttpStatusCode>> TokenRequestsAsync(RunningServer server, Func<int, string> forwardedFor, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webchat/token") { Headers = { { "X-Forwarded-For", forwardedFor(i) } } };
            using var response = await server.Client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }

    private static async Task<(string Html, string Nonce)> PageAsync(RunningServer server)
    {
        using var response = await server.Client.GetAsync(new Uri("/", UriKind.Relative));
        var nonce = StyleNonce().Match(Header(response, "Content-Security-Policy"));
        Assert.True(nonce.Success, "the store page's policy names no style nonce");
        return (await response.Content.ReadAsStringAsync(), nonce.Groups[1].Value);
    }

    /// <summary>A request as a TLS-terminating proxy passes it on (HSTS is never sent for localhost, so a real host name).</summary>
    private static HttpRequestMessage HttpsRequest(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { { "X-Forwarded-Proto", "https" } } };
        request.Headers.Host = "shop.example";
        return request;
    }

    private static HttpRequestMessage CrossSite(HttpMethod method, string path, object? body = null, string? fetchSite = "cross-site")
    {
        var request = new HttpRequestMessage(method, path) { Headers = { { "Origin", "https://evil.example" } } };
        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }

        request.Content = body is null ? null : JsonContent.Create(body);
        return request;
    }

    private static HttpClient CookieClient(RunningServer server) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = server.Address };

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : "";

    [GeneratedRegex("style-src 'self' 'nonce-([A-Za-z0-9+/=]+)'")]
    private static partial Regex StyleNonce();
}
