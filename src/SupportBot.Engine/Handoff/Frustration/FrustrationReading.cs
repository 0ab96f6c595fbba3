namespace SupportBot.Handoff;

/// <summary>
/// How frustrated one shopper message reads: the score (never below 0) and the named signals that made it, such as
/// <c>phrase:ridiculous</c>, <c>softener:no rush</c>, <c>shouting</c>, <c>exclamations</c>, <c>question_marks</c> or
/// <c>repeated_question</c>, so an agent can see why a conversation was handed over.
/// </summary>
internal sealed record FrustrationReading(double Score, IReadOnlyList<string> Signals)
{
    public static FrustrationReading Calm { get; } = new(0, []);

    /// <summary>Whether the score reaches <paramref name="threshold"/> (usually <c>Handoff:FrustrationThreshold</c>).</summary>
    public bool IsFrustrated(double threshold) => Score >= threshold;
}
