namespace SupportBot.Knowledge;

/// <summary>
/// Counts an editor looks at: entries per topic and locale, entries with too few phrasings to be found reliably, and the
/// size of the frustration lexicon in service (the built-in one when the folder has none or a broken one).
/// </summary>
internal sealed record KnowledgeStats(
    int Files,
    int Entries,
    int Phrasings,
    IReadOnlyDictionary<string, int> ByTopic,
    IReadOnlyDictionary<string, int> ByLocale,
    IReadOnlyList<ThinEntry> TooFewPhrasings,
    int Policies,
    int SynonymGroups,
    int FrustrationPhrases,
    int Errors,
    int Warnings)
{
    /// <summary>Entries with fewer alternative phrasings than this are listed (the title does not count).</summary>
    public const int RecommendedPhrasings = 3;

    public static KnowledgeStats Of(KnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        return new KnowledgeStats(
            knowledge.FileCount,
            knowledge.Entries.Count,
            knowledge.Entries.Sum(e => e.Questions.Count),
            Count(knowledge.Entries, e => e.Topic),
            Count(knowledge.Entries, e => e.Locale),
            knowledge.Entries.Where(e => e.Questions.Count < RecommendedPhrasings)
                .Select(e => new ThinEntry(e.Id, e.Source.ToString(), e.Questions.Count)).ToList(),
            knowledge.Policies.Facts.Count,
            knowledge.Synonyms.Count,
            knowledge.Frustration.Phrases.Count + knowledge.Frustration.Softeners.Count,
            knowledge.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error),
            knowledge.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning));
    }

    private static SortedDictionary<string, int> Count(IEnumerable<FaqEntry> entries, Func<FaqEntry, string> key) =>
        new(entries.GroupBy(key).ToDictionary(g => g.Key, g => g.Count()), StringComparer.Ordinal);
}

/// <summary>An entry with fewer phrasings than recommended.</summary>
internal sealed record ThinEntry(string Id, string Source, int Phrasings);
