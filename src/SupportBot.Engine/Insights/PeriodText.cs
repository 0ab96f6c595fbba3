using System.Globalization;

namespace SupportBot.Insights;

/// <summary>
/// How people write a period's ends, for every insight (the KPIs, the content gaps), on the command line and in the
/// agent API alike: a day (midnight UTC) or an ISO 8601 time, UTC unless it carries an offset.
/// </summary>
internal static class PeriodText
{
    public const string Example = "2026-11-01 or 2026-11-01T09:00:00Z";

    private static readonly string[] Formats = ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mmK", "O"];

    public static bool TryParse(string? text, out DateTimeOffset at) =>
        DateTimeOffset.TryParseExact(text?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out at);
}
