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
/// names its conversation and user, so a token for conversation A is refused on B; it is opaque to clients (not a
/// JWT), which Web Chat accepts.
/// </summary>
internal sealed class DirectLineTokens : IDisposable
{
    /// <summary>Tokens verified recently, so a conversation's every post does not decrypt its token again; bounded.</summary>
    private const int VerifiedTokensKept = 10_000;

    /// <summary>The purpose that keeps these tokens apart from anything else the key ring protects (cookies, …).</summary>
    public const string Purpose = "SupportBot.DirectLine.ConversationToken.v2";

    private readonly byte[] _secretHash;
    private readonly ITimeLimitedDataProtector _protector;
    private readonly TimeProvider _time;
    private readonly MemoryCache _verified = new(new MemoryCacheOptions { SizeLimit = VerifiedTokensKept });

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

        // Only a token that decrypted and authenticated is remembered, so a stranger's guesses cost them, not the cache;
        // its expiry is checked on every use against the server's clock.
        if (_verified.TryGetValue(credential, out DirectLineCredential? known) && known is not null)
        {
            return known.ExpiresAt > _time.GetUtcNow() ? known : null;
        }

        try
        {
            var payload = JsonSerializer.Deserialize<TokenPayload>(_protector.Unprotect(credential, out var expires));

            // Data Protection checks expiry against the wall clock; the server's clock (TimeProvider) has the last word.
            if (payload is not { Conv.Length: > 0 } || expires <= _time.GetUtcNow())
            {
                return null;
            }

            var verified = new DirectLineCredential(false, payload.Conv, payload.User, expires);
            _verified.Set(credential, verified, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = expires });
            return verified;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or JsonException)
        {
            return null;
        }
    }

    public void Dispose() => _verified.Dispose();

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));

    private sealed record TokenPayload(string Conv, string? User);
}
