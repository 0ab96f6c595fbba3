using System.Text.Encodings.Web;
using SupportBot.Host.Security;

namespace SupportBot.Host.Branding;

/// <summary>
/// The HTML pages of <c>wwwroot</c>, served with the shop's names written into them: <c>{{shop-name}}</c> and
/// <c>{{bot-name}}</c> become HTML-encoded text, so a name is never markup. A page that asks for
/// <c>{{style-nonce}}</c> (the store page, for Web Chat's styles) gets this response's nonce
/// (see <see cref="SecurityHeaders"/>). Each page is also mapped at its file name, so the raw template is never served.
/// </summary>
internal static class BrandedPages
{
    private const string NoncePlaceholder = "{{style-nonce}}";

    /// <param name="localize">Writes a page's own words into its template for the request (the store page's locale), before the names.</param>
    public static IEndpointRouteBuilder MapBrandedPage(this IEndpointRouteBuilder app, string route, string file, Func<HttpContext, string, string>? localize = null)
    {
        var page = Path.Combine(((IApplicationBuilder)app).ApplicationServices.GetRequiredService<IWebHostEnvironment>().WebRootPath, file);
        RequestDelegate serve = async context =>
        {
            var template = await File.ReadAllTextAsync(page, context.RequestAborted).ConfigureAwait(false);
            if (localize is not null)
            {
                template = localize(context, template);
            }

            var html = Render(template, context.RequestServices.GetRequiredService<BrandingSource>().Current);
            if (html.Contains(NoncePlaceholder, StringComparison.Ordinal))
            {
                html = html.Replace(NoncePlaceholder, SecurityHeaders.StyleNonce(context), StringComparison.Ordinal);

                // A nonce is good for one response only.
                context.Response.Headers.CacheControl = "no-store";
            }
            else
            {
                // The names can change with the knowledge: always asked again, never stale.
                context.Response.Headers.CacheControl = "no-cache";
            }

            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(html, context.RequestAborted).ConfigureAwait(false);
        };
        app.MapMethods(route, [HttpMethods.Get, HttpMethods.Head], serve).ExcludeFromDescription();
        app.MapMethods("/" + file, [HttpMethods.Get, HttpMethods.Head], serve).ExcludeFromDescription();
        return app;
    }

    public static string Render(string template, ShopBranding branding)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(branding);
        return template
            .Replace("{{shop-name}}", HtmlEncoder.Default.Encode(branding.ShopName), StringComparison.Ordinal)
            .Replace("{{bot-name}}", HtmlEncoder.Default.Encode(branding.BotName), StringComparison.Ordinal);
    }
}
