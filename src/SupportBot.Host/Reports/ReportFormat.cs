using System.Globalization;

namespace SupportBot.Host.Reports;

/// <summary>How the offline HTML reports print figures, the same way in every table and caption.</summary>
internal static class ReportFormat
{
    public static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>What a table shows where the run gave nothing to measure.</summary>
    public const string Missing = "—";

    public static string Number(double value) => value.ToString("0.####", Inv);

    public static string Percent(double fraction) => (fraction * 100).ToString("0.0", Inv);

    public static string Milliseconds(double value) => Number(value) + " ms";

    public static string PngDataUri(byte[] png) => "data:image/png;base64," + Convert.ToBase64String(png);
}
