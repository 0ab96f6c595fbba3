using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace SupportBot.Host.DirectLine;

/// <summary>What a bearer credential allows: every conversation (the secret) or one conversation (a token).</summary>
internal sealed record DirectLineCredential(bool IsSecret, string? ConversationId, string? UserId, DateTimeOffset ExpiresAt)
{
    public bool Allows(string conversationId) => IsSecret || ConversationId == conversationId;
}

/// <summary>
/// The secret, and expiring conversation tokens protected (encrypted and authenticated) by ASP.NET Core Data
/// Protection with the server's key ring, so they survive a restart and say nothing to whoever holds them. A token
/// names its conversation and user, so a token for conversation A is refused on B; it is opaque to clients (not a
/// JWT), which Web Chat accepts.
/// </summary>
internal sealed class DirectLineTokens
{
    /// <summary>The purpose that keeps these tokens apart from anything else the key ring protects (cookies, …).</summary>
    public const string Purpose = "SupportBot.DirectLine.ConversationToken.v2";

    private readonly byte[] _secretHash;
    private readonly ITimeLimitedDataProtector _protector;
    private readonly TimeProvider _time;

    public DirectLineTokens(IOptions<DirectLineOptions> options, IDataProtectionProvider protection, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Value;
        _time = time;
        var secret = string.IsNullOrEmpty(Options.Secret) ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) : Options.Secret;
        _secretHash = Hash(secret);
        _protector = protection.CreateProtector(Purpose).ToTimeLimitedDataProtector();
    }

    public DirectLineOptions Options { get; }

    public string Issue(string conversationId, string? userId) =>
        _protector.Protect(JsonSerializer.Serialize(new TokenPayload(conversationId, userId)), _time.GetUtcNow().AddSeconds(Options.TokenLifetimeSeconds));

    /// <summary>The credential in an <c>Authorization: Bearer …</c> value (or a stream URL's <c>t</c>), or null when it is not valid now.</summary>
    public DirectLineCredential? Check(string? credential)
    {
        if (string.IsNullOrEmpty(credential))
        {
            return null;
        }

        // Hashes of equal length, so the comparison takes the same time whatever was offered.
        if (CryptographicOperations.FixedTimeEquals(Hash(credential), _secretHash))
        {
            return new DirectLineCredential(true, null, null, DateTimeOffset.MaxValue);
        }

        try
        {
            var payload = JsonSerializer.Deserialize<TokenPayload>(_protector.Unprotect(credential, out var expires));

            // Data Protection checks expiry against the wall clock; the server's clock (TimeProvider) has the last word.
            return payload is { Conv.Length: > 0 } && expires > _time.GetUtcNow()
                ? new DirectLineCredential(false, payload.Conv, payload.User, expires)
                : null;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or JsonException)
        {
            return null;
        }
    }

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));

    private sealed record TokenPayload(string Conv, string? User);
}
