namespace SupportBot.Host.Server;

/// <summary>
/// The store page with Web Chat (<c>/</c>): the static <c>index.html</c> with this response's style nonce written
/// into it, which <c>chat.js</c> hands to Web Chat for the styles it adds (see <see cref="SecurityHeaders"/>).
/// </summary>
internal static class StorePage
{
    private const string NoncePlaceholder = "{{style-nonce}}";

    public static IEndpointRouteBuilder MapStorePage(this IEndpointRouteBuilder app)
    {
        var page = Path.Combine(((IApplicationBuilder)app).ApplicationServices.GetRequiredService<IWebHostEnvironment>().WebRootPath, "index.html");
        RequestDelegate serve = async context =>
        {
            var html = await File.ReadAllTextAsync(page, context.RequestAborted).ConfigureAwait(false);

            // A nonce is good for one response only: the page is never cached.
            context.Response.Headers.CacheControl = "no-store";
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(html.Replace(NoncePlaceholder, SecurityHeaders.StyleNonce(context), StringComparison.Ordinal), context.RequestAborted)
                .ConfigureAwait(false);
        };
        app.MapMethods("/", [HttpMethods.Get, HttpMethods.Head], serve).ExcludeFromDescription();
        app.MapMethods("/index.html", [HttpMethods.Get, HttpMethods.Head], serve).ExcludeFromDescription();
        return app;
    }
}
