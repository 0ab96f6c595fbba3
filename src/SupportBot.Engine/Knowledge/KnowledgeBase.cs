using SupportBot.Knowledge.Frustration;
using SupportBot.Knowledge.Intents;

namespace SupportBot.Knowledge;

/// <summary>Everything loaded from a knowledge folder: the entries that are fit to serve and what was wrong.</summary>
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
    /// <summary>What the bot says outside the FAQ (<c>responses/*.yml</c>), by catalogue and locale.</summary>
    public SupportBot.Knowledge.Responses.ResponseCatalog Responses { get; init; } = SupportBot.Knowledge.Responses.ResponseCatalog.Empty;

    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>The other languages' intents (<c>intents/&lt;lang&gt;/*.yml</c>); <see cref="Intents"/> are the default language's.</summary>
    public IntentTranslations IntentTranslations { get; init; } = IntentTranslations.None;

    public IEnumerable<KnowledgeDiagnostic> Errors => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);
}
