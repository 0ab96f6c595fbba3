using System.Globalization;
using System.Text.RegularExpressions;

namespace SupportBot.Understanding.Entities;

/// <summary>
/// Dates: ISO (<c>2026-11-23</c>), US numeric (<c>11/23/2026</c>, <c>11/23</c>, <c>11-23-26</c>), with a month name
/// (<c>November 23</c>, <c>Nov 23rd</c>, <c>23 November 2026</c>), a bare ordinal (<c>the 3rd</c>), and relative to
/// today (<c>yesterday</c>, <c>last monday</c>, <c>on friday</c>, <c>3 days ago</c>, <c>in 5 days</c>).
/// </summary>
internal static partial class DateRecognizer
{
    public static void Find(string text, DateOnly today, List<Entity> into)
    {
        foreach (Match match in Iso().Matches(text))
        {
            Add(text, match, Create(Number(match, "y"), Number(match, "m"), Number(match, "d")), into);
        }

        foreach (Match match in UsNumeric().Matches(text))
        {
            Add(text, match, UsNumericDate(match, today), into);
        }

        foreach (Match match in WithMonthName().Matches(text))
        {
            var month = MonthNumber(match.Groups["m1"].Success ? match.Groups["m1"].Value : match.Groups["m2"].Value);
            var day = match.Groups["d1"].Success ? Number(match, "d1") : Number(match, "d2");
            var date = match.Groups["y"].Success
                ? Create(Number(match, "y"), month, day)
                : ClosestYear(month, day, today);
            Add(text, match, date, into);
        }

        foreach (Match match in Ordinal().Matches(text))
        {
            Add(text, match, ClosestMonth(Number(match, "d"), today), into);
        }

        foreach (Match match in NamedDay().Matches(text))
        {
            Add(text, match, NamedDayDate(match.Value, today), into);
        }

        foreach (Match match in Weekday().Matches(text))
        {
            var day = match.Groups["wd"];
            var qualifier = match.Groups["q"];
            // "on" only leads into the day name; "last" and "next" change the date, so they are part of the entity.
            var start = qualifier.Success && !qualifier.Value.Equals("on", StringComparison.OrdinalIgnoreCase)
                ? match.Index
                : day.Index;
            var date = WeekdayDate(qualifier.Success ? qualifier.Value : string.Empty, WeekdayNumber(day.Value), today);
            into.Add(Entity.From(EntityKind.Date, text, start, day.Index + day.Length - start, Iso(date)));
        }

        foreach (Match match in Ago().Matches(text))
        {
            Add(text, match, Shift(today, -Count(match.Groups["n"].Value), match.Groups["u"].Value), into);
        }

        foreach (Match match in InFuture().Matches(text))
        {
            Add(text, match, Shift(today, Count(match.Groups["n"].Value), match.Groups["u"].Value), into);
        }
    }

    private static void Add(string text, Match match, DateOnly? date, List<Entity> into)
    {
        if (date is { } value)
        {
            into.Add(Entity.From(EntityKind.Date, text, match.Index, match.Length, Iso(value)));
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static int Number(Match match, string group) =>
        int.Parse(match.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    private static DateOnly? Create(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    private static DateOnly? UsNumericDate(Match match, DateOnly today)
    {
        var first = Number(match, "m");
        var second = Number(match, "d");
        if (!match.Groups["y"].Success)
        {
            // Without a year only "11/23" reads as a date: "2-3 days" is a range, not the 3rd of February.
            return match.Groups["s"].Value == "/" ? ClosestYear(first, second, today) : null;
        }

        var year = Number(match, "y");
        year += match.Groups["y"].Length == 2 ? 2000 : 0;
        // Canadians also write day first; "23/11/2026" can only mean that, so it is read so rather than dropped.
        return first > 12 && second <= 12 ? Create(year, second, first) : Create(year, first, second);
    }

    /// <summary>The year that puts month/day nearest today; on a tie the past one, as shoppers mostly tell of past days.</summary>
    private static DateOnly? ClosestYear(int month, int day, DateOnly today)
    {
        DateOnly? best = null;
        for (var year = today.Year - 1; year <= today.Year + 1; year++)
        {
            best = Closer(best, Create(year, month, day), today);
        }

        return best;
    }

    /// <summary>"The 3rd": the month that puts that day nearest today.</summary>
    private static DateOnly? ClosestMonth(int day, DateOnly today)
    {
        DateOnly? best = null;
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        for (var offset = -1; offset <= 1; offset++)
        {
            var month = thisMonth.AddMonths(offset);
            best = Closer(best, Create(month.Year, month.Month, day), today);
        }

        return best;
    }

    private static DateOnly? Closer(DateOnly? best, DateOnly? candidate, DateOnly today)
    {
        if (candidate is not { } date)
        {
            return best;
        }

        return best is { } current && Math.Abs(current.DayNumber - today.DayNumber) <= Math.Abs(date.DayNumber - today.DayNumber)
            ? current
            : date;
    }

    private static DateOnly NamedDayDate(string phrase, DateOnly today)
    {
        var words = phrase.ToLowerInvariant();
        return words switch
        {
            _ when words.Contains("before", StringComparison.Ordinal) => today.AddDays(-2),
            _ when words.Contains("after", StringComparison.Ordinal) => today.AddDays(2),
            "yesterday" => today.AddDays(-1),
            "tomorrow" => today.AddDays(1),
            _ => today,
        };
    }

    /// <summary>
    /// "last friday" is the most recent past one; "next friday" the coming one after today; a bare "friday",
    /// "on friday" or "this friday" the coming one, today included.
    /// </summary>
    private static DateOnly WeekdayDate(string qualifier, DayOfWeek day, DateOnly today)
    {
        var ahead = ((int)day - (int)today.DayOfWeek + 7) % 7;
        var words = qualifier.ToLowerInvariant();
        if (words is "last" or "past" || words.EndsWith("past", StringComparison.Ordinal))
        {
            return today.AddDays(ahead == 0 ? -7 : ahead - 7);
        }

        return today.AddDays(words == "next" && ahead == 0 ? 7 : ahead);
    }

    private static DateOnly? Shift(DateOnly today, int count, string unit)
    {
        var lower = unit.ToLowerInvariant();
        try
        {
            return lower.StartsWith("day", StringComparison.Ordinal) ? today.AddDays(count)
                : lower.StartsWith("week", StringComparison.Ordinal) ? today.AddDays(7 * count)
                : today.AddMonths(count);
        }
        catch (ArgumentOutOfRangeException)
        {
            // Only at the ends of the calendar ("999 months ago" in year 1): no date to give.
            return null;
        }
    }

    private static int Count(string words)
    {
        var lower = words.ToLowerInvariant();
        if (int.TryParse(lower, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        return lower switch
        {
            "a" or "an" or "one" => 1,
            "two" => 2,
            "three" => 3,
            "four" => 4,
            "five" => 5,
            "six" => 6,
            "seven" => 7,
            "eight" => 8,
            "nine" => 9,
            "ten" => 10,
            // "a couple of days" in any spacing.
            _ => 2,
        };
    }

    private static int MonthNumber(string name) =>
        name[..3].ToLowerInvariant() switch
        {
            "jan" => 1,
            "feb" => 2,
            "mar" => 3,
            "apr" => 4,
            "may" => 5,
            "jun" => 6,
            "jul" => 7,
            "aug" => 8,
            "sep" => 9,
            "oct" => 10,
            "nov" => 11,
            _ => 12,
        };

    private static DayOfWeek WeekdayNumber(string name) =>
        name[..3].ToLowerInvariant() switch
        {
            "mon" => DayOfWeek.Monday,
            "tue" => DayOfWeek.Tuesday,
            "wed" => DayOfWeek.Wednesday,
            "thu" => DayOfWeek.Thursday,
            "fri" => DayOfWeek.Friday,
            "sat" => DayOfWeek.Saturday,
            _ => DayOfWeek.Sunday,
        };

    private const string Months =
        "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";

    private const string Counts =
        @"\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|(?:a\s{1,3})?couple(?:\s{1,3}of)?";

    [GeneratedRegex(
        @"(?<![0-9A-Za-z/.-])(?<y>\d{4})(?<s>[-/.])(?<m>\d{1,2})\k<s>(?<d>\d{1,2})(?![0-9A-Za-z]|[-/.]\d)",
        EntityExtractor.Options, EntityExtractor.MatchTimeoutMilliseconds)]
    private static partial Regex Iso();

    // The separator must repeat ("11/23/26", "11-23-26"); a number glued to digits, '$' or a decimal point before
    // it, or running on into more separated digits, belongs to something else ("555-123-4567", "$11/20", "1.2/3"),
    // and one followed by "of" is a fraction ("3/4 of the items").
    [GeneratedRegex(
        @"(?<![0-9A-Za-z/.,$-])(?<m>\d{1,2})(?<s>[/-])(?<d>\d{1,2})(?:\k<s>(?<y>\d{4}|\d{2}))?(?![0-9A-Za-z]|[/.,-]\d|\s{1,3}of\b)",
        EntityExtractor.Options, EntityExtractor.MatchTimeoutMilliseconds)]
    private static partial Regex UsNumeric();

    // A weekday in front ("Friday, November 27th") belongs to the same date rather than being a second one.
    [GeneratedRegex(
        @"\b(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?,?\s{1,3})?"
        + @"(?:(?<m1>" + Months + @")\.?\s{1,3}(?<d1>\d{1,2})(?:st|nd|rd|th)?"
        + @"|(?<d2>\d{1,2})(?:st|nd|rd|th)?\s{1,3}(?:of\s{1,3})?(?<m2>" + Months + @")\.?)"
        + @"(?:,?\s{1,3}(?<y>\d{4}))?(?![0-9A-Za-z])",
        EntityExtractor.Options, EntityExtractor.MatchTimeoutMilliseconds)]
    private static partial Regex WithMonthName();

    // "the 3rd" is a date only where nothing follows that it could be counting: "it came on the 3rd." or "the 3rd
    // and it broke" are, "the 3rd time I asked" and "the 1st and 2nd boxes" are not.
    [GeneratedRegex(
        @"\bthe\s{1,3}(?<d>[12]?\d|3[01])(?:st|nd|rd|th)\b"
        + @"(?=\s{0,3}(?:$|[.,;:!?)]|(?:of|at|and|or|but|so|when|because|please|i|we|it|in|on|by|before|after|until|morning|afternoon|evening|night)\b))"
        + @"(?!\s{1,3}(?:and|or)\s{1,3}(?:the\s{1,3})?\d{1,2}(?:st|nd|rd|th)\s{1,3}(?!of\b)[a-z])",
        EntityExtractor.Options, EntityExtractor.MatchTimeoutMilliseconds)]
    private static partial Regex Ordinal();

    [GeneratedRegex(
        @"\b(?:(?:the\s{1,3})?day\s{1,3}(?:before\s{1,3}yesterday|after\s{1,3}tomorrow)|today|tonight|yesterday|tomorrow)\b",
        EntityExtractor.Options, EntityExtractor.MatchTimeoutMilliseconds)]
    private static partial Regex NamedDay();

    [GeneratedRegex(
        @"\b(?:(?<q>this\s{1,3}past|past|last|next|this|coming|on)\s{1,3})?(?<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
        EntityExtractor.Options, EntityExtractor.MatchTimeoutMilliseconds)]
    private static partial Regex Weekday();

    [GeneratedRegex(
        @"\b(?<n>" + Counts + @")\s{1,3}(?<u>days?|weeks?|months?)\s{1,3}ago\b",
        EntityExtractor.Options, EntityExtractor.MatchTimeoutMilliseconds)]
    private static partial Regex Ago();

    [GeneratedRegex(
        @"\bin\s{1,3}(?<n>" + Counts + @")\s{1,3}(?<u>days?|weeks?|months?)\b",
        EntityExtractor.Options, EntityExtractor.MatchTimeoutMilliseconds)]
    private static partial Regex InFuture();
}
