using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;
using SupportBot.Host.BotConnector;
using SupportBot.Storage;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Security;

/// <summary>
/// <c>POST /api/messages</c> attacked from outside: anonymous and forged callers, service URLs that point into the
/// network (server-side request forgery), the bot's own token sent elsewhere, and channels that redirect or stall.
/// Real delivery to a loopback channel only happens in the Emulator mode (Development, validation off).
/// </summary>
[Trait(TestCategories.Key, TestCategories.Security)]
public sealed class BotConnectorAttackTests
{
    private const string AppId = "our-app";
    private const string Channel = "msteams";

    /// <summary>The lateness the bot forgives a channel's clock (BotConnectorAuthentication).</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task AnonymousPost_ToADefaultServer_IsRefused_AndTheBotCallsNoOne()
    {
        await using var channel = await RecordingServer.StartAsync();
        await using var server = await RunningServer.StartAsync();

        using var anonymous = await PostAsync(server, Activity(channel.Address.ToString(), "conv-anon"));
        using var withAnyBearer = await PostAsync(server, Activity(channel.Address.ToString(), "conv-anon"), "anything");

        await AssertProblemAsync(anonymous, HttpStatusCode.Forbidden, "Bot Connector not configured");
        await AssertProblemAsync(withAnyBearer, HttpStatusCode.Forbidden, "Bot Connector not configured");
        Assert.Empty(channel.Requests);
    }

    [Fact]
    public async Task MissingOrForgedTokens_Are401ProblemDetails_AndTheBotCallsNoOne()
    {
        await using var identity = await BotFrameworkIdentity.StartAsync();
        await using var channel = await RecordingServer.StartAsync();
        await using var server = await RunningServer.StartAsync(identity.ServerSettings(AppId));
        var serviceUrl = channel.Address.ToString();
        using var otherRsa = RSA.Create(2048);
        var otherKey = new RsaSecurityKey(otherRsa) { KeyId = identity.SigningKey.KeyId };

        string?[] tokens =
        [
            null,
            "not-a-jwt",
            identity.Token("someone-else", serviceUrl),
            identity.Token(AppId, serviceUrl, signWith: otherKey),
            identity.Token(AppId, serviceUrl, issuer: "https://attacker.example"),
            identity.Token(AppId, serviceUrl, expires: new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc)),
        ];
        foreach (var token in tokens)
        {
            using var response = await PostAsync(server, Activity(serviceUrl, "conv-forged"), token);
            await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "Unauthorized");
            Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }

        Assert.Empty(channel.Requests);
    }

    [Fact]
    public async Task AChannelToken_IsAcceptedUntilItsExpiryPlusTheSkew_OnTheServersClock_AndRefusedAfter()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2031, 3, 14, 9, 0, 0, TimeSpan.Zero));
        using var data = TempFolder.Create();
        await using var identity = await BotFrameworkIdentity.StartAsync(clock);
        await using var channel = await RecordingServer.StartAsync();
        await using var server = await RunningServer.StartAsync(services => services.AddSingleton<TimeProvider>(clock),
            [.. identity.ServerSettings(AppId), "--Storage:DataPath", data.Path]);

        // A token for another service URL: once it is accepted, the mismatch is what refuses it, so nothing is sent either way.
        var token = identity.Token(AppId, "https://smba.trafficmanager.net/amer/");
        var lastValidMoment = BotFrameworkIdentity.Lifetime + ClockSkew;

        clock.Advance(lastValidMoment - TimeSpan.FromSeconds(1));
        using (var beforeExpiry = await PostAsync(server, Activity(channel.Address.ToString(), "conv-expiry"), token))
        {
            await AssertProblemAsync(beforeExpiry, HttpStatusCode.Forbidden, "Service URL mismatch");
        }

        clock.Advance(TimeSpan.FromSeconds(2));
        using var afterExpiry = await PostAsync(server, Activity(channel.Address.ToString(), "conv-expiry"), token);
        await AssertProblemAsync(afterExpiry, HttpStatusCode.Unauthorized, "Unauthorized");
        Assert.Empty(channel.Requests);
    }

    [Fact]
    public async Task ATokenForAnotherServiceUrl_IsRefused_AndNothingIsSent()
    {
        await using var identity = await BotFrameworkIdentity.StartAsync();
        await using var channel = await RecordingServer.StartAsync();
        await using var server = await RunningServer.StartAsync(identity.ServerSettings(AppId));

        using var response = await PostAsync(server, Activity(channel.Address.ToString(), "conv-mismatch"),
            identity.Token(AppId, "https://smba.trafficmanager.net/amer/"));

        await AssertProblemAsync(response, HttpStatusCode.Forbidden, "Service URL mismatch");
        Assert.Empty(channel.Requests);
    }

    [Theory]
    [InlineData("http://127.0.0.1:{port}")]
    [InlineData("http://localhost:{port}")]
    [InlineData("https://[::1]:{port}")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("https://10.1.2.3")]
    [InlineData("https://192.168.0.1")]
    [InlineData("https://100.100.100.200")]
    [InlineData("https://0.0.0.0:{port}")]
    [InlineData("https://evil.example.com")]
    [InlineData("https://botframework.com.evil.example.com")]
    public async Task ServiceUrlsOffTheAllowListOrInsideTheNetwork_AreRefusedBeforeTheTurn_EvenWithAValidToken(string target)
    {
        await using var identity = await BotFrameworkIdentity.StartAsync();
        await using var channel = await RecordingServer.StartAsync();
        await using var server = await RunningServer.StartAsync(identity.ServerSettings(AppId));
        var serviceUrl = target.Replace("{port}", channel.Address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var conversation = "conv-ssrf-" + Guid.NewGuid().ToString("N")[..8];

        using var response = await PostAsync(server, Activity(serviceUrl, conversation), identity.Token(AppId, serviceUrl));

        await AssertProblemAsync(response, HttpStatusCode.Forbidden, "Service URL not allowed");
        Assert.Empty(channel.Requests);
        Assert.False(await server.Services.GetRequiredService<IConversationStore>().ExistsAsync($"bc:{Channel}:{conversation}", default));
    }

    [Fact]
    public async Task TheBotsOwnToken_IsNeverFetchedOrSentForAServiceUrlOffTheAllowList()
    {
        await using var identity = await BotFrameworkIdentity.StartAsync();
        await using var tokens = await RecordingServer.StartAsync((context, _) => context.Response.WriteAsJsonAsync(new { access_token = "bot-secret-token", expires_in = 3600 }));
        await using var channel = await RecordingServer.StartAsync();
        await using var server = await RunningServer.StartAsync([.. identity.ServerSettings(AppId), "--BotConnector:AppPassword", "app-password",
            "--BotConnector:OutboundTokenEndpoint", new Uri(tokens.Address, "token").ToString()]);
        var serviceUrl = channel.Address.ToString();

        using var response = await PostAsync(server, Activity(serviceUrl, "conv-token"), identity.Token(AppId, serviceUrl));

        await AssertProblemAsync(response, HttpStatusCode.Forbidden, "Service URL not allowed");
        Assert.Empty(channel.Requests);
        Assert.Empty(tokens.Requests);
    }

    [Fact]
    public async Task TheConnectorsConnections_RefuseInsideAddresses_AfterTheNameIsResolved()
    {
        await using var channel = await RecordingServer.StartAsync();
        await using var server = await RunningServer.StartAsync();
        var http = server.Services.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(ConnectorClient));

        // "localhost" is a name: only its resolved address shows it is this machine.
        var byName = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new UriBuilder(channel.Address) { Host = "localhost" }.Uri));
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(channel.Address));

        Assert.Contains("inside a network", byName.Message + byName.InnerException?.Message, StringComparison.Ordinal);
        Assert.Empty(channel.Requests);
    }

    [Fact]
    public async Task AChannelThatRedirects_IsNotFollowed()
    {
        await using var elsewhere = await RecordingServer.StartAsync();
        await using var channel = await RecordingServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
            context.Response.Headers.Location = new Uri(elsewhere.Address, "internal/admin").ToString();
            return Task.CompletedTask;
        });
        await using var server = await RunningServer.StartAsync(BotConnector.BotConnectorTests.Emulator);

        using var response = await PostAsync(server, Activity(channel.Address.ToString(), "conv-redirect", channelId: "emulator"));

        await AssertProblemAsync(response, HttpStatusCode.BadGateway, "Reply not delivered");
        Assert.NotEmpty(channel.Requests);
        Assert.Empty(elsewhere.Requests);
    }

    [Fact]
    public async Task AChannelThatStalls_HoldsTheRequestOnlyForTheReplyTimeout_AndIsA502()
    {
        await using var channel = await RecordingServer.StartAsync(async (context, _) => await Task.Delay(TimeSpan.FromSeconds(60), context.RequestAborted));
        await using var server = await RunningServer.StartAsync([.. BotConnector.BotConnectorTests.Emulator, "--BotConnector:ReplyTimeoutSeconds", "1"]);

        using var response = await PostAsync(server, Activity(channel.Address.ToString(), "conv-slow", channelId: "emulator"));

        await AssertProblemAsync(response, HttpStatusCode.BadGateway, "Reply not delivered");
    }

    [Fact]
    public async Task SigningKeysThatCannotBeFetched_Are503ProblemDetails_NeverA500()
    {
        await using var identity = await BotFrameworkIdentity.StartAsync();
        Uri unreachable;
        await using (var gone = await RecordingServer.StartAsync())
        {
            unreachable = new Uri(gone.Address, "openid");
        }

        await using var server = await RunningServer.StartAsync("--environment", "Development", "--BotConnector:AppId", AppId,
            "--BotConnector:OpenIdMetadataUrl", unreachable.ToString());

        using var response = await PostAsync(server, Activity("https://smba.trafficmanager.net/amer/", "conv-keys"), identity.Token(AppId, "https://smba.trafficmanager.net/amer/"));

        await AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable, "Signing keys unavailable");
        Assert.True(response.Headers.Contains("Retry-After"));
    }

    [Theory]
    [InlineData(new[] { "--BotConnector:ValidateInboundTokens", "false" }, "BotConnector:ValidateInboundTokens=false (for the Emulator) turns off inbound token checks: allowed in Development only")]
    [InlineData(new[] { "--environment", "Staging", "--BotConnector:ValidateInboundTokens", "false" }, "BotConnector:ValidateInboundTokens=false (for the Emulator) turns off inbound token checks: allowed in Development only")]
    [InlineData(new[] { "--environment", "Development", "--BotConnector:ValidateInboundTokens", "false", "--BotConnector:AppId", "our-app" }, "BotConnector:ValidateInboundTokens=false is refused while BotConnector:AppId or AppPassword is set")]
    [InlineData(new[] { "--environment", "Development", "--BotConnector:ValidateInboundTokens", "false", "--BotConnector:AppId", "our-app", "--BotConnector:AppPassword", "p" }, "BotConnector:ValidateInboundTokens=false is refused while BotConnector:AppId or AppPassword is set")]
    [InlineData(new[] { "--BotConnector:OpenIdMetadataUrl", "http://login.example.com/openid" }, "BotConnector:OpenIdMetadataUrl is not an https URL (got 'http://login.example.com/openid'): allowed in Development only")]
    public async Task TurningValidationOff_IsRefusedAtStartUp_OutsideDevelopmentOrWithCredentials(string[] settings, string expected)
    {
        using var data = TempFolder.Create();

        var (exit, _, error) = await CliRunner.RunAsync(["serve", "--urls", "http://127.0.0.1:0", "--Storage:DataPath", data.Path, .. settings]);

        Assert.Equal(2, exit);
        Assert.StartsWith("supportbot: configuration: " + expected, error.Trim(), StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("Production", false, "http://smba.trafficmanager.net/amer/", "must be https")]
    [InlineData("Production", false, "https://user:pw@smba.trafficmanager.net/amer/", "credentials")]
    [InlineData("Development", false, "http://localhost:3978", "not a channel")]
    [InlineData("Development", true, "http://localhost:3978", null)]
    [InlineData("Development", true, "http://10.0.0.8:3978", "inside a network")]
    [InlineData("Production", false, "https://smba.trafficmanager.net/amer/", null)]
    [InlineData("Production", false, "https://europe.webchat.botframework.com/", null)]
    [InlineData("Production", false, "https://xsmba.trafficmanager.net/", "not a channel")]
    public void ServiceUrlPolicy_HttpsOnlyOutsideDevelopment_LoopbackOnlyForTheEmulator(string environment, bool emulator, string serviceUrl, string? refusal)
    {
        var options = new BotConnectorOptions { ValidateInboundTokens = !emulator };
        foreach (var host in new[] { "*.botframework.com", "smba.trafficmanager.net" })
        {
            options.AllowedServiceUrlHosts.Add(host);
        }

        var policy = new ServiceUrlPolicy(Options.Create(options), new Environment(environment));

        var said = policy.Refusal(serviceUrl);

        if (refusal is null)
        {
            Assert.Null(said);
        }
        else
        {
            Assert.Contains(refusal, said, StringComparison.Ordinal);
        }
    }

    internal static object Activity(string serviceUrl, string conversation, string text = "do you ship to canada", string channelId = Channel) =>
        Activities.PostedByChannel(serviceUrl, conversation, text, channelId: channelId);

    internal static async Task<HttpResponseMessage> PostAsync(RunningServer server, object activity, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await server.Client.SendAsync(request);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string title)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(title, body.GetProperty("title").GetString());
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "supportbot";

        public string ContentRootPath { get; set; } = ".";

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
