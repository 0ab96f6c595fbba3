using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SupportBot.Tests.Support;

/// <summary>
/// The Bot Framework's token service as the bot sees it: OpenID metadata and a signing key served from 127.0.0.1,
/// and channel tokens signed with that key, so the JWT bearer path runs for real (Development allows http metadata).
/// </summary>
internal sealed class BotFrameworkIdentity : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.com";

    /// <summary>How long a channel token is valid unless a test says otherwise.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly RSA _rsa;
    private readonly RecordingServer _server;
    private readonly TimeProvider _clock;

    private BotFrameworkIdentity(RSA rsa, RsaSecurityKey key, RecordingServer server, TimeProvider clock)
    {
        _rsa = rsa;
        SigningKey = key;
        _server = server;
        _clock = clock;
    }

    public RsaSecurityKey SigningKey { get; }

    public Uri MetadataUrl => new(_server.Address, "openid");

    /// <param name="clock">The clock tokens are issued on: the bot's own (a fake one, when the test gives the bot one).</param>
    public static async Task<BotFrameworkIdentity> StartAsync(TimeProvider? clock = null)
    {
        var rsa = RSA.Create(2048);
        var key = new RsaSecurityKey(rsa) { KeyId = "channel-key" };
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(key);
        Uri? self = null;
        var server = await RecordingServer.StartAsync(async (context, _) =>
        {
            if (context.Request.Path.Value!.EndsWith("keys", StringComparison.Ordinal))
            {
                await context.Response.WriteAsJsonAsync(new { keys = new[] { new { kty = "RSA", use = "sig", kid = jwk.Kid, n = jwk.N, e = jwk.E } } });
            }
            else
            {
                await context.Response.WriteAsJsonAsync(new { issuer = Issuer, jwks_uri = new Uri(self!, "keys").ToString() });
            }
        });
        self = server.Address;
        return new BotFrameworkIdentity(rsa, key, server, clock ?? TimeProvider.System);
    }

    /// <summary>The settings of a Development server that trusts this identity service for <paramref name="appId"/>.</summary>
    public string[] ServerSettings(string appId) =>
        ["--environment", "Development", "--BotConnector:AppId", appId, "--BotConnector:OpenIdMetadataUrl", MetadataUrl.ToString()];

    /// <summary>
    /// A channel token as the Bot Connector service issues it: for the bot's App ID, naming the channel's service URL,
    /// valid for <see cref="Lifetime"/> from now on the identity's clock unless <paramref name="expires"/> says otherwise.
    /// </summary>
    public string Token(string audience, string? serviceUrl, SecurityKey? signWith = null, string issuer = Issuer, DateTime? expires = null)
    {
        var until = expires ?? _clock.GetUtcNow().UtcDateTime.Add(Lifetime);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = until.AddMinutes(-30),
            NotBefore = until.AddMinutes(-30),
            Expires = until,
            Claims = serviceUrl is null ? null : new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            SigningCredentials = new SigningCredentials(signWith ?? SigningKey, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _rsa.Dispose();
    }
}
