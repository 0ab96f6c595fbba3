using System.Globalization;

namespace SupportBot.Insights.Gaps;

/// <summary>How a period's ends are written on the command line and in the agent API: a day or a moment, UTC unless it says otherwise.</summary>
internal static class GapPeriod
{
    public const string Example = "2026-11-01 or 2026-11-01T09:00Z";

    public static bool TryParse(string text, out DateTimeOffset at) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out at);
}
