using System.Security.Cryptography;

namespace SupportBot.Host.Security;

/// <summary>
/// The browser-side defences on every response (pages, APIs, static files, errors): a Content-Security-Policy
/// without inline script, no framing, no MIME sniffing, no referrer. Web Chat adds <c>&lt;style&gt;</c> elements
/// at run time, so the store page gets a per-response style nonce (<see cref="StyleNonce"/>) that it hands to Web Chat,
/// rather than allowing every inline style.
/// </summary>
internal static class SecurityHeaders
{
    private const string NonceItem = "supportbot.style-nonce";

    /// <summary>
    /// The hash of an empty <c>&lt;style&gt;</c>. Web Chat 4.18 does not hand its nonce to the scroller it uses
    /// (react-scroll-to-bottom), whose emotion cache adds an empty style element and fills it through the CSSOM, which
    /// CSP does not govern; allowing exactly the empty element keeps the transcript scrolling without 'unsafe-inline'.
    /// </summary>
    private const string EmptyStyleHash = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            Apply(context);
            return Task.CompletedTask;
        });
        return next(context);
    });

    /// <summary>The style nonce of this response, made on first use; the policy then allows styles carrying it.</summary>
    public static string StyleNonce(HttpContext context)
    {
        if (context.Items[NonceItem] is not string nonce)
        {
            nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceItem] = nonce;
        }

        return nonce;
    }

    private static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        var styles = context.Items[NonceItem] is string nonce ? $"'self' 'nonce-{nonce}' {EmptyStyleHash}" : "'self'";

        // 'self' covers ws:/wss: of this host in current browsers; they are named for the ones that predate that rule.
        var host = context.Request.Host;
        var sockets = host.HasValue ? $" ws://{host.Value} wss://{host.Value}" : "";
        headers.ContentSecurityPolicy = string.Join("; ",
            "default-src 'self'",
            "script-src 'self'",
            $"style-src {styles}",
            "img-src 'self' data: blob:",
            $"connect-src 'self'{sockets}",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");
        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
    }
}
