using SupportBot.Knowledge.Frustration;
using SupportBot.Knowledge.Intents;

namespace SupportBot.Knowledge;

/// <summary>
/// Everything loaded from a knowledge folder: the entries that are fit to serve and what was wrong.
/// <see cref="Entries"/>, <see cref="Synonyms"/> and <see cref="Frustration"/> are those of <see cref="Language"/>: the
/// default language (English unless <c>Knowledge:DefaultLocale</c> says otherwise) as loaded, another through <see cref="In"/>.
/// </summary>
internal sealed record KnowledgeBase(
    string RootPath,
    IReadOnlyList<FaqEntry> Entries,
    StorePolicies Policies,
    IReadOnlyList<SynonymGroup> Synonyms,
    IReadOnlyList<IntentDefinition> Intents,
    ReplyPrompt Prompt,
    FrustrationLexicon Frustration,
    int FileCount,
    IReadOnlyList<KnowledgeDiagnostic> Diagnostics)
{
    /// <summary>The language of every entry a knowledge base without translations has.</summary>
    public const string English = "en";

    /// <summary>What the bot says outside the FAQ (<c>responses/*.yml</c>), by catalogue and locale.</summary>
    public SupportBot.Knowledge.Responses.ResponseCatalog Responses { get; init; } = SupportBot.Knowledge.Responses.ResponseCatalog.Empty;

    /// <summary>The two-letter code of the language whose entries are <see cref="Entries"/>.</summary>
    public string Language { get; init; } = English;

    /// <summary>The two-letter code of the default language: the one <c>Knowledge:DefaultLocale</c> names.</summary>
    public string DefaultLanguage { get; init; } = English;

    /// <summary>Each language's FAQ entries, synonyms and frustration lexicon, the default language's included, by two-letter code.</summary>
    public IReadOnlyDictionary<string, LanguageKnowledge> ByLanguage { get; init; } = new Dictionary<string, LanguageKnowledge>(StringComparer.Ordinal);

    /// <summary>Every language the folder has entries, synonyms or a lexicon for, the default one first.</summary>
    public IReadOnlyList<string> Languages =>
        [DefaultLanguage, .. ByLanguage.Keys.Where(k => k != DefaultLanguage).Order(StringComparer.Ordinal)];

    /// <summary>Every entry of every language, the default language's first.</summary>
    public IEnumerable<FaqEntry> AllEntries => Languages.SelectMany(l => In(l).Entries);

    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>The other languages' intents (<c>intents/&lt;lang&gt;/*.yml</c>); <see cref="Intents"/> are the default language's.</summary>
    public IntentTranslations IntentTranslations { get; init; } = IntentTranslations.None;

    public IEnumerable<KnowledgeDiagnostic> Errors => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>Whether the folder has entries, synonyms or a lexicon in this language (the default language always counts).</summary>
    public bool Has(string language) => language == DefaultLanguage || ByLanguage.ContainsKey(language);

    /// <summary>
    /// The default language's entries a language has no translation of yet (by id): its shoppers are still told they
    /// exist, in their own language, and offered them as written or a person (<see cref="SearchedIn"/>). None for the default language.
    /// </summary>
    public IReadOnlyList<FaqEntry> Untranslated(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        if (language == DefaultLanguage)
        {
            return [];
        }

        var translated = In(language).Entries.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        return [.. In(DefaultLanguage).Entries.Where(e => !translated.Contains(e.Id))];
    }

    /// <summary>What a language's shoppers are answered from: its own entries, then the ones it has no translation of yet.</summary>
    public KnowledgeBase SearchedIn(string language)
    {
        var part = In(language);
        var untranslated = Untranslated(language);
        return untranslated.Count == 0 ? part : part with { Entries = [.. part.Entries, .. untranslated] };
    }

    /// <summary>
    /// The same knowledge seen in one language: its entries, synonyms and frustration lexicon in place of these, and the
    /// store facts as that language states them (<see cref="StorePolicies.In"/>: its <c>policies.&lt;lang&gt;.yml</c> words;
    /// intents, prompt and reply catalogue are shared). A language the folder lacks has no entries; one without its own
    /// <c>frustration.&lt;lang&gt;.yml</c> keeps the default lexicon, whose signals (capitals, "!!!") read in any language.
    /// </summary>
    public KnowledgeBase In(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        if (language == Language)
        {
            return this;
        }

        var part = ByLanguage.GetValueOrDefault(language) ?? LanguageKnowledge.Empty;
        var fallback = ByLanguage.GetValueOrDefault(DefaultLanguage)?.Frustration ?? Frustration;
        return this with
        {
            Entries = part.Entries,
            Synonyms = part.Synonyms,
            Frustration = part.Frustration ?? fallback,
            Policies = Policies.In(language == DefaultLanguage ? null : language),
            Language = language,
        };
    }
}

/// <summary>One language's part of the knowledge folder.</summary>
/// <param name="Frustration">From <c>frustration.yml</c> (the default language) or <c>frustration.&lt;lang&gt;.yml</c>; null when the folder has none.</param>
internal sealed record LanguageKnowledge(IReadOnlyList<FaqEntry> Entries, IReadOnlyList<SynonymGroup> Synonyms, FrustrationLexicon? Frustration)
{
    public static LanguageKnowledge Empty { get; } = new([], [], null);
}
