using System.Text;
using System.Text.RegularExpressions;

namespace SupportBot.Understanding.Entities;

/// <summary>
/// Carrier tracking numbers: UPS <c>1Z</c> + 16 letters or digits; USPS 20–22 digits starting with 9; Canada Post
/// 16 digits or <c>RN123456789CA</c>; FedEx 12 or 15 digits, but only near "tracking" or "fedex" because so many
/// other numbers are that long. Single spaces or dashes inside the number are allowed.
/// </summary>
internal static partial class TrackingNumberRecognizer
{
    // How far from "tracking" / "fedex" a bare 12- or 15-digit number still counts, in characters.
    private const int CueReachBefore = 40;
    private const int CueReachAfter = 25;

    private const int MaxDigits = 22;

    public static void Find(string text, List<Entity> into)
    {
        foreach (Match match in Ups().Matches(text))
        {
            Add(text, match.Index, match.Length, into);
        }

        foreach (Match match in CanadaPostS10().Matches(text))
        {
            Add(text, match.Index, match.Length, into);
        }

        CuePositions? cues = null;
        foreach (Match run in DigitRun().Matches(text))
        {
            FindInRun(text, run, ref cues, into);
        }
    }

    /// <summary>
    /// Reads numbers made of whole digit groups of a run ("9400 1000 0000 0000 0000 00", "555-123-4567 555-123-4568"),
    /// never part of a group, and never mixing separators, so two phone numbers side by side do not add up to 16 digits.
    /// Overlapping readings are all offered; the extractor keeps the longest.
    /// </summary>
    private static void FindInRun(string text, Match run, ref CuePositions? cues, List<Entity> into)
    {
        var groups = Groups(run);
        for (var first = 0; first < groups.Count; first++)
        {
            var digits = 0;
            for (var last = first; last < groups.Count; last++)
            {
                if (last > first + 1 && text[groups[last].Start - 1] != text[groups[first + 1].Start - 1])
                {
                    break;
                }

                digits += groups[last].Length;
                if (digits > MaxDigits)
                {
                    break;
                }

                var start = groups[first].Start;
                var length = groups[last].Start + groups[last].Length - start;
                var leading = text[start];
                var isTracking = digits switch
                {
                    >= 20 => leading == '9',
                    16 => true,
                    12 or 15 => IsNearCue(cues ??= new CuePositions(Cue().Matches(text)), start, start + length),
                    _ => false,
                };
                if (isTracking)
                {
                    Add(text, start, length, into);
                }
            }
        }
    }

    private static List<(int Start, int Length)> Groups(Match run)
    {
        var groups = new List<(int Start, int Length)>();
        var value = run.ValueSpan;
        var groupStart = 0;
        for (var i = 0; i <= value.Length; i++)
        {
            if (i == value.Length || !char.IsAsciiDigit(value[i]))
            {
                groups.Add((run.Index + groupStart, i - groupStart));
                groupStart = i + 1;
            }
        }

        return groups;
    }

    private static void Add(string text, int start, int length, List<Entity> into)
    {
        var value = new StringBuilder(length);
        foreach (var c in text.AsSpan(start, length))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                value.Append(char.ToUpperInvariant(c));
            }
        }

        into.Add(Entity.From(EntityKind.TrackingNumber, text, start, length, value.ToString()));
    }

    private static bool IsNearCue(CuePositions cues, int start, int end) =>
        (cues.EndBefore(start) is { } cueEnd && start - cueEnd <= CueReachBefore)
        || (cues.StartAfter(end) is { } cueStart && cueStart - end <= CueReachAfter);

    [GeneratedRegex(@"(?<![0-9A-Za-z])1Z(?:[ ]?[0-9A-Z]){16}(?![0-9A-Za-z])",
        EntityExtractor.Options, EntityExtractor.MatchTimeoutMilliseconds)]
    private static partial Regex Ups();

    [GeneratedRegex(@"(?<![0-9A-Za-z])[A-Z]{2}[ ]?\d{3}[ ]?\d{3}[ ]?\d{3}[ ]?CA(?![0-9A-Za-z])",
        EntityExtractor.Options, EntityExtractor.MatchTimeoutMilliseconds)]
    private static partial Regex CanadaPostS10();

    // A run of digit groups joined by single spaces or dashes, starting where a run starts. It can only end at a
    // group's end (no digit may follow), so giving back ends on whole groups ("9400… 2nd box" keeps "9400…"); the
    // separators are not digits, so that is one linear scan however long the run.
    [GeneratedRegex(@"(?<![0-9A-Za-z.,$€£])(?<!\d[ -])\d+(?:[ -]\d+)*(?![0-9A-Za-z])",
        EntityExtractor.Options, EntityExtractor.MatchTimeoutMilliseconds)]
    private static partial Regex DigitRun();

    [GeneratedRegex(@"\b(?:fed\s?ex|tracking|track)\b",
        EntityExtractor.Options, EntityExtractor.MatchTimeoutMilliseconds)]
    private static partial Regex Cue();
}
