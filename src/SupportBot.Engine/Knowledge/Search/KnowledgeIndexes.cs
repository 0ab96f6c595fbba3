using SupportBot.Embeddings;

namespace SupportBot.Knowledge.Search;

/// <summary>
/// One <see cref="KnowledgeIndex"/> per language of the knowledge folder, each with its own analysis, vocabulary for typo
/// correction and synonyms; meanings are compared only for the languages of <c>Embeddings:Languages</c>. Immutable once
/// built; disposing it disposes every index.
/// </summary>
internal sealed class KnowledgeIndexes : IDisposable
{
    private readonly Dictionary<string, KnowledgeIndex> _byLanguage;

    private KnowledgeIndexes(KnowledgeIndex defaultIndex, Dictionary<string, KnowledgeIndex> byLanguage)
    {
        Default = defaultIndex;
        _byLanguage = byLanguage;
    }

    /// <summary>The default language's index (the one searched before the bot knew other languages).</summary>
    public KnowledgeIndex Default { get; }

    /// <summary>The languages with an index of their own, the default one first.</summary>
    public IReadOnlyList<string> Languages => [Default.Language, .. _byLanguage.Keys.Where(l => l != Default.Language).Order(StringComparer.Ordinal)];

    /// <summary>Whether the knowledge folder has this language (its index may still be empty while translations are written).</summary>
    public bool Has(string language) => _byLanguage.ContainsKey(language);

    /// <summary>
    /// The index of a language; for a language the folder does not have, the default language's, so a caller always gets
    /// an index. A caller that must not answer in another language than the shopper's checks <see cref="Has"/> first.
    /// </summary>
    public KnowledgeIndex For(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        return _byLanguage.GetValueOrDefault(language) ?? Default;
    }

    /// <summary>
    /// Builds every language's index, each with the embeddings only when its language is among <c>Embeddings:Languages</c>
    /// (by default English alone, whose index is then exactly the one <see cref="KnowledgeIndex.BuildAsync"/> builds). A
    /// translation's index holds the default language's entries it lacks too (<see cref="KnowledgeBase.SearchedIn"/>): a
    /// question about one is then answered with "only in English", never with the wrong entry or a silent switch.
    /// </summary>
    public static async Task<KnowledgeIndexes> BuildAsync(KnowledgeBase knowledge, SearchOptions options, TextEmbeddings embeddings,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(embeddings);
        var byLanguage = new Dictionary<string, KnowledgeIndex>(StringComparer.Ordinal);
        try
        {
            foreach (var language in knowledge.Languages)
            {
                var vectors = embeddings.For(language);
                byLanguage[language] = await KnowledgeIndex.BuildAsync(knowledge.SearchedIn(language), options, vectors, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            foreach (var built in byLanguage.Values)
            {
                built.Dispose();
            }

            throw;
        }

        return new KnowledgeIndexes(byLanguage[knowledge.DefaultLanguage], byLanguage);
    }

    public void Dispose()
    {
        foreach (var index in _byLanguage.Values)
        {
            index.Dispose();
        }
    }
}
