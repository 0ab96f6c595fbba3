using System.Globalization;
using System.Net;
using System.Text;

namespace SupportBot.Host.Reports;

/// <summary>What the offline HTML reports share: the page around them, their styles, and how they print text and figures.</summary>
internal static class ReportHtml
{
    public static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Everything up to the page's heading; the styles are inline so the file needs nothing beside it.</summary>
    public static void AppendHead(StringBuilder html, string title, string css)
    {
        ArgumentNullException.ThrowIfNull(html);
        html.Append(Inv, $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{Encode(title)}</title>
            <style>{BaseCss}{css}</style>
            </head>
            <body>
            <h1>{Encode(title)}</h1>

            """);
    }

    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string PngDataUri(byte[] png) => "data:image/png;base64," + Convert.ToBase64String(png);

    public static string Number(double value) => value.ToString("0.####", Inv);

    // Rates show as percentages for reading and as the JSON's fraction for matching against `--json` output.
    public static string Rate(double fraction) =>
        string.Create(Inv, $"{fraction * 100:0.0}&nbsp;% <span class=\"muted\">({Number(fraction)})</span>");

    private const string BaseCss = """

        body { font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; margin: 2rem auto; max-width: 1400px; padding: 0 1rem; color: #1d1d1f; }
        h1 { font-size: 1.6rem; margin-bottom: .2rem; }
        h2 { font-size: 1.25rem; margin-top: 2.2rem; border-bottom: 1px solid #ddd; padding-bottom: .2rem; }
        table { border-collapse: collapse; font-size: .92rem; margin: .5rem 0; }
        th, td { padding: .25rem .7rem; border-bottom: 1px solid #eee; text-align: left; vertical-align: top; }
        thead th { background: #f4f4f6; position: sticky; top: 0; }
        .headline th { font-weight: 600; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .muted { color: #6b6b70; }
        p.muted { margin-top: .2rem; }
        .chart { display: block; max-width: 100%; height: auto; border: 1px solid #eee; }
        """;
}
