using System.Net;
using System.Text.RegularExpressions;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Reports;

/// <summary>The charts embedded in an HTML report, each checked to be a drawn PNG rather than an empty or broken image.</summary>
internal static partial class ReportCharts
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    // The renderer escapes '+' in attribute values as a character reference, which the browser reads back as '+'.
    [GeneratedRegex("data:image/png;base64,([^\"]+)")]
    private static partial Regex PngDataUri();

    public static IReadOnlyList<byte[]> Rendered(string html)
    {
        var pngs = PngDataUri().Matches(html).Select(m => Convert.FromBase64String(WebUtility.HtmlDecode(m.Groups[1].Value))).ToList();
        foreach (var png in pngs)
        {
            Assert.Equal(PngSignature, png.Take(PngSignature.Length));
            Assert.True(png.Length > 5 * 1024, $"a chart of {png.Length} bytes is too small to hold a rendered plot");
        }

        return pngs;
    }

    /// <summary>A report opens offline: no address to fetch, no stylesheet linked.</summary>
    public static void AssertNothingFromOutside(string html) => TextAssert.ContainsNone(html, "http://", "https://", "<link");
}
