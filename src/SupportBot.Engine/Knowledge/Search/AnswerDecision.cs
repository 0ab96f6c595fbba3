namespace SupportBot.Knowledge.Search;

/// <summary>What the bot does with a search's answer.</summary>
internal enum AnswerKind
{
    /// <summary>Answers with the best entry (and offers the close runners-up after the answer).</summary>
    Direct,

    /// <summary>Asks "Did you mean…?": two entries are genuinely close at the top, or the best is below the bar but plausible.</summary>
    Clarify,

    /// <summary>Nothing plausible: says so and offers the topics and a person.</summary>
    Fallback,
}

/// <summary>
/// Answer first: the one place that decides between answering, answering with alternatives after the answer, asking
/// "Did you mean…?" and falling back, from the calibrated confidence and the margin between the top entries. The
/// conversation and <c>eval faq</c> both use it, so the report measures what shoppers get. "Did you mean…?" is kept
/// for two entries that are genuinely close (within the tie margin) and for plausible
/// answers below the bar; an answer the search held back as nearer to something the store does not do is never
/// given on its lead alone. The thresholds (<c>Knowledge:Search</c>: <see cref="SearchOptions.MinConfidence"/>,
/// <see cref="SearchOptions.TieMargin"/>, <see cref="SearchOptions.ClearLeadConfidence"/>, <see cref="SearchOptions.ClearLead"/>,
/// <see cref="SearchOptions.SuggestionConfidence"/>, <see cref="SearchOptions.AlternativeMargin"/>) were chosen on the
/// editors' working set (<c>eval/faq-questions.jsonl</c>), never the held-out one.
/// </summary>
internal sealed record AnswerDecision(AnswerKind Kind, IReadOnlyList<KnowledgeHit> Alternatives)
{
    public static AnswerDecision Of(KnowledgeAnswer answer, SearchOptions thresholds)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(thresholds);
        if (answer.Best is not { } best)
        {
            return new AnswerDecision(AnswerKind.Fallback, []);
        }

        var runnerUp = answer.Hits.Skip(1).Select(h => h.Confidence).DefaultIfEmpty(0).Max();
        var lead = best.Confidence - runnerUp;
        var confident = best.Confidence >= thresholds.MinConfidence && lead >= thresholds.TieMargin;
        var clearlyAhead = !best.HeldBack && best.Confidence >= thresholds.ClearLeadConfidence && lead >= thresholds.ClearLead;
        if (confident || clearlyAhead)
        {
            var alternatives = answer.Hits.Skip(1)
                .Where(h => best.Confidence - h.Confidence <= thresholds.AlternativeMargin && h.Confidence >= thresholds.SuggestionConfidence)
                .ToList();
            return new AnswerDecision(AnswerKind.Direct, alternatives);
        }

        return best.Confidence >= thresholds.SuggestionConfidence
            ? new AnswerDecision(AnswerKind.Clarify, [.. answer.Hits.Where(h => h == best || h.Confidence >= thresholds.SuggestionConfidence || best.Confidence - h.Confidence <= thresholds.AlternativeMargin)])
            : new AnswerDecision(AnswerKind.Fallback, []);
    }
}
