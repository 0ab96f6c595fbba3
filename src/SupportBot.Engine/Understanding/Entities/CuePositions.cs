using System.Text.RegularExpressions;

namespace SupportBot.Understanding.Entities;

/// <summary>
/// Where a recognizer's cue words ("zip", "tracking") stand in a message, in text order. Only the nearest cue on
/// each side of a candidate can be within reach, and it is found by binary search, so a long message full of cues
/// and numbers costs n log n, not one walk over every cue per number.
/// </summary>
internal sealed class CuePositions
{
    private readonly int[] _starts;
    private readonly int[] _ends;

    public CuePositions(MatchCollection cues)
    {
        // Matches of one regex come in text order and never overlap, so their ends are in order too.
        _starts = new int[cues.Count];
        _ends = new int[cues.Count];
        for (var i = 0; i < cues.Count; i++)
        {
            _starts[i] = cues[i].Index;
            _ends[i] = cues[i].Index + cues[i].Length;
        }
    }

    /// <summary>Where the nearest cue ending at or before <paramref name="start"/> ends, or null.</summary>
    public int? EndBefore(int start)
    {
        var i = UpperBound(_ends, start) - 1;
        return i >= 0 ? _ends[i] : null;
    }

    /// <summary>Where the nearest cue starting at or after <paramref name="end"/> starts, or null.</summary>
    public int? StartAfter(int end)
    {
        var i = LowerBound(_starts, end);
        return i < _starts.Length ? _starts[i] : null;
    }

    /// <summary>The index of the first value at least <paramref name="value"/>.</summary>
    private static int LowerBound(int[] sorted, int value)
    {
        var i = Array.BinarySearch(sorted, value);
        if (i < 0)
        {
            return ~i;
        }

        while (i > 0 && sorted[i - 1] == value)
        {
            i--;
        }

        return i;
    }

    /// <summary>The index of the first value greater than <paramref name="value"/>.</summary>
    private static int UpperBound(int[] sorted, int value)
    {
        var i = Array.BinarySearch(sorted, value);
        if (i < 0)
        {
            return ~i;
        }

        while (i < sorted.Length - 1 && sorted[i + 1] == value)
        {
            i++;
        }

        return i + 1;
    }
}
