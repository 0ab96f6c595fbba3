using System.Net;
using System.Net.Sockets;

namespace SupportBot.Schema;

/// <summary>
/// Who sent a turn, as the channel adapter knows it from the transport and its credentials: the connection's
/// address, the user a Direct Line token was issued to, the sender an authenticated channel vouches for. It is
/// passed beside the activity, never read from fields a client wrote, so a client cannot pick it; failed order
/// verifications are counted against it (<c>Orders/VerificationLimiter</c>).
/// </summary>
/// <param name="Channel">The channel the turn came through (<c>directline</c>, <c>msteams</c>, <c>cli</c>…).</param>
/// <param name="Address">The client's network (see <see cref="NetworkOf"/>), when the transport is the shopper's own connection.</param>
/// <param name="UserId">The user id the channel authenticated, when there is one.</param>
internal sealed record ClientIdentity(string Channel, string? Address, string? UserId)
{
    /// <summary>A turn whose sender nothing vouches for: only the order's own count applies to it.</summary>
    public static ClientIdentity Unknown { get; } = new("unknown", null, null);

    /// <summary>
    /// A caller inside this process, which wrote the activity itself (the terminal chat, evaluation, tests): its
    /// channel and sender are as trusted as the caller.
    /// </summary>
    public static ClientIdentity InProcess(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return new ClientIdentity(activity.ChannelId ?? "local", null, activity.From?.Id);
    }

    /// <summary>
    /// The part of an address one client controls: an IPv4 address as it is (an IPv4-mapped IPv6 one unmapped),
    /// an IPv6 address by its /64 network, since one subscriber is usually given a whole /64.
    /// </summary>
    public static string? NetworkOf(IPAddress? address)
    {
        if (address is null)
        {
            return null;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6 || IPAddress.IsLoopback(address))
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>The counters this client's failures go to: its address and its user, each on its own, so changing one does not reset the other.</summary>
    public IReadOnlyList<string> CounterKeys()
    {
        var keys = new List<string>(2);
        if (!string.IsNullOrEmpty(Address))
        {
            keys.Add("address:" + Address);
        }

        if (!string.IsNullOrEmpty(UserId))
        {
            keys.Add($"user:{Channel}:{UserId}");
        }

        return keys;
    }
}
