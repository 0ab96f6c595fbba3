using SupportBot.Knowledge.Frustration;

namespace SupportBot.Handoff;

/// <summary>
/// Whether a message asks again what the shopper already asked: its set of words overlaps an earlier message's by the
/// Jaccard measure. A message that brings a new number ("where is my order LP20481736" after "where is my order") is
/// an answer to the bot, not a repeat.
/// </summary>
internal static class RepeatedQuestion
{
    /// <summary>Longer messages are compared by their first words; pasting a whole essay twice is rare.</summary>
    private const int MaxComparedWords = 128;

    public static bool Repeats(ReadOnlySpan<char> chars, ReadOnlySpan<Word> words, IReadOnlyList<string> earlier, int maxEarlier, int minWords, double overlap)
    {
        Span<int> current = stackalloc int[Math.Min(words.Length, MaxComparedWords)];
        Span<int> numbers = stackalloc int[current.Length];
        var numberCount = 0;
        for (var i = 0; i < current.Length; i++)
        {
            current[i] = string.GetHashCode(chars.Slice(words[i].Start, words[i].Length));
            if ((words[i].Flags & WordFlags.HasDigit) != 0)
            {
                numbers[numberCount++] = current[i];
            }
        }

        current = Distinct(current);
        if (current.Length < minWords)
        {
            return false;
        }

        const int stackChars = 512;
        Span<char> stackText = stackalloc char[stackChars];
        Span<Word> stackWords = stackalloc Word[ShopperWords.MaxWords(stackChars)];
        Span<int> otherHashes = stackalloc int[MaxComparedWords];
        for (var e = Math.Max(0, earlier.Count - maxEarlier); e < earlier.Count; e++)
        {
            var text = earlier[e];
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            using var otherChars = new ScratchSpan<char>(stackText, text.Length);
            using var otherWords = new ScratchSpan<Word>(stackWords, ShopperWords.MaxWords(text.Length));
            var count = Math.Min(ShopperWords.Read(text, otherChars.Span, otherWords.Span, out _), MaxComparedWords);
            for (var i = 0; i < count; i++)
            {
                var word = otherWords.Span[i];
                otherHashes[i] = string.GetHashCode(otherChars.Span.Slice(word.Start, word.Length));
            }

            var other = Distinct(otherHashes[..count]);
            if (other.Length >= minWords && !BringsNewNumber(numbers[..numberCount], other) && Jaccard(current, other) >= overlap)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Sorts the hashes and keeps each once, in place.</summary>
    private static Span<int> Distinct(Span<int> hashes)
    {
        hashes.Sort();
        var kept = 0;
        for (var i = 0; i < hashes.Length; i++)
        {
            if (kept == 0 || hashes[kept - 1] != hashes[i])
            {
                hashes[kept++] = hashes[i];
            }
        }

        return hashes[..kept];
    }

    private static bool BringsNewNumber(ReadOnlySpan<int> numbers, ReadOnlySpan<int> earlier)
    {
        foreach (var number in numbers)
        {
            if (earlier.BinarySearch(number) < 0)
            {
                return true;
            }
        }

        return false;
    }

    private static double Jaccard(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                shared++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return (double)shared / (a.Length + b.Length - shared);
    }
}
