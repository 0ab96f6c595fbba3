using SupportBot.Knowledge.Frustration;

namespace SupportBot.Handoff;

/// <summary>
/// Reads how frustrated a shopper message is from the editors' lexicon: weighted phrases and softeners on normalised
/// words, plus the message's shape (capitals, runs of '!' or '?', the same question asked again). Runs on every
/// turn, so it reads the text once, on the stack, and allocates only for the signals it reports.
/// </summary>
internal static class FrustrationDetector
{
    /// <summary>Messages up to this long are read without renting memory.</summary>
    private const int StackChars = 512;

    /// <summary>Only the latest messages are compared, so a long conversation does not make a turn slower.</summary>
    private const int MaxEarlierMessages = 20;

    /// <summary>Fewer distinct words than this ("hi", "yes please") are too little to call a repeat.</summary>
    private const int RepeatMinWords = 3;

    /// <summary>Jaccard overlap of the two messages' word sets at which they are the same question.</summary>
    private const double RepeatOverlap = 0.8;

    public static FrustrationReading Read(FrustrationLexicon lexicon, string text, IReadOnlyList<string>? earlierShopperTexts = null)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        if (string.IsNullOrEmpty(text))
        {
            return FrustrationReading.Calm;
        }

        using var chars = new ScratchSpan<char>(stackalloc char[StackChars], text.Length);
        using var words = new ScratchSpan<Word>(stackalloc Word[ShopperWords.MaxWords(StackChars)], ShopperWords.MaxWords(text.Length));
        var count = ShopperWords.Read(text, chars.Span, words.Span, out var shape);
        var found = words.Span[..count];
        List<string>? signals = null;
        var score = lexicon.Matcher.Score(chars.Span, found, ref signals);
        var weights = lexicon.Signals;
        if (shape.CapitalWords >= 2 && shape.CapitalWords * 2 >= shape.LetterWords)
        {
            score += Add(ref signals, FrustrationSignalWeights.ShoutingName, weights.Shouting);
        }
        else if (shape.LongCapitalWords > 0)
        {
            score += Add(ref signals, FrustrationSignalWeights.EmphasisName, weights.Emphasis);
        }

        if (shape.ExclamationRun)
        {
            score += Add(ref signals, FrustrationSignalWeights.ExclamationsName, weights.Exclamations);
        }

        if (shape.QuestionRun)
        {
            score += Add(ref signals, FrustrationSignalWeights.QuestionMarksName, weights.QuestionMarks);
        }

        if (weights.RepeatedQuestion > 0 && earlierShopperTexts is { Count: > 0 } && RepeatedQuestion.Repeats(chars.Span, found, earlierShopperTexts, MaxEarlierMessages, RepeatMinWords, RepeatOverlap))
        {
            score += Add(ref signals, FrustrationSignalWeights.RepeatedQuestionName, weights.RepeatedQuestion);
        }

        // Rounded so weights such as 0.7 + 0.3 reach a threshold of 1.0 as an editor expects.
        return signals is null ? FrustrationReading.Calm : new FrustrationReading(Math.Max(0, Math.Round(score, 3)), signals);
    }

    private static double Add(ref List<string>? signals, string name, double weight)
    {
        if (weight <= 0)
        {
            return 0;
        }

        (signals ??= []).Add(name);
        return weight;
    }
}
