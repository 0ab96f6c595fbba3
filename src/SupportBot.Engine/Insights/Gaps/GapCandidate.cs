namespace SupportBot.Insights.Gaps;

/// <summary>Why a shopper's message counts as one the bot could not answer well.</summary>
public enum GapReason
{
    /// <summary>The bot said it did not understand (a fallback).</summary>
    NotUnderstood,

    /// <summary>The bot asked "Did you mean…?" and the shopper's next message picked none of the offers.</summary>
    ClarifyIgnored,

    /// <summary>The bot answered, below the confidence bar or with a draft it flagged as unsure.</summary>
    LowConfidence,

    /// <summary>The bot handed the conversation to a person because it had no answer or failed twice in a row.</summary>
    Handoff,

    /// <summary>
    /// The bot said the question is outside what it helps with (its intent model placed it out of scope and no entry
    /// came near). Chit-chat lands here, and so does a store question the FAQ lacks: the report shows which.
    /// </summary>
    Declined,

    /// <summary>The shopper's latest vote on the bot's answer was a thumbs-down, whatever the bot thought of it.</summary>
    ThumbsDown,
}

/// <summary>One unanswered shopper message, its personal data already taken out.</summary>
/// <param name="At">When the bot replied (the server's clock).</param>
/// <param name="FaqId">The entry the bot leaned towards, if any.</param>
internal sealed record GapCandidate(string ConversationId, string Text, DateTimeOffset At, GapReason Reason, string? FaqId, double FaqConfidence);

/// <summary>
/// Where unanswered messages come from: today the stored transcripts (<see cref="TranscriptGapCandidates"/>); a table
/// of turn facts can take its place without the report changing.
/// </summary>
internal interface IGapCandidateSource
{
    /// <summary>The candidates the bot replied to from <paramref name="from"/> (inclusive) to <paramref name="until"/> (exclusive), oldest first.</summary>
    Task<IReadOnlyList<GapCandidate>> ReadAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken);
}
