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

    private readonly RSA _rsa;
    private readonly RecordingServer _server;

    private BotFrameworkIdentity(RSA rsa, RsaSecurityKey key, RecordingServer server)
    {
        _rsa = rsa;
        SigningKey = key;
        _server = server;
    }

    public RsaSecurityKey SigningKey { get; }

    public Uri MetadataUrl => new(_server.Address, "openid");

    public static async Task<BotFrameworkIdentity> StartAsync()
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
        return new BotFrameworkIdentity(rsa, key, server);
    }

    /// <summary>The settings of a Development server that trusts this identity service for <paramref name="appId"/>.</summary>
    public string[] ServerSettings(string appId) =>
        ["--environment", "Development", "--BotConnector:AppId", appId, "--BotConnector:OpenIdMetadataUrl", MetadataUrl.ToString()];

    /// <summary>A channel token as the Bot Connector service issues it: for the bot's App ID, naming the channel's service URL.</summary>
    public string Token(string audience, string? serviceUrl, SecurityKey? signWith = null, string issuer = Issuer, DateTime? expires = null)
    {
        var until = expires ?? DateTime.UtcNow.AddMinutes(5);
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
