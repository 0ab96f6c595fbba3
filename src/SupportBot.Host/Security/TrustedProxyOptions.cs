using System.ComponentModel.DataAnnotations;
using System.Net;

namespace SupportBot.Host.Security;

/// <summary>
/// Settings of the <c>ForwardedHeaders</c> section: the reverse proxies whose <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> are believed. Empty (the default): none are, so a client cannot pretend to be another.
/// </summary>
internal sealed class TrustedProxyOptions : IValidatableObject
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Addresses of the proxies in front of the server, e.g. <c>10.0.0.5</c>.</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Networks the proxies are in, in CIDR form, e.g. <c>10.0.0.0/24</c>.</summary>
    public IList<string> KnownNetworks { get; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (proxy, i) in KnownProxies.Select((p, i) => (p, i)).Where(p => !IPAddress.TryParse(p.p, out _)))
        {
            yield return new ValidationResult($"{SectionName}:KnownProxies:{i} is not an IP address (got '{proxy}')");
        }

        foreach (var (network, i) in KnownNetworks.Select((n, i) => (n, i)).Where(n => !IPNetwork.TryParse(n.n, out _)))
        {
            yield return new ValidationResult($"{SectionName}:KnownNetworks:{i} is not a network in CIDR form such as 10.0.0.0/24 (got '{network}')");
        }
    }
}
