using System.ComponentModel;
using System.Text.Json.Serialization;
using Microsoft.SemanticKernel;
using SupportBot.Knowledge;
using SupportBot.Knowledge.Search;

namespace SupportBot.Drafting;

/// <summary>
/// The help centre as a Semantic Kernel function: the engine pre-fetches it for every answer (the grounding both
/// drafters get) and a language model may call it again with a better query.
/// </summary>
internal sealed class KnowledgePlugin(LiveKnowledge knowledge)
{
    public const string PluginName = "knowledge";
    public const string SearchFunction = "search";
    private const int Passages = 3;

    [KernelFunction(SearchFunction)]
    [Description("Searches the store's help centre and returns the best matching passages, each with the source id to cite.")]
    public async Task<KnowledgeSearchResult> SearchAsync([Description("The shopper's question in plain words")] string query, CancellationToken cancellationToken) =>
        KnowledgeSearchResult.From(await knowledge.Current.Index.SearchAsync(query, Passages, cancellationToken).ConfigureAwait(false));
}

/// <summary>The passages a search found, best first; what a drafter may state about the help centre.</summary>
/// <remarks>
/// A tool result: its JSON names are given member by member because Semantic Kernel writes it for the model with no
/// naming policy, and reads it back the same way (<see cref="GroundedChat"/>).
/// </remarks>
internal sealed record KnowledgeSearchResult([property: JsonPropertyName("passages")] IReadOnlyList<KnowledgePassage> Passages)
{
    public static KnowledgeSearchResult From(KnowledgeAnswer answer) => From(answer.Hits);

    public static KnowledgeSearchResult From(IEnumerable<KnowledgeHit> hits) =>
        new(hits.Select(h => new KnowledgePassage(h.Entry.Id, h.Entry.Title, h.Entry.AnswerMarkdown, h.Entry.Link, Math.Round(h.Confidence, 3), h.Entry.Summary,
            LanguageOf(h.Entry))).ToList());

    /// <summary>A translated entry's language; null for English, whose passages read (and reach a model) as they always did.</summary>
    private static string? LanguageOf(FaqEntry entry) =>
        KnowledgeLanguages.Of(entry.Locale) is var language && language != KnowledgeBase.English ? language : null;
}

/// <summary>
/// One FAQ answer as a drafter sees it, with the editor's summary of what must not be left out when there is one, and the
/// two-letter language of a translated answer (null for English).
/// </summary>
internal sealed record KnowledgePassage(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("link"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Link,
    [property: JsonPropertyName("confidence")] double Confidence,
    [property: JsonPropertyName("summary"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Summary = null,
    [property: JsonPropertyName("language"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Language = null)
{
    /// <summary>The rules its sentences' numbers, negations and conditions are read by.</summary>
    [JsonIgnore]
    public SupportBot.Knowledge.Sentences.FactLanguage Facts => SupportBot.Knowledge.Sentences.FactLanguage.For(Language);
}
