using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Extensions;
using SupportBot.Host.Branding;

namespace SupportBot.Host.StorePage;

/// <summary>
/// The store page in the shopper's locale (<see cref="PageLocales"/>): its words written into the HTML on the server
/// (<c>{{page:key}}</c>, HTML-encoded), <c>&lt;html lang&gt;</c>, and a language switcher whose links keep the page's
/// other query parameters; and <c>/chat/strings?locale=…</c>, the words the chat's scripts show as the conversation
/// goes (the header's badge and notes, the speaker labels), as JSON, since the page's policy allows no inline script.
/// </summary>
internal static partial class StorePageApi
{
    /// <summary>Encodes markup characters only: the page is UTF-8, so "Français" stays readable in its source.</summary>
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static IServiceCollection AddStorePage(this IServiceCollection services) => services.AddSingleton<PageWords>();

    public static IEndpointRouteBuilder MapStorePage(this IEndpointRouteBuilder app)
    {
        app.MapBrandedPage("/", "index.html", Localize);
        app.MapGet("/chat/strings", (HttpContext context, PageWords words) =>
        {
            var locale = words.LocaleFor(context.Request);

            // Editors change the words live: always asked again, never stale.
            context.Response.Headers.CacheControl = "no-cache";
            context.Response.Headers.ContentLanguage = locale;
            return Results.Json(new PageStrings(locale, words.In(locale)));
        }).ExcludeFromDescription();
        return app;
    }

    private static string Localize(HttpContext context, string template)
    {
        var words = context.RequestServices.GetRequiredService<PageWords>();
        var locale = words.LocaleFor(context.Request);
        var texts = words.In(locale);
        context.Response.Headers.ContentLanguage = locale;
        var html = PageKey().Replace(template, m => texts.TryGetValue(m.Groups["key"].Value, out var text) ? Html.Encode(text) : m.Value);
        return html
            .Replace("{{page-locale}}", Html.Encode(locale), StringComparison.Ordinal)
            .Replace("{{page-languages}}", Switcher(context.Request, words, locale), StringComparison.Ordinal);
    }

    /// <summary>One link per offered locale, each named in its own language; the current one marked for screen readers and styles.</summary>
    private static string Switcher(HttpRequest request, PageWords words, string current)
    {
        var links = new StringBuilder();
        foreach (var locale in words.Offered)
        {
            var query = new QueryBuilder(request.Query.Where(p => !string.Equals(p.Key, "locale", StringComparison.OrdinalIgnoreCase))) { { "locale", locale } };
            var tag = Html.Encode(locale);
            links.Append("<a href=\"").Append(Html.Encode(query.ToString())).Append("\" hreflang=\"").Append(tag)
                .Append("\" lang=\"").Append(tag).Append('"')
                .Append(locale == current ? " aria-current=\"true\"" : "")
                .Append('>').Append(Html.Encode(words.NameOf(locale))).Append("</a>");
        }

        return links.ToString();
    }

    [GeneratedRegex(@"\{\{page:(?<key>[a-z0-9_.]+)\}\}", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex PageKey();

    /// <summary>The strings endpoint's body: <c>{"locale":"fr-FR","strings":{"note.bot":"…",…}}</c>.</summary>
    private sealed record PageStrings(string Locale, IReadOnlyDictionary<string, string> Strings);
}
