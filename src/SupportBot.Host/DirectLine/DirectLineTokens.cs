using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Memory;
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
/// names its conversation, its user and when it expires, so a token for conversation A is refused on B; it is opaque
/// to clients (not a JWT), which Web Chat accepts. Expiry is read on the server's <see cref="TimeProvider"/> only:
/// Data Protection's own time limit would read the wall clock.
/// </summary>
internal sealed class DirectLineTokens : IDisposable
{
    /// <summary>Tokens verified recently, so a conversation's every post does not decrypt its token again; bounded.</summary>
    private const int VerifiedTokensKept = 10_000;

    /// <summary>The purpose that keeps these tokens apart from anything else the key ring protects (cookies, …).</summary>
    /// v3 carries its expiry in the payload; a v2 token (time-limited by Data Protection) no longer verifies, and the
    /// page fetches a new one when it loads.
    public const string Purpose = "SupportBot.DirectLine.ConversationToken.v3";

    private readonly byte[] _secretHash;
    private readonly IDataProtector _protector;
    private readonly TimeProvider _time;
    private readonly MemoryCache _verified = new(new MemoryCacheOptions { SizeLimit = VerifiedTokensKept });

    public DirectLineTokens(IOptions<DirectLineOptions> options, IDataProtectionProvider protection, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Value;
        _time = time;
        var secret = string.IsNullOrEmpty(Options.Secret) ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) : Options.Secret;
        _secretHash = Hash(secret);
        _protector = protection.CreateProtector(Purpose);
    }

    public DirectLineOptions Options { get; }

    public string Issue(string conversationId, string? userId) =>
        _protector.Protect(JsonSerializer.Serialize(new TokenPayload(conversationId, userId,
            _time.GetUtcNow().AddSeconds(Options.TokenLifetimeSeconds).ToUnixTimeSeconds())));

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

        // Only a token that decrypted and authenticated is remembered, so a stranger's guesses cost them, not the cache;
        // its expiry is checked on every use against the server's clock.
        if (_verified.TryGetValue(credential, out DirectLineCredential? known) && known is not null)
        {
            return known.ExpiresAt > _time.GetUtcNow() ? known : null;
        }

        try
        {
            var payload = JsonSerializer.Deserialize<TokenPayload>(_protector.Unprotect(credential));
            if (payload is not { Conv.Length: > 0 })
            {
                return null;
            }

            var expires = DateTimeOffset.FromUnixTimeSeconds(payload.Exp);
            var left = expires - _time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                return null;
            }

            // The cache's own clock is the wall clock, so it is told how long the token has left, never the instant.
            var verified = new DirectLineCredential(false, payload.Conv, payload.User, expires);
            _verified.Set(credential, verified, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = left });
            return verified;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or JsonException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    public void Dispose() => _verified.Dispose();

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));

    /// <param name="Exp">When the token expires, in Unix seconds.</param>
    private sealed record TokenPayload(string Conv, string? User, long Exp);
}
