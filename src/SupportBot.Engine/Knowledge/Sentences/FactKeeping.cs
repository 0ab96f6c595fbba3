namespace SupportBot.Knowledge.Sentences;

/// <summary>How a source sentence fared in a reply that may paraphrase it.</summary>
internal enum FactOutcome
{
    /// <summary>No sentence of the reply repeats it.</summary>
    NotUsed,

    /// <summary>The reply repeats it with all its numbers and, when it is negated, with a negation.</summary>
    Kept,

    /// <summary>The reply repeats it without one of its numbers (left out or changed).</summary>
    LostNumber,

    /// <summary>The reply repeats it without its "not", "never" or "no".</summary>
    LostNegation,

    /// <summary>The reply repeats it without one of its condition words ("if", "within", "only", "unless"…).</summary>
    LostCondition,
}

/// <summary>
/// Whether a reply that repeats a source sentence keeps the facts that sentence carries. A reply sentence repeats a
/// source sentence when it says at least two, and at least half, of the source's content words, so "Refunds follow in
/// about a week" does not count as repeating "Refunds take 5–7 business days" but "Your refund takes 3–5 business
/// days" does, and "You can check a gift card's balance" does not repeat "If a card isn't accepted, check for typos
/// and make sure you're using the gift card field". A source sentence may be split over several reply sentences or merged with others
/// into one, so its facts are looked for in all the reply sentences that repeat it.
/// </summary>
internal static class FactKeeping
{
    private const int MinSharedWords = 2;
    private const double MinSharedShare = 0.5;

    public static FactOutcome Judge(Sentence source, IReadOnlyList<Sentence> reply)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(reply);
        var repeating = reply.Where(r => Repeats(r, source)).ToList();
        if (repeating.Count == 0)
        {
            return FactOutcome.NotUsed;
        }

        if (!source.Facts.Numbers.All(n => repeating.Exists(r => r.Facts.Numbers.Contains(n))))
        {
            return FactOutcome.LostNumber;
        }

        if (source.Facts.Negated && !repeating.Exists(r => r.Facts.Negated))
        {
            return FactOutcome.LostNegation;
        }

        return source.Facts.Conditions.All(c => repeating.Exists(r => r.Facts.Conditions.Contains(c))) ? FactOutcome.Kept : FactOutcome.LostCondition;
    }

    /// <summary>True when <paramref name="reply"/> says what <paramref name="source"/> says, in other words or the same.</summary>
    public static bool Repeats(Sentence reply, Sentence source)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(source);
        var shared = source.Terms.Count(reply.Terms.Contains);
        return shared >= MinSharedWords && shared >= MinSharedShare * source.Terms.Count;
    }
}
