using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace SupportBot.Host.DirectLine;

/// <summary>What a bearer credential allows: every conversation (the secret) or one conversation (a token).</summary>
internal sealed record DirectLineCredential(bool IsSecret, string? ConversationId, string? UserId, DateTimeOffset ExpiresAt)
{
    public bool Allows(string conversationId) => IsSecret || ConversationId == conversationId;
}

/// <summary>
/// The secret and the signed, expiring conversation tokens derived from it. A token names its conversation, so a
/// token for conversation A is refused on B; it is opaque to clients (not a JWT), which Web Chat accepts.
/// </summary>
internal sealed class DirectLineTokens
{
    private readonly byte[] _secret;
    private readonly byte[] _signingKey;
    private readonly TimeProvider _time;

    public DirectLineTokens(IOptions<DirectLineOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Value;
        _time = time;
        var secret = string.IsNullOrEmpty(Options.Secret) ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) : Options.Secret;
        _secret = Encoding.UTF8.GetBytes(secret);
        _signingKey = SHA256.HashData(Encoding.UTF8.GetBytes("supportbot/directline/token-key/" + secret));
    }

    public DirectLineOptions Options { get; }

    public string Issue(string conversationId, string? userId)
    {
        var expires = _time.GetUtcNow().AddSeconds(Options.TokenLifetimeSeconds).ToUnixTimeSeconds();
        var payload = WebEncoders.Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(new TokenPayload(conversationId, userId, expires)));
        return $"{payload}.{Sign(payload)}";
    }

    /// <summary>The credential in an <c>Authorization: Bearer …</c> value (or a stream URL's <c>t</c>), or null when it is not valid now.</summary>
    public DirectLineCredential? Check(string? credential)
    {
        if (string.IsNullOrEmpty(credential))
        {
            return null;
        }

        if (CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(credential), _secret))
        {
            return new DirectLineCredential(true, null, null, DateTimeOffset.MaxValue);
        }

        var dot = credential.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(credential[(dot + 1)..]), Encoding.ASCII.GetBytes(Sign(credential[..dot]))))
        {
            return null;
        }

        try
        {
            var payload = JsonSerializer.Deserialize<TokenPayload>(WebEncoders.Base64UrlDecode(credential[..dot]));
            var expires = DateTimeOffset.FromUnixTimeSeconds(payload!.Exp);
            return expires > _time.GetUtcNow() ? new DirectLineCredential(false, payload.Conv, payload.User, expires) : null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }
    }

    private string Sign(string payload) => WebEncoders.Base64UrlEncode(HMACSHA256.HashData(_signingKey, Encoding.ASCII.GetBytes(payload)));

    private sealed record TokenPayload(string Conv, string? User, long Exp);
}
