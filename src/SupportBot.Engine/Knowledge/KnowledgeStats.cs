namespace SupportBot.Knowledge;

/// <summary>
/// Counts an editor looks at: entries per topic and locale (every language's), each language's entries, phrasings,
/// synonyms and the default language's entries it still lacks, entries with too few phrasings to be found reliably, and
/// the size of the frustration lexicon in service (the built-in one when the folder has none or a broken one).
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
    /// <summary>Each language's counts, the default language first.</summary>
    public IReadOnlyDictionary<string, LanguageStats> ByLanguage { get; init; } = new Dictionary<string, LanguageStats>(StringComparer.Ordinal);

    /// <summary>Entries with fewer alternative phrasings than this are listed (the title does not count).</summary>
    public const int RecommendedPhrasings = 3;

    public static KnowledgeStats Of(KnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        var all = knowledge.AllEntries.ToList();
        var originals = knowledge.In(knowledge.DefaultLanguage).Entries.Select(e => e.Id).ToList();
        return new KnowledgeStats(
            knowledge.FileCount,
            all.Count,
            all.Sum(e => e.Questions.Count),
            Count(all, e => e.Topic),
            Count(all, e => e.Locale),
            all.Where(e => e.Questions.Count < RecommendedPhrasings)
                .Select(e => new ThinEntry(e.Id, e.Source.ToString(), e.Questions.Count)).ToList(),
            knowledge.Policies.Facts.Count,
            knowledge.Synonyms.Count,
            knowledge.Frustration.Phrases.Count + knowledge.Frustration.Softeners.Count,
            knowledge.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error),
            knowledge.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning))
        {
            ByLanguage = knowledge.Languages.ToDictionary(l => l, l => LanguageStats.Of(knowledge.In(l), originals), StringComparer.Ordinal),
        };
    }

    private static SortedDictionary<string, int> Count(IEnumerable<FaqEntry> entries, Func<FaqEntry, string> key) =>
        new(entries.GroupBy(key).ToDictionary(g => g.Key, g => g.Count()), StringComparer.Ordinal);
}

/// <summary>One language's part of the knowledge.</summary>
/// <param name="Missing">Entries of the default language with no counterpart (same id) in this one.</param>
internal sealed record LanguageStats(int Entries, int Phrasings, int SynonymGroups, int FrustrationPhrases, int Missing)
{
    public static LanguageStats Of(KnowledgeBase language, IReadOnlyList<string> originalIds)
    {
        var ids = language.Entries.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        return new LanguageStats(language.Entries.Count, language.Entries.Sum(e => e.Questions.Count), language.Synonyms.Count,
            language.Frustration.Phrases.Count + language.Frustration.Softeners.Count, originalIds.Count(id => !ids.Contains(id)));
    }
}

/// <summary>An entry with fewer phrasings than recommended.</summary>
internal sealed record ThinEntry(string Id, string Source, int Phrasings);
