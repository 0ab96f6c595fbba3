using System.Globalization;

namespace SupportBot.Host.Branding;

/// <summary>
/// The shop's colours as a stylesheet (<c>/branding.css</c>: the custom properties <c>--accent</c> and
/// <c>--highlight</c> that <c>site.css</c> and <c>agent.css</c> build on) and as the pages' icon (<c>/icon.svg</c>).
/// A stylesheet of our own origin keeps the Content-Security-Policy free of inline styles; the colours in it are
/// validated hex colours (<see cref="BrandingOptions"/>), so no setting can write CSS of its own.
/// </summary>
internal static class BrandingAssets
{
    public static IEndpointRouteBuilder MapBrandingAssets(this IEndpointRouteBuilder app)
    {
        app.MapGet("/branding.css", (HttpContext context, BrandingSource branding) =>
            Asset(context, Stylesheet(branding.Current), "text/css; charset=utf-8")).ExcludeFromDescription();
        app.MapGet("/icon.svg", (HttpContext context, BrandingSource branding) =>
            Asset(context, Icon(branding.Current), "image/svg+xml")).ExcludeFromDescription();
        return app;
    }

    public static string Stylesheet(ShopBranding branding)
    {
        ArgumentNullException.ThrowIfNull(branding);
        return string.Create(CultureInfo.InvariantCulture, $":root {{ --accent: {branding.AccentColor}; --highlight: {branding.HighlightColor}; }}\n");
    }

    private static string Icon(ShopBranding branding) => string.Create(CultureInfo.InvariantCulture,
        $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 16 16\"><circle cx=\"8\" cy=\"8\" r=\"7\" fill=\"{branding.AccentColor}\"/></svg>\n");

    private static IResult Asset(HttpContext context, string body, string contentType)
    {
        // Settings change with a restart only, but a cached copy would outlive it.
        context.Response.Headers.CacheControl = "no-cache";
        return Results.Text(body, contentType);
    }
}
