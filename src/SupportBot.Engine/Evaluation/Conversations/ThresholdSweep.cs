namespace SupportBot.Evaluation.Conversations;

/// <summary>
/// What the FAQ confidence bar would do, measured on the turns whose script names the FAQ entry that should answer:
/// how many the bot would answer itself (containment) and how many of those answers would be the wrong entry.
/// </summary>
internal static class ThresholdSweep
{
    /// <summary>Thresholds 0.00 to 1.00 in steps of 0.01; empty when no turn names an expected FAQ entry.</summary>
    public static IReadOnlyList<(double Threshold, double Containment, double WrongAnswerRate, int Answered)> Compute(IEnumerable<TurnResult> turns)
    {
        var scored = Scored(turns);
        if (scored.Count == 0)
        {
            return [];
        }

        // Hundredths are divided, not summed, so 0.45 is the same double as the literal a caller compares with.
        return Enumerable.Range(0, 101).Select(i => At(scored, i / 100.0)).ToList();
    }

    /// <summary>One point of the sweep at any threshold (the configured one need not be on the 0.01 grid).</summary>
    public static (double Threshold, double Containment, double WrongAnswerRate, int Answered) At(IEnumerable<TurnResult> turns, double threshold) =>
        At(Scored(turns), threshold);

    /// <summary>The turns the sweep is measured on: those whose script names an expected FAQ entry.</summary>
    public static IReadOnlyList<TurnResult> Scored(IEnumerable<TurnResult> turns)
    {
        ArgumentNullException.ThrowIfNull(turns);
        return turns.Where(t => !string.IsNullOrEmpty(t.ExpectedFaq)).ToList();
    }

    private static (double Threshold, double Containment, double WrongAnswerRate, int Answered) At(IReadOnlyList<TurnResult> scored, double threshold)
    {
        var answered = 0;
        var wrong = 0;
        foreach (var turn in scored)
        {
            if (turn.Actual.FaqConfidence < threshold)
            {
                continue;
            }

            answered++;
            if (!string.Equals(turn.Actual.FaqId, turn.ExpectedFaq, StringComparison.Ordinal))
            {
                wrong++;
            }
        }

        return (threshold, Rates.Fraction(answered, scored.Count), Rates.Fraction(wrong, answered), answered);
    }
}
