using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Logging.Abstractions;

namespace SupportBot.Host.Reports;

/// <summary>Turns a report component into one HTML document with ASP.NET Core's static renderer, outside any web request.</summary>
internal static class ReportRenderer
{
    public static async Task<string> RenderAsync<TReport>(IDictionary<string, object?> parameters)
        where TReport : IComponent
    {
        await using var renderer = new HtmlRenderer(ReportServices.Instance, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            // The rendered tree may only be read on the renderer's dispatcher, so this await comes back to it.
            var page = await renderer.RenderComponentAsync<TReport>(ParameterView.FromDictionary(parameters)).ConfigureAwait(true);
            return page.ToHtmlString();
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// The renderer asks its services for optional parts and copes without them. The one a report wants is the
    /// encoder: the default one writes every letter outside ASCII as a character reference, which makes the file
    /// hard to read and search; this one keeps letters and dashes as they are and still escapes markup characters.
    /// </summary>
    private sealed class ReportServices : IServiceProvider
    {
        public static readonly ReportServices Instance = new();

        private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

        public object? GetService(Type serviceType) => serviceType == typeof(HtmlEncoder) ? Encoder : null;
    }
}
