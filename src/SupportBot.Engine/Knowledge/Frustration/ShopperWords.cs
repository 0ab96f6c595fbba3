namespace SupportBot.Knowledge.Frustration;

/// <summary>What a word looked like before it was lower-cased.</summary>
[Flags]
internal enum WordFlags : byte
{
    None = 0,

    /// <summary>Punctuation came between this word and the one before it, so a negation does not reach across.</summary>
    AfterBreak = 1,

    /// <summary>The word has a digit, as order numbers and postcodes do.</summary>
    HasDigit = 2,

    /// <summary>Two or more letters, every one a capital, no digit: "WHERE", not "I" or "LP20481736".</summary>
    Capitals = 4,
}

/// <summary>One word of a message: where its lower-case letters are in the word buffer.</summary>
internal readonly record struct Word(int Start, int Length, WordFlags Flags);

/// <summary>The marks the detector counts while it splits a message, so it reads the text once.</summary>
internal struct TextShape
{
    public int LetterWords;
    public int CapitalWords;

    /// <summary>Capital words of three or more letters: "NOW" is emphasis, "XL" is a size.</summary>
    public int LongCapitalWords;
    public bool ExclamationRun;
    public bool QuestionRun;
}

/// <summary>
/// Splits shopper text into lower-case words without allocating: letters and digits make words, apostrophes inside a
/// word are dropped ("isn't" is "isnt", so shoppers who skip them match too), and a '*' after a letter stays in the word
/// so censored swearing ("sh*t") can be listed. Everything else separates words.
/// </summary>
internal static class ShopperWords
{
    /// <summary>The most words a message of <paramref name="length"/> characters can have.</summary>
    public static int MaxWords(int length) => (length / 2) + 1;

    /// <summary>The words of an editor's phrase, normalised the way messages are, so the two compare as equal.</summary>
    public static string[] Split(string text)
    {
        var chars = new char[text.Length];
        var words = new Word[MaxWords(text.Length)];
        var count = Read(text, chars, words, out _);
        var result = new string[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = new string(chars, words[i].Start, words[i].Length);
        }

        return result;
    }

    /// <summary>
    /// Writes the words of <paramref name="text"/> into <paramref name="chars"/> (at least as long as the text) and
    /// <paramref name="words"/> (at least <see cref="MaxWords"/>), and returns how many words there are.
    /// </summary>
    public static int Read(ReadOnlySpan<char> text, Span<char> chars, Span<Word> words, out TextShape shape)
    {
        shape = default;
        var count = 0;
        var length = 0;
        var start = -1;
        var letters = 0;
        var capitals = 0;
        var digits = false;
        var pendingBreak = false;
        var runLength = 0;
        var runHasExclamation = false;
        var runHasQuestion = false;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (c is '!' or '?')
            {
                runLength++;
                runHasExclamation |= c == '!';
                runHasQuestion |= c == '?';
            }
            else
            {
                EndRun(ref shape, ref runLength, ref runHasExclamation, ref runHasQuestion);
            }

            if (char.IsLetterOrDigit(c))
            {
                if (start < 0)
                {
                    start = length;
                }

                if (char.IsLetter(c))
                {
                    letters++;
                    capitals += char.IsUpper(c) ? 1 : 0;
                }
                else
                {
                    digits = true;
                }

                chars[length++] = char.ToLowerInvariant(c);
                continue;
            }

            var next = i + 1 < text.Length ? text[i + 1] : ' ';
            if (start >= 0 && c is ('\'' or '\u2019') && char.IsLetter(next))
            {
                continue;
            }

            if (start >= 0 && c == '*' && (char.IsLetter(chars[length - 1]) || chars[length - 1] == '*'))
            {
                chars[length++] = c;
                continue;
            }

            if (start >= 0)
            {
                var flags = (pendingBreak && count > 0 ? WordFlags.AfterBreak : WordFlags.None)
                    | (digits ? WordFlags.HasDigit : WordFlags.None)
                    | (letters >= 2 && capitals == letters && !digits ? WordFlags.Capitals : WordFlags.None);
                words[count++] = new Word(start, length - start, flags);
                shape.LetterWords += letters > 0 ? 1 : 0;
                shape.CapitalWords += (flags & WordFlags.Capitals) != 0 ? 1 : 0;
                shape.LongCapitalWords += (flags & WordFlags.Capitals) != 0 && letters >= 3 ? 1 : 0;
                start = -1;
                letters = capitals = 0;
                digits = false;
                pendingBreak = false;
            }

            pendingBreak |= !char.IsWhiteSpace(c);
        }

        return count;
    }

    private static void EndRun(ref TextShape shape, ref int runLength, ref bool runHasExclamation, ref bool runHasQuestion)
    {
        if (runLength >= 2)
        {
            shape.ExclamationRun |= runHasExclamation;
            shape.QuestionRun |= runHasQuestion;
        }

        runLength = 0;
        runHasExclamation = runHasQuestion = false;
    }
}
