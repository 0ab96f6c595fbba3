using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Host.Agents;
using SupportBot.Host.Cli;
using SupportBot.Host.DirectLine;
using SupportBot.Tests.DirectLine;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Security;

/// <summary>
/// Secrets and tokens as an attacker meets them: the demo agent and weak secrets on a public (Production) server, and
/// Direct Line tokens that are tampered with, forged the old way, or carried to another server; and the key ring that
/// protects them, which must keep a page working across a restart and stay private on disk.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Security)]
public sealed class SecretsTests
{
    private const string Secret = "secrets-tests-secret-0123456789-abcdef";

    /// <summary>A moment far from today's, so a token that works on it can only have been checked on the server's clock.</summary>
    private static readonly DateTimeOffset LongAgo = new(2001, 2, 3, 4, 5, 6, TimeSpan.Zero);

    private static readonly DateTimeOffset FarFuture = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ProductionServe_WithTheDemoAgentsPassword_RefusesToStart_InOneLine()
    {
        using var data = TempFolder.Create();

        // The demo password under any agent id: the id is not what makes it public knowledge.
        var (exit, error) = await ServeAsync(data.Path, "--environment", "Production",
            "--Handoff:Agents:0:Id", "admin", "--Handoff:Agents:0:Name", "Admin",
            "--Handoff:Agents:0:PasswordHash", AgentDirectory.HashPassword(AgentDirectory.DemoPassword));

        Assert.Equal(SupportBotCli.BadUsage, exit);
        Assert.Equal(
            "supportbot: configuration: Handoff:Agents: agent 'admin' signs in with the demo password (give it your own: supportbot agent hash-password): allowed in Development only, and this server runs as Production",
            error.Trim());
    }

    [Fact]
    public async Task DemoAgent_SignsInOnlyInDevelopment()
    {
        using var data = TempFolder.Create();
        var demo = new { id = "sam", password = AgentDirectory.DemoPassword };

        await using (var production = await RunningServer.StartAsync("--Storage:DataPath", data.Path))
        {
            using var refused = await production.Client.PostAsJsonAsync("/agent/api/session", demo);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        await using var development = await RunningServer.StartDevelopmentAsync("--Storage:DataPath", data.Path);
        using var signedIn = await development.Client.PostAsJsonAsync("/agent/api/session", demo);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
    }

    [Fact]
    public async Task ShortDirectLineSecret_IsRefusedAtStartUp_WithoutShowingIt()
    {
        using var data = TempFolder.Create();
        var weak = new string('k', DirectLineOptions.MinSecretBytes - 1);

        var (exit, error) = await ServeAsync(data.Path, "--DirectLine:Secret", weak);

        Assert.Equal(SupportBotCli.BadUsage, exit);
        Assert.Equal($"supportbot: configuration: DirectLine:Secret must be at least 32 bytes (got 31); make one with: openssl rand -hex 32", error.Trim());
        Assert.DoesNotContain(weak, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TamperedForgedAndForeignTokens_AreRefused()
    {
        using var data = TempFolder.Create();
        await using var server = await RunningServer.StartAsync("--Storage:DataPath", data.Path, "--DirectLine:Secret", Secret);
        var shopper = await DirectLineClient.StartedAsync(server.Client, await PageTokenAsync(server));
        var token = shopper.Credential;

        // One character changed in the middle of the token.
        var middle = token.Length / 2;
        var tampered = token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];

        // The scheme before Data Protection: an HMAC keyed with a bare SHA-256 of the secret, made offline.
        var payload = WebEncoders.Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(new
        {
            Conv = shopper.ConversationId,
            User = "attacker",
            Exp = FarFuture.ToUnixTimeSeconds(),
        }));
        var oldKey = SHA256.HashData(Encoding.UTF8.GetBytes("supportbot/directline/token-key/" + Secret));
        var forged = $"{payload}.{WebEncoders.Base64UrlEncode(HMACSHA256.HashData(oldKey, Encoding.ASCII.GetBytes(payload)))}";

        // A real token, from another server with its own key ring.
        using var otherData = TempFolder.Create();
        string foreign;
        await using (var other = await RunningServer.StartAsync("--Storage:DataPath", otherData.Path, "--DirectLine:Secret", Secret))
        {
            foreign = await PageTokenAsync(other);
        }

        foreach (var credential in new[] { tampered, forged, foreign, token + "x", "", "." })
        {
            using var poll = await shopper.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{shopper.ConversationId}/activities", credential: credential);
            using var post = await shopper.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{shopper.ConversationId}/activities",
                new { type = "message", text = "hello" }, credential);
            Assert.True(poll.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized, $"'{credential}' polled: {poll.StatusCode}");
            Assert.True(post.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized, $"'{credential}' posted: {post.StatusCode}");
        }

        using var genuine = await shopper.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{shopper.ConversationId}/activities");
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
    }

    [Fact]
    public async Task PageTokens_SurviveARestart_AndRefreshAfterIt()
    {
        using var data = TempFolder.Create();
        DirectLineClient shopper;

        // No secret configured: each start makes a new random one, and the page's token must not depend on it.
        await using (var before = await RunningServer.StartAsync("--Storage:DataPath", data.Path))
        {
            shopper = new DirectLineClient(before.Client, await PageTokenAsync(before));
            (await shopper.StartAsync()).EnsureSuccessStatusCode();
            await shopper.PostOkAsync("hello");
        }

        await using var after = await RunningServer.StartAsync("--Storage:DataPath", data.Path);
        var resumed = new DirectLineClient(after.Client, shopper.Credential) { ConversationId = shopper.ConversationId };
        var (activities, _) = await resumed.PollAsync();
        Assert.Contains(activities, a => a.TryGetProperty("text", out var text) && text.GetString() == "hello");

        using var refresh = await resumed.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh");
        refresh.EnsureSuccessStatusCode();
        var refreshed = new DirectLineClient(after.Client, (await refresh.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!)
        {
            ConversationId = shopper.ConversationId,
        };
        Assert.NotEmpty((await refreshed.PollAsync()).Activities);
        Assert.DoesNotContain(shopper.ConversationId!, refreshed.Credential, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task KeyRing_IsReadableByTheServersUserOnly()
    {
        using var data = TempFolder.Create();
        await using (var server = await RunningServer.StartAsync("--Storage:DataPath", data.Path))
        {
            await PageTokenAsync(server);
        }

        var keys = Path.Combine(data.Path, "keys");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(keys));
        var files = Directory.GetFiles(keys, "*.xml");
        Assert.NotEmpty(files);
        Assert.All(files, file => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file)));
    }

    [Fact]
    public async Task KeyRing_WithACertificate_IsEncryptedAtRest_AndStillServesAfterARestart()
    {
        using var data = TempFolder.Create();
        var certificate = data.WriteBytes("keyring.pfx", SelfSignedPfx("pfx password"));
        string[] settings = ["--Storage:DataPath", data.Path, "--DataProtection:CertificatePath", certificate, "--DataProtection:CertificatePassword", "pfx password"];
        DirectLineClient shopper;
        await using (var before = await RunningServer.StartAsync(settings))
        {
            shopper = new DirectLineClient(before.Client, await PageTokenAsync(before));
            (await shopper.StartAsync()).EnsureSuccessStatusCode();
        }

        var key = File.ReadAllText(Assert.Single(Directory.GetFiles(Path.Combine(data.Path, "keys"), "*.xml")));
        Assert.Contains("EncryptedData", key, StringComparison.Ordinal);
        Assert.DoesNotContain("unencrypted form", key, StringComparison.Ordinal);

        await using var after = await RunningServer.StartAsync(settings);
        var resumed = new DirectLineClient(after.Client, shopper.Credential) { ConversationId = shopper.ConversationId };
        await resumed.PollAsync();

        var (exit, error) = await ServeAsync(data.Path, "--DataProtection:CertificatePath", certificate, "--DataProtection:CertificatePassword", "wrong");
        Assert.Equal(SupportBotCli.BadUsage, exit);
        Assert.StartsWith("supportbot: configuration: DataProtection:CertificatePath: cannot load 'keyring.pfx'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Token_ExpiresOnTheServersClock()
    {
        var time = new FakeTimeProvider(LongAgo);
        using var tokens = new DirectLineTokens(Options.Create(new DirectLineOptions { TokenLifetimeSeconds = 60 }), new EphemeralDataProtectionProvider(), time);
        var token = tokens.Issue("conv-1", "user-1");

        time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(("conv-1", "user-1"), (tokens.Check(token)?.ConversationId, tokens.Check(token)?.UserId));

        // The second check above came from the verified-token cache: expiry still holds on the server's clock.
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Null(tokens.Check(token));
    }

    [Fact]
    public async Task PageToken_ServesUntilItsLifetimeEndsOnTheServersClock_ThenIsRefused_AndCannotBeRefreshed()
    {
        var clock = new FakeTimeProvider(LongAgo);
        using var data = TempFolder.Create();
        await using var server = await RunningServer.StartAsync(services => services.AddSingleton<TimeProvider>(clock),
            "--Storage:DataPath", data.Path, "--DirectLine:TokenLifetimeSeconds", "60");
        var shopper = await DirectLineClient.StartedAsync(server.Client, await PageTokenAsync(server));
        var poll = $"/v3/directline/conversations/{shopper.ConversationId}/activities";

        clock.Advance(TimeSpan.FromSeconds(59));
        using (var lastSecond = await shopper.SendAsync(HttpMethod.Get, poll))
        {
            Assert.Equal(HttpStatusCode.OK, lastSecond.StatusCode);
        }

        clock.Advance(TimeSpan.FromSeconds(2));
        using var expired = await shopper.SendAsync(HttpMethod.Get, poll);
        using var refresh = await shopper.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh");
        foreach (var refused in new[] { expired, refresh })
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("TokenExpired", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString());
        }
    }

    /// <summary><c>supportbot serve</c> as a user runs it, cancelled after a while if it does start (the test then fails).</summary>
    private static async Task<(int Exit, string Error)> ServeAsync(string dataPath, params string[] settings)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var exit = await SupportBotCli.RunAsync(["serve", "--urls", "http://127.0.0.1:0", "--Storage:DataPath", dataPath, .. settings], output, error, giveUp.Token);
        return (exit, error.ToString());
    }

    private static async Task<string> PageTokenAsync(RunningServer server)
    {
        using var response = await server.Client.PostAsync(new Uri("/api/webchat/token", UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    private static byte[] SelfSignedPfx(string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=supportbot key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(LongAgo, FarFuture);
        return certificate.Export(X509ContentType.Pkcs12, password);
    }
}
