using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SupportBot.Storage;
using SupportBot.Schema;

namespace SupportBot.Orders;

/// <summary>What verification a try may still use, given the failures counted against the order and the client.</summary>
internal enum VerificationGate
{
    /// <summary>The e-mail or the ZIP/postal code.</summary>
    Open,

    /// <summary>Only the order's e-mail: a postal code is too easy to guess once several tries have failed.</summary>
    EmailOnly,

    /// <summary>No try now: too soon after the last failure, or locked out for the window.</summary>
    TryLater,
}

/// <summary>The gate, and for <see cref="VerificationGate.TryLater"/> how long until a try is accepted.</summary>
internal sealed record VerificationStanding(VerificationGate Gate, TimeSpan RetryAfter)
{
    public static VerificationStanding Open { get; } = new(VerificationGate.Open, TimeSpan.Zero);
}

/// <summary>
/// Counts failed verifications per order number and per client (address and user, each on its own) across
/// conversations and restarts, and turns the counts into a gate (<see cref="VerificationOptions"/>). An order
/// number that does not exist is counted exactly like one that does: the gate depends only on the number and the
/// failures, so it can never tell the two apart. A try that is turned away is not counted (it revealed nothing),
/// and nothing here waits: a slowed try is refused with the time left.
/// </summary>
internal sealed class VerificationLimiter(IVerificationFailureStore store, IOptions<OrdersOptions> options, TimeProvider time)
{
    private readonly VerificationOptions _limits = options.Value.Verification;

    public async Task<VerificationStanding> StandingAsync(string orderNumber, ClientIdentity client, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var counts = await store.ReadAsync(Keys(orderNumber, client), now - _limits.Window, cancellationToken).ConfigureAwait(false);
        var retryAfter = TimeSpan.Zero;
        var emailOnly = false;
        foreach (var count in counts)
        {
            var wait = count.Failures >= _limits.LockAfter ? count.LastFailure + _limits.Window - now
                : count.Failures >= _limits.DelayAfter ? count.LastFailure + _limits.Delay - now
                : TimeSpan.Zero;
            retryAfter = wait > retryAfter ? wait : retryAfter;
            emailOnly |= count.Failures >= _limits.EmailOnlyAfter;
        }

        return retryAfter > TimeSpan.Zero ? new VerificationStanding(VerificationGate.TryLater, retryAfter)
            : emailOnly ? new VerificationStanding(VerificationGate.EmailOnly, TimeSpan.Zero)
            : VerificationStanding.Open;
    }

    public Task RecordFailureAsync(string orderNumber, ClientIdentity client, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return store.RecordAsync(Keys(orderNumber, client), now, now - _limits.Window, cancellationToken);
    }

    /// <summary>
    /// The store keeps hashes, not order numbers, addresses or user ids: it only has to recognise a key again.
    /// </summary>
    private static List<string> Keys(string orderNumber, ClientIdentity client) =>
        [.. new[] { "order:" + orderNumber.Trim().ToUpperInvariant() }.Concat(client.CounterKeys())
            .Select(key => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))))];
}
