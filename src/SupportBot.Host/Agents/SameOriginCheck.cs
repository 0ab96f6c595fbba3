namespace SupportBot.Host.Agents;

/// <summary>
/// Refuses a state-changing call to the agent API that a browser says came from another site, so a page elsewhere
/// cannot act with a signed-in agent's cookie (the cookie's SameSite=Strict is the first line; this is the second).
/// The browser's own <c>Sec-Fetch-Site</c> decides when sent, else <c>Origin</c>; calls with neither are not a
/// browser's cross-site request. <c>X-Api-Key</c> calls carry no cookie and stay usable from scripts.
/// </summary>
internal sealed class SameOriginCheck : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || request.Headers.ContainsKey(AgentAuthentication.ApiKeyHeader) || IsSameOrigin(request))
        {
            return next(context);
        }

        return ValueTask.FromResult<object?>(Results.Problem(title: "Cross-site request refused",
            detail: "The agent console accepts changes only from its own pages; scripts use the X-Api-Key header.",
            statusCode: StatusCodes.Status403Forbidden));
    }

    private static bool IsSameOrigin(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site == "same-origin";
        }

        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0
            || (Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }
}
