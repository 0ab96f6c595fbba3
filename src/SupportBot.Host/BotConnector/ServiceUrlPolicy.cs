using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace SupportBot.Host.BotConnector;

/// <summary>
/// Where the bot may post replies. An activity's <c>serviceUrl</c> is the caller's word, so it must name an
/// allow-listed channel host over https (http only in Development), and the connection itself is refused when the
/// name resolves to an address inside a network — loopback, private, link-local (cloud metadata), CGNAT, unspecified,
/// multicast — checked on the address actually dialled, so a DNS answer that changes between check and use cannot
/// slip through. The Emulator's <c>http://localhost</c> is allowed only in Development with inbound validation off.
/// </summary>
internal sealed class ServiceUrlPolicy
{
    /// <summary>Addresses the bot never calls: they reach the machine itself or the network it sits in, not a channel.</summary>
    private static readonly IPNetwork[] InsideNetworks =
    [
        IPNetwork.Parse("0.0.0.0/8"), IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("100.64.0.0/10"), IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("172.16.0.0/12"), IPNetwork.Parse("192.0.0.0/24"), IPNetwork.Parse("192.0.2.0/24"),
        IPNetwork.Parse("192.168.0.0/16"), IPNetwork.Parse("198.18.0.0/15"), IPNetwork.Parse("198.51.100.0/24"), IPNetwork.Parse("203.0.113.0/24"),
        IPNetwork.Parse("224.0.0.0/3"),
        IPNetwork.Parse("::/96"), IPNetwork.Parse("::1/128"), IPNetwork.Parse("64:ff9b::/96"), IPNetwork.Parse("64:ff9b:1::/48"),
        IPNetwork.Parse("2001::/32"), IPNetwork.Parse("2001:db8::/32"), IPNetwork.Parse("2002::/16"), IPNetwork.Parse("fc00::/7"),
        IPNetwork.Parse("fe80::/10"), IPNetwork.Parse("fec0::/10"), IPNetwork.Parse("ff00::/8"),
    ];

    private readonly BotConnectorOptions _options;
    private readonly bool _development;

    public ServiceUrlPolicy(IOptions<BotConnectorOptions> options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        _options = options.Value;
        _development = environment.IsDevelopment();
    }

    /// <summary>The Emulator on this machine: Development with inbound validation off, so no token ever goes out.</summary>
    private bool EmulatorMode => _development && !_options.ValidateInboundTokens;

    /// <summary>Why the bot will not post to <paramref name="serviceUrl"/>, or null when it may.</summary>
    public string? Refusal(string? serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return "The activity needs an absolute http(s) 'serviceUrl'.";
        }

        if (url.Scheme == "http" && !_development)
        {
            return "The 'serviceUrl' must be https.";
        }

        if (url.UserInfo.Length > 0)
        {
            return "The 'serviceUrl' must not carry credentials.";
        }

        if (EmulatorMode && url.IsLoopback)
        {
            return null;
        }

        if (IPAddress.TryParse(url.IdnHost.Trim('[', ']'), out var literal) && !IsAllowedAddress(literal))
        {
            return "The 'serviceUrl' names an address inside a network, not a channel.";
        }

        return IsAllowedHost(url) ? null : $"The 'serviceUrl' host '{url.IdnHost}' is not a channel this bot answers (BotConnector:AllowedServiceUrlHosts).";
    }

    /// <summary>The host is on the allow-list itself (the Emulator's loopback exception does not count): only then may the bot's token go there.</summary>
    public bool IsAllowedHost(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var host = url.IdnHost.TrimEnd('.').ToLowerInvariant();
        return _options.AllowedServiceUrlHosts.Any(pattern => Matches(pattern.Trim().ToLowerInvariant(), host));
    }

    /// <summary>
    /// The connection of every outbound Bot Connector request: resolves the name, refuses when any address is inside
    /// a network, and dials only what was checked.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        if (addresses.Length == 0 || !addresses.All(IsAllowedAddress))
        {
            throw new HttpRequestException($"Refused to connect to '{host}': it resolves to an address inside a network, which the bot never calls.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>An allow-list entry: a host name, or <c>*.domain</c> for the names under that domain.</summary>
    public static bool IsHostPattern(string? pattern)
    {
        var name = pattern?.Trim() ?? "";
        if (name.StartsWith("*.", StringComparison.Ordinal))
        {
            name = name[2..];
        }

        return name.Length > 0 && !name.Contains('*', StringComparison.Ordinal) && Uri.CheckHostName(name) == UriHostNameType.Dns;
    }

    private bool IsAllowedAddress(IPAddress address)
    {
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        if (IPAddress.IsLoopback(plain))
        {
            return EmulatorMode;
        }

        return !InsideNetworks.Any(network => network.Contains(plain));
    }

    private static bool Matches(string pattern, string host) => pattern.StartsWith("*.", StringComparison.Ordinal)
        ? host.EndsWith(pattern[1..], StringComparison.Ordinal) && host.Length > pattern.Length - 1
        : host == pattern;
}
