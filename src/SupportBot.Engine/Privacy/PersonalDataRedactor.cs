using System.Text.RegularExpressions;
using SupportBot.Understanding.Entities;

namespace SupportBot.Privacy;

/// <summary>
/// The one place personal data is recognised in free text: e-mail addresses, card numbers (Luhn-checked), phone
/// numbers, street addresses and PO boxes, tracking numbers and the links that carry them, postal codes, the names
/// the shop knows (from the channel, the shopper's profile and their orders) and names a shopper states ("my name is
/// …"), and, when asked, order numbers. What each becomes is the caller's choice: stand-ins for replayable
/// recordings, placeholders for expected bot text, plain markers at rest.
/// </summary>
/// <remarks>
/// Every pattern has a match timeout. Text that cannot be read in time is replaced whole: over-redacting a message
/// is the safe failure, leaving part of it in clear is not.
/// </remarks>
internal sealed partial class PersonalDataRedactor
{
    private const int MatchTimeoutMilliseconds = 1000;
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    /// <summary>What a text becomes when a pattern ran out of time on it.</summary>
    public const string Unreadable = "[redacted]";

    private readonly Func<PersonalDataKind, string> _replacement;
    private readonly bool _orderNumbers;
    private readonly Regex? _known;

    /// <param name="knownNames">Names to take out wherever they appear as words (single letters are ignored).</param>
    /// <param name="knownAddressLines">Address lines known from an order, taken out verbatim.</param>
    /// <param name="replacement">What each kind of data becomes.</param>
    /// <param name="orderNumbers">Whether order numbers are personal here (they are at rest; a recording keeps them to replay).</param>
    public PersonalDataRedactor(IEnumerable<string> knownNames, IEnumerable<string> knownAddressLines, Func<PersonalDataKind, string> replacement, bool orderNumbers)
    {
        ArgumentNullException.ThrowIfNull(knownNames);
        ArgumentNullException.ThrowIfNull(knownAddressLines);
        ArgumentNullException.ThrowIfNull(replacement);
        _replacement = replacement;
        _orderNumbers = orderNumbers;
        var names = knownNames.SelectMany(n => n.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(n => n.Length > 1).Select(n => $"(?<name>{Regex.Escape(n)})");
        var lines = knownAddressLines.Select(l => l.Trim()).Where(l => l.Length > 3).Select(l => $"(?<address>{Regex.Escape(l)})");

        // Longest first, so "Mary Ann" is taken before "Mary" leaves "Ann" behind.
        var alternatives = lines.Concat(names).Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(a => a.Length).ToList();
        _known = alternatives.Count == 0 ? null
            : new Regex($@"(?<![\w])(?:{string.Join('|', alternatives)})(?![\w])", Options, TimeSpan.FromMilliseconds(MatchTimeoutMilliseconds));
    }

    /// <summary>The names a shopper gives for themselves in <paramref name="text"/> ("my name is Ana Lima", "I'm Raj").</summary>
    public static IReadOnlyList<string> StatedNames(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            return StatedName().Matches(text).Select(m => m.Groups["name"].Value).Where(n => !NotNames.Contains(n.Split(' ')[0])).ToList();
        }
        catch (RegexMatchTimeoutException)
        {
            return [];
        }
    }

    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return text;
        }

        try
        {
            // Whole links first (a tracking link holds a number the later patterns would only half take), then the
            // longer kinds before the shorter ones that could match inside them.
            text = Link().Replace(text, ReplaceTrackingLink);
            text = Email().Replace(text, _replacement(PersonalDataKind.Email));
            text = StreetAddress().Replace(text, _replacement(PersonalDataKind.StreetAddress));
            text = PoBox().Replace(text, _replacement(PersonalDataKind.StreetAddress));
            text = CardLike().Replace(text, m => PassesLuhn(m.Value) ? _replacement(PersonalDataKind.CardNumber) : m.Value);
            text = ReplaceTrackingNumbers(text);
            text = Phone().Replace(text, _replacement(PersonalDataKind.Phone));
            text = CanadianPostcode().Replace(text, _replacement(PersonalDataKind.PostalCode));
            text = Zip().Replace(text, _replacement(PersonalDataKind.PostalCode));
            text = StatedName().Replace(text, m => NotNames.Contains(m.Groups["name"].Value.Split(' ')[0])
                ? m.Value
                : m.Value[..(m.Groups["name"].Index - m.Index)] + _replacement(PersonalDataKind.Name));
            if (_known is not null)
            {
                text = _known.Replace(text, m => _replacement(m.Groups["address"].Success ? PersonalDataKind.StreetAddress : PersonalDataKind.Name));
            }

            if (_orderNumbers)
            {
                text = OrderNumber().Replace(text, _replacement(PersonalDataKind.OrderNumber));
            }

            return text;
        }
        catch (RegexMatchTimeoutException)
        {
            return Unreadable;
        }
    }

    private string ReplaceTrackingNumbers(string text)
    {
        var found = new List<Entity>();
        TrackingNumberRecognizer.Find(text, found);
        if (found.Count == 0)
        {
            return text;
        }

        // Overlapping readings of one run are all offered: take each character span once, from the end backwards.
        var spans = found.OrderBy(e => e.Start).ThenByDescending(e => e.Length).ToList();
        var merged = new List<(int Start, int End)>();
        foreach (var span in spans)
        {
            var end = span.Start + span.Length;
            if (merged.Count > 0 && span.Start < merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, end));
            }
            else
            {
                merged.Add((span.Start, end));
            }
        }

        for (var i = merged.Count - 1; i >= 0; i--)
        {
            text = string.Concat(text.AsSpan(0, merged[i].Start), _replacement(PersonalDataKind.TrackingNumber), text.AsSpan(merged[i].End));
        }

        return text;
    }

    /// <summary>A tracking link goes whole; the sentence's punctuation after it stays.</summary>
    private string ReplaceTrackingLink(Match link)
    {
        var url = link.Value.TrimEnd('.', ',', ';', ':', '!', '?');
        return IsTrackingLink(url) ? _replacement(PersonalDataKind.TrackingUrl) + link.Value[url.Length..] : link.Value;
    }

    private static bool IsTrackingLink(string url)
    {
        if (TrackingWord().IsMatch(url))
        {
            return true;
        }

        var found = new List<Entity>();
        TrackingNumberRecognizer.Find(url, found);
        return found.Count > 0;
    }

    /// <summary>The Luhn checksum every payment card number keeps, so order totals and long references are left alone.</summary>
    internal static bool PassesLuhn(string candidate)
    {
        var sum = 0;
        var digits = 0;
        for (var i = candidate.Length - 1; i >= 0; i--)
        {
            var c = candidate[i];
            if (!char.IsAsciiDigit(c))
            {
                continue;
            }

            var d = c - '0';
            if (digits++ % 2 == 1)
            {
                d = d * 2 > 9 ? (d * 2) - 9 : d * 2;
            }

            sum += d;
        }

        return digits is >= 13 and <= 19 && sum % 10 == 0;
    }

    /// <summary>Words that follow "I'm" far more often than a name does.</summary>
    private static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "not", "so", "very", "just", "still", "really", "trying", "looking", "waiting", "having", "going", "getting", "sorry",
        "here", "back", "done", "fine", "good", "ok", "okay", "sure", "confused", "frustrated", "annoyed", "upset", "happy", "interested", "afraid",
        "on", "in", "at", "from", "with", "about", "calling", "writing", "asking", "unable", "able", "tired", "worried", "new", "out",
    };

    [GeneratedRegex(@"https?://[^\s<>""'\])]+|(?<![\w/])//[a-z0-9-]+(?:\.[a-z0-9-]+)+[^\s<>""'\])]*|\bwww\.[^\s<>""'\])]+", Options, MatchTimeoutMilliseconds)]
    private static partial Regex Link();

    [GeneratedRegex(@"track|trk|label|shipment|parcel|delivery", Options, MatchTimeoutMilliseconds)]
    private static partial Regex TrackingWord();

    [GeneratedRegex(@"[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}", Options, MatchTimeoutMilliseconds)]
    private static partial Regex Email();

    // A house number, up to four words, and a street type; then an optional unit. Lower case too: shoppers type fast.
    [GeneratedRegex(
        @"\b\d{1,6}[a-z]?(?:[ ]+[a-z0-9'.-]+){1,4}?[ ]+(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|way|court|ct|place|pl|terrace|ter|circle|cir|parkway|pkwy|highway|hwy|square|sq|trail|trl|crescent|cres|close|row|alley|plaza)\b\.?(?:,?[ ]*(?:apt|apartment|unit|suite|ste|fl|floor|\#)\.?[ ]*[a-z0-9-]+)?",
        Options, MatchTimeoutMilliseconds)]
    private static partial Regex StreetAddress();

    [GeneratedRegex(@"\bp\.?[ ]?o\.?[ ]*box[ ]+\d+", Options, MatchTimeoutMilliseconds)]
    private static partial Regex PoBox();

    [GeneratedRegex(@"(?<![\w])\d(?:[ -]?\d){12,18}(?![\w])", Options, MatchTimeoutMilliseconds)]
    private static partial Regex CardLike();

    [GeneratedRegex(@"(?<![\w+])(?:\+?1[ .-]?)?\(?\d{3}\)?[ .-]?\d{3}[ .-]\d{4}\b|(?<![\w+])\+\d{1,3}(?:[ .-]?\d){6,13}\b|(?<![\w+])1?\d{10}(?![\w])", Options, MatchTimeoutMilliseconds)]
    private static partial Regex Phone();

    [GeneratedRegex(@"\b[abceghj-nprstvxy]\d[abceghj-nprstv-z][ ]?\d[abceghj-nprstv-z]\d\b", Options, MatchTimeoutMilliseconds)]
    private static partial Regex CanadianPostcode();

    [GeneratedRegex(@"(?<![\w-])\d{5}(?:-\d{4})?(?![\w-])", Options, MatchTimeoutMilliseconds)]
    private static partial Regex Zip();

    // "my name is ana lima", "name: Raj", "call me jo" in any case; "I'm Raj", "I am Ana Lima" only capitalised, since
    // "I'm furious" is far more common. One or two words, ending the clause.
    [GeneratedRegex(
        @"\b(?:(?:my[ ]+name[ ]+is|my[ ]+name's|name[ ]*:|call[ ]+me)[ ]+(?<name>[a-z][a-z'-]+(?:[ ]+(?!(?:and|here|from|with|again)\b)[a-z][a-z'-]+)?)|(?:i[ ]+am|i['’]m|im)[ ]+(?<name>(?-i:[A-Z][a-z'-]+)(?:[ ]+(?-i:[A-Z][a-z'-]+))?))(?=[ ]*(?:[.,!?;:)]|$|[ ]+(?:and|here|from|with|again)\b))",
        Options, MatchTimeoutMilliseconds)]
    private static partial Regex StatedName();

    [GeneratedRegex(@"(?<![0-9a-z#])\#?[ ]?lp[ #-]{0,2}\d(?:[ -]?\d){7}(?!\d)|\border(?:[ ]+(?:number|num|no\.?|id))?(?:[ ]+is)?[ ]*[#:]?[ ]*\d{4}[ -]?\d{4}(?![0-9a-z])", Options, MatchTimeoutMilliseconds)]
    private static partial Regex OrderNumber();
}
