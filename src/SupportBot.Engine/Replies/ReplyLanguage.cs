using System.Globalization;

namespace SupportBot.Replies;

/// <summary>
/// The language a reply is worded in, and how that language writes what the code fills in: days, amounts and which
/// plural form a count takes. The store's prices stay in US dollars whatever the language; only their writing changes
/// ("$49.00", "49,00 $ US", "49,00 US$").
/// </summary>
internal sealed record ReplyLanguage
{
    private static readonly Dictionary<string, (string Locale, string Currency, string DaySeparator)> Known = new(StringComparer.Ordinal)
    {
        ["en"] = ("en-US", "$", ", "),
        ["fr"] = ("fr-FR", "$ US", " "),
        ["es"] = ("es-ES", "US$", ", "),
    };

    private readonly string _dayPattern;

    private ReplyLanguage(string code, CultureInfo culture, string currency, string daySeparator)
    {
        Code = code;
        var numbers = (NumberFormatInfo)culture.NumberFormat.Clone();
        numbers.CurrencySymbol = currency;
        Culture = (CultureInfo)culture.Clone();
        Culture.NumberFormat = numbers;
        _dayPattern = "dddd" + daySeparator + culture.DateTimeFormat.MonthDayPattern;
    }

    private static readonly Dictionary<string, ReplyLanguage> Languages = Known.ToDictionary(
        k => k.Key, k => new ReplyLanguage(k.Key, CultureInfo.GetCultureInfo(k.Value.Locale), k.Value.Currency, k.Value.DaySeparator), StringComparer.Ordinal);

    public static ReplyLanguage English { get; } = Languages["en"];

    /// <summary>The two-letter code (<c>en</c>, <c>fr</c>, <c>es</c>): what the catalogues' file names and the turn carry.</summary>
    public string Code { get; }

    public CultureInfo Culture { get; }

    /// <summary>The reply language of a language code or locale (<c>fr</c>, <c>fr-CA</c>); English when none or unknown.</summary>
    /// <remarks>Read through .NET's cultures rather than Knowledge's helper: Knowledge words its replies with this folder.</remarks>
    public static ReplyLanguage Of(string? languageOrLocale)
    {
        if (string.IsNullOrWhiteSpace(languageOrLocale))
        {
            return English;
        }

        try
        {
            var code = CultureInfo.GetCultureInfo(languageOrLocale.Trim().Replace('_', '-'), predefinedOnly: true).TwoLetterISOLanguageName;
            return Languages.GetValueOrDefault(code) ?? English;
        }
        catch (CultureNotFoundException)
        {
            return English;
        }
    }

    public bool IsEnglish => Code == "en";

    /// <summary>A colon as the language sets it before what follows: French puts a (narrow no-break) space before it.</summary>
    public string Colon => Code == "fr" ? "\u202F:" : ":";

    public string Money(decimal amount) => amount.ToString("C", Culture);

    /// <summary>A day with its weekday: "Tuesday, May 5", "mardi 5 mai", "martes, 5 de mayo".</summary>
    public string Day(DateTimeOffset at) => at.ToString(_dayPattern, Culture);

    public string Day(DateOnly day) => day.ToString(_dayPattern, Culture);

    /// <summary>A day in a short list: "May 5", "5 mai", "5 may".</summary>
    public string ShortDay(DateTimeOffset at) => at.ToString(Culture.DateTimeFormat.MonthDayPattern.Replace("MMMM", "MMM", StringComparison.Ordinal), Culture);

    /// <summary>Whether <paramref name="count"/> takes the singular: only 1 in English and Spanish, 0 and 1 in French.</summary>
    public bool IsOne(int count) => count == 1 || (count == 0 && Code == "fr");

    public override string ToString() => Code;
}
