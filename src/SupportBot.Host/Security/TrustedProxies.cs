using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using SupportBot.Configuration;

namespace SupportBot.Host.Security;

/// <summary>
/// The client's real address and scheme behind a reverse proxy, believed only from the configured proxies
/// (ASP.NET Core trusts loopback by default, and everyone when its lists are empty; neither holds here: no proxy
/// configured trusts no one). It runs first, so rate limits and anything else keyed by the client see the real client.
/// </summary>
internal static class TrustedProxies
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services)
    {
        services.AddValidatedOptions<TrustedProxyOptions>(TrustedProxyOptions.SectionName);
        services.AddSingleton<IConfigureOptions<ForwardedHeadersOptions>, Setup>();
        return services;
    }

    private sealed class Setup(IOptions<TrustedProxyOptions> trusted) : IConfigureOptions<ForwardedHeadersOptions>
    {
        public void Configure(ForwardedHeadersOptions options)
        {
            // With both lists empty the middleware believes every sender, so no proxy configured means no forwarding read.
            var any = trusted.Value.KnownProxies.Count > 0 || trusted.Value.KnownNetworks.Count > 0;
            options.ForwardedHeaders = any ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto : ForwardedHeaders.None;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in trusted.Value.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in trusted.Value.KnownNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        }
    }
}
