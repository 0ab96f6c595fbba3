using System.Text.RegularExpressions;

namespace SupportBot.Understanding.Entities;

/// <summary>
/// Canadian postal codes (<c>K1A 0B1</c>, <c>k1a0b1</c>), taken anywhere because the letter-digit pattern is
/// distinctive; US ZIP and ZIP+4, taken only when the message says so. Five digits are too common (prices, quantities,
/// parts of longer numbers) to be a ZIP on their own, so one counts only near "zip" / "postal code", right after a
/// state in an address ("Austin, TX 78701"), or as the whole message ("90210").
/// </summary>
internal static partial class PostalCodeRecognizer
{
    // How far a ZIP may stand from its cue word, in characters, with no other digits in between.
    private const int CueReachBefore = 30;
    private const int CueReachAfter = 20;

    // Long enough for "District of Columbia, " and the spaces around it.
    private const int StateWindow = 32;

    public static void Find(string text, List<Entity> into)
    {
        foreach (Match match in Canadian().Matches(text))
        {
            var value = $"{match.Groups["fsa"].Value} {match.Groups["ldu"].Value}".ToUpperInvariant();
            into.Add(Entity.From(EntityKind.PostalCode, text, match.Index, match.Length, value));
        }

        CuePositions? cues = null;
        foreach (Match match in Zip().Matches(text))
        {
            var start = match.Index;
            var end = start + match.Length;
            cues ??= new CuePositions(Cue().Matches(text));
            if (IsWholeMessage(text, start, end) || IsNearCue(text, cues, start, end) || FollowsState(text, start))
            {
                into.Add(Entity.From(EntityKind.PostalCode, text, start, match.Length, match.Value));
            }
        }
    }

    private static bool IsWholeMessage(string text, int start, int end) =>
        IsBlankOrPunctuation(text.AsSpan(0, start)) && IsBlankOrPunctuation(text.AsSpan(end));

    private static bool IsBlankOrPunctuation(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsWhiteSpace(c) && !char.IsPunctuation(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A cue close enough on either side with no other digits in between; only the nearest cue on a side can be.</summary>
    private static bool IsNearCue(string text, CuePositions cues, int start, int end) =>
        (cues.EndBefore(start) is { } cueEnd && start - cueEnd <= CueReachBefore && !HasDigit(text.AsSpan(cueEnd, start - cueEnd)))
        || (cues.StartAfter(end) is { } cueStart && cueStart - end <= CueReachAfter && !HasDigit(text.AsSpan(end, cueStart - end)));

    private static bool HasDigit(ReadOnlySpan<char> span) => span.IndexOfAnyInRange('0', '9') >= 0;

    private static bool FollowsState(string text, int start)
    {
        var from = Math.Max(0, start - StateWindow);
        return StateBefore().IsMatch(text.AsSpan(from, start - from));
    }

    // Canada Post never uses D, F, I, O, Q or U, nor W or Z first; leaving them out keeps words like "a1b" rarer.
    [GeneratedRegex(
        @"(?<![0-9A-Za-z])(?<fsa>[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z])[ -]?(?<ldu>\d[ABCEGHJ-NPRSTV-Z]\d)(?![0-9A-Za-z])",
        EntityExtractor.Options, EntityExtractor.MatchTimeoutMilliseconds)]
    private static partial Regex Canadian();

    // Not after a currency sign, '#', a separator or a decimal point, nor before '%' or more digits: those five
    // digits belong to a price, an order, a phone number or a longer number.
    [GeneratedRegex(
        @"(?<![0-9A-Za-z$€£#.,/-])\d{5}(?:-\d{4})?(?![0-9A-Za-z%/]|[.,:-]?\d)",
        EntityExtractor.Options, EntityExtractor.MatchTimeoutMilliseconds)]
    private static partial Regex Zip();

    // French and Spanish shoppers write "code postal" / "código postal" (often without its accent) or "CP".
    [GeneratedRegex(@"\b(?:zip\s?code|zip|post(?:al)?\s?code|codes?\s?posta(?:l|ux)|c[oó]digos?\s?postal(?:es)?|cp)s?\b",
        EntityExtractor.Options, EntityExtractor.MatchTimeoutMilliseconds)]
    private static partial Regex Cue();

    // Upper-case abbreviations only ("in", "or", "me", "ok" are words), unless written after a comma as in
    // "beverly hills, ca 90210"; full state names in any case.
    [GeneratedRegex(
        """
        (?:
          (?-i:\b(?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|PR|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY))
        | ,\s{0,2}(?:al|ak|az|ar|ca|co|ct|de|dc|fl|ga|hi|id|il|in|ia|ks|ky|la|me|md|ma|mi|mn|ms|mo|mt|ne|nv|nh|nj|nm|ny|nc|nd|oh|ok|or|pa|pr|ri|sc|sd|tn|tx|ut|vt|va|wa|wv|wi|wy)
        | \b(?:alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|district\s of\s columbia|florida
            |georgia|hawaii|idaho|illinois|indiana|iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan
            |minnesota|mississippi|missouri|montana|nebraska|nevada|new\s hampshire|new\s jersey|new\s mexico|new\s york
            |north\s carolina|north\s dakota|ohio|oklahoma|oregon|pennsylvania|puerto\s rico|rhode\s island
            |south\s carolina|south\s dakota|tennessee|texas|utah|vermont|virginia|washington|west\s virginia|wisconsin
            |wyoming)
        )\.?,?\s{1,3}\z
        """,
        EntityExtractor.Options | RegexOptions.IgnorePatternWhitespace, EntityExtractor.MatchTimeoutMilliseconds)]
    private static partial Regex StateBefore();
}
