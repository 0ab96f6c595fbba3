using System.Globalization;

namespace SupportBot.Handoff;

/// <summary>
/// The support team's opening hours, from rules such as <c>Mon-Fri 09:00-18:00</c> or <c>Sat,Sun 10:00-16:00</c>
/// in one time zone. No rules means always open.
/// </summary>
internal sealed class OpeningHours
{
    private static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    private readonly IReadOnlyList<Rule> _rules;
    private readonly TimeZoneInfo _zone;

    private OpeningHours(IReadOnlyList<Rule> rules, TimeZoneInfo zone)
    {
        _rules = rules;
        _zone = zone;
    }

    public static OpeningHours From(HandoffOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var rules = options.Hours.Select(h => TryParseRule(h, out var rule, out _) ? rule : throw new FormatException(h)).ToList();
        return new OpeningHours(rules, options.ResolveTimeZone() ?? TimeZoneInfo.Utc);
    }

    public bool IsOpen(DateTimeOffset at)
    {
        if (_rules.Count == 0)
        {
            return true;
        }

        var local = TimeZoneInfo.ConvertTime(at, _zone);
        var minute = (local.Hour * 60) + local.Minute;
        return _rules.Any(r => r.Days.Contains(local.DayOfWeek) && minute >= r.OpensAt && minute < r.ClosesAt);
    }

    internal static bool TryParseRule(string text, out Rule rule, out string error)
    {
        rule = default;
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 2)
        {
            error = "write it as days and times, e.g. 'Mon-Fri 09:00-18:00'";
            return false;
        }

        var days = new HashSet<DayOfWeek>();
        foreach (var item in parts[0].Split(','))
        {
            var range = item.Split('-');
            var first = Array.IndexOf(DayNames, range[0].ToLowerInvariant());
            var last = range.Length == 2 ? Array.IndexOf(DayNames, range[1].ToLowerInvariant()) : first;
            if (range.Length > 2 || first < 0 || last < 0)
            {
                error = $"'{item}' is not a day or a range of days (Mon, Tue, … Sun)";
                return false;
            }

            for (var day = first; ; day = (day + 1) % 7)
            {
                days.Add((DayOfWeek)day);
                if (day == last)
                {
                    break;
                }
            }
        }

        var times = parts[1].Split('-');
        if (times.Length != 2 || !TryMinute(times[0], out var opens) || !TryMinute(times[1], out var closes) || closes <= opens)
        {
            error = $"'{parts[1]}' is not an opening and a later closing time (HH:mm-HH:mm, up to 24:00)";
            return false;
        }

        rule = new Rule(days, opens, closes);
        error = "";
        return true;
    }

    private static bool TryMinute(string text, out int minute)
    {
        minute = 0;
        var hm = text.Split(':');
        if (hm.Length != 2 || !int.TryParse(hm[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hour)
            || !int.TryParse(hm[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) || minutes > 59 || hour > 24 || (hour == 24 && minutes > 0))
        {
            return false;
        }

        minute = (hour * 60) + minutes;
        return true;
    }

    internal readonly record struct Rule(IReadOnlySet<DayOfWeek> Days, int OpensAt, int ClosesAt);
}
