using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace SupportBot.Knowledge.Search;

/// <summary>
/// The Lucene index of one language's FAQ: one document per entry with separately weighted fields for the title, the
/// question phrasings, the answer and the tags, analyzed for that language (<see cref="ShopperAnalyzers"/>). Immutable once built; a changed knowledge folder gets a new
/// index that replaces this one whole. Safe for concurrent searches.
/// </summary>
internal sealed class KnowledgeIndex : IDisposable
{
    internal const string IdField = "id";
    internal const string TitleField = "title";
    internal const string QuestionsField = "questions";
    internal const string AnswerField = "answer";
    internal const string TagsField = "tags";

    /// <summary>Every word of the knowledge as written (lower-cased, not stemmed): misspellings are corrected against these.</summary>
    internal const string SpellingField = "spelling";

    /// <summary>Doc values holding each document's position in the entry list, so a hit maps back to its entry.</summary>
    internal const string OrdinalField = "ordinal";

    /// <summary>The intent whose examples (<c>knowledge/intents/out_of_scope.yml</c>) mark the edge of the store's scope.</summary>
    public const string OutOfScopeIntent = "out_of_scope";

    /// <summary>How many of Lucene's best candidates are re-ranked.</summary>
    private const int RerankDepth = 20;

    private readonly Analyzer _analyzer;
    private readonly FrozenDirectory _directory;
    private readonly DirectoryReader _directoryReader;
    private readonly IndexSearcher _searcher;
    private readonly FaqEntry[] _entryByDoc;
    private readonly KnowledgeVocabulary _vocabulary;
    private readonly QueryReader _queryReader;
    private readonly LuceneQueryBuilder _queryBuilder;
    private readonly CandidateRanker _ranker;
    private readonly SearchOptions _options;
    private readonly SemanticIndex? _semantic;
    private readonly FaqEntry[] _entries;
    private readonly int[] _docByOrdinal;

    private KnowledgeIndex(string language, Analyzer analyzer, FrozenDirectory directory, IReadOnlyList<FaqEntry> entries, EntryTerms[] terms,
        KnowledgeVocabulary vocabulary, SynonymExpander synonyms, SearchOptions options, SemanticIndex? semantic)
    {
        Language = language;
        _options = options;
        _semantic = semantic;
        _entries = [.. entries];
        _docByOrdinal = new int[entries.Count];
        _analyzer = analyzer;
        _directory = directory;
        _vocabulary = vocabulary;
        _directoryReader = DirectoryReader.Open(directory);
        var reader = _directoryReader.Leaves.Count == 1 ? _directoryReader.Leaves[0].AtomicReader : SlowCompositeReaderWrapper.Wrap(_directoryReader);
        _searcher = new IndexSearcher(reader) { Similarity = FaqSimilarity.Instance };

        _entryByDoc = new FaqEntry[reader.MaxDoc];
        var termsByDoc = new EntryTerms[reader.MaxDoc];
        var ordinals = reader.GetNumericDocValues(OrdinalField);
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            var ordinal = (int)ordinals.Get(doc);
            _docByOrdinal[ordinal] = doc;
            _entryByDoc[doc] = entries[ordinal];
            termsByDoc[doc] = terms[ordinal];
        }

        _queryReader = new QueryReader(analyzer, synonyms, vocabulary, options);
        _queryBuilder = new LuceneQueryBuilder(reader, vocabulary, options);
        _ranker = new CandidateRanker(termsByDoc, vocabulary);
    }

    public int Count => _entryByDoc.Length;

    /// <summary>The two-letter code of the language whose entries and analysis the index holds.</summary>
    public string Language { get; }

    public IReadOnlyList<FaqEntry> Entries => _entryByDoc;

    /// <summary>The entries' texts as vectors; null when the index is lexical only.</summary>
    public SemanticIndex? Semantic => _semantic;

    /// <summary>
    /// Builds the index of <paramref name="knowledge"/>'s language (<see cref="KnowledgeBase.In"/> picks one) and, when
    /// <paramref name="embeddings"/> are on, embeds every entry's title, phrasings and answer
    /// passages (through the cache: a reload embeds only the texts that changed).
    /// </summary>
    public static async Task<KnowledgeIndex> BuildAsync(KnowledgeBase knowledge, SearchOptions options, Embeddings.TextEmbeddings embeddings,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(embeddings);
        SemanticIndex? semantic = null;
        if (embeddings.IsEnabled)
        {
            var texts = SemanticIndex.TextsOf(knowledge.Entries);
            var outside = knowledge.Intents.Where(i => i.Name == OutOfScopeIntent).SelectMany(i => i.Examples.Select(e => e.Text)).ToList();
            var vectors = await embeddings.EmbedAsync([.. texts.Select(t => t.Text), .. outside], cancellationToken).ConfigureAwait(false);
            semantic = new SemanticIndex(texts, vectors[..texts.Count], embeddings.ModelId!, embeddings.EmbedMessageAsync,
                [.. outside.Select((text, i) => (text, vectors[texts.Count + i]))]);
        }

        return Build(knowledge, options, semantic);
    }

    public static KnowledgeIndex Build(KnowledgeBase knowledge, SearchOptions options, SemanticIndex? semantic = null)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(options);
        var analyzer = ShopperAnalyzers.For(knowledge.Language);
        var entries = knowledge.Entries;
        var analyzed = new AnalyzedEntry[entries.Count];
        var terms = new EntryTerms[entries.Count];
        Parallel.For(0, entries.Count, i =>
        {
            analyzed[i] = AnalyzedEntry.Of(entries[i], analyzer);
            terms[i] = EntryTerms.Of(analyzed[i]);
        });

        using var written = new RAMDirectory();
        var config = new IndexWriterConfig(ShopperAnalyzer.Version, analyzer)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = FaqSimilarity.Instance,
            RAMBufferSizeMB = 1024,
            MaxBufferedDocs = IndexWriterConfig.DISABLE_AUTO_FLUSH,

            // Separate files, so the frozen copy reads each directly rather than through slices of a compound file.
            UseCompoundFile = false,
        };
        using (var writer = new IndexWriter(written, config))
        {
            // One writer thread and a buffer larger than any knowledge base: a single segment, so statistics come
            // straight from it (a multi-segment reader rebuilds merged views of its term dictionaries per query).
            for (var i = 0; i < entries.Count; i++)
            {
                writer.AddDocument(analyzed[i].ToDocument(i));
            }

            writer.Commit();
        }

        return new KnowledgeIndex(knowledge.Language, analyzer, FrozenDirectory.CopyOf(written), entries, terms,
            new KnowledgeVocabulary(analyzed, terms, analyzer, options, knowledge.Language),
            new SynonymExpander(knowledge.Synonyms, analyzer), options, semantic);
    }

    /// <inheritdoc cref="QueryReader.Respell"/>
    public string Respell(string question) => _queryReader.Respell(question);

    /// <summary>
    /// The best entries for a question, the question embedded here first when the index has vectors (the <c>ask</c>
    /// command, the editors' search page, a model's tool call: callers without a turn's vector).
    /// </summary>
    public async Task<KnowledgeAnswer> SearchAsync(string question, int top, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);

        // The meaning is read with misspellings corrected, as the conversation reads it (see Respell).
        var vector = _semantic is null ? null : await _semantic.EmbedAsync(Respell(question), cancellationToken).ConfigureAwait(false);
        return Search(question, top, vector);
    }

    /// <summary>
    /// The best entries for a question. With embeddings, <paramref name="vector"/> is the question's (a turn embeds its
    /// message once and shares it; <see cref="SearchAsync"/> embeds it); without one the question is read by its words only.
    /// </summary>
    public KnowledgeAnswer Search(string question, int top = 3, float[]? vector = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        top = Math.Clamp(top, 1, 100);
        var concepts = _queryReader.Read(question);
        var unknown = concepts.Where(c => !c.IsKnown).Select(c => c.Word).ToList();
        var known = concepts.Count(c => c.IsKnown);
        if (_entryByDoc.Length == 0)
        {
            return new KnowledgeAnswer(question, [], unknown);
        }

        var query = _semantic is null ? null : vector;
        var docs = known == 0 ? [] : Candidates(concepts, known, top);
        if (query is null)
        {
            return docs.Length == 0 ? new KnowledgeAnswer(question, [], unknown) : new KnowledgeAnswer(question, Lexical(docs, concepts, top), unknown);
        }

        var outside = _semantic!.NearestOutside(query);
        return new KnowledgeAnswer(question, Hybrid(docs, concepts, query, outside, top), unknown) { Outside = outside };
    }

    private ScoreDoc[] Candidates(List<QueryConcept> concepts, int known, int top)
    {
        // A long question is first asked for entries sharing two of its concepts: Lucene can then skip through
        // the long postings of common words instead of scoring every entry that has one of them. Only when that
        // finds too little is it asked again for entries sharing any one concept.
        var depth = Math.Max(top, RerankDepth);
        try
        {
            var docs = _searcher.Search(_queryBuilder.Build(concepts, known >= 3 ? 2 : 1), depth);
            if (known >= 3 && docs.ScoreDocs.Length < top)
            {
                docs = _searcher.Search(_queryBuilder.Build(concepts, 1), depth);
            }

            return docs.ScoreDocs;
        }
        catch (BooleanQuery.TooManyClausesException)
        {
            // The builder stays under the limit; this is the backstop that keeps any query a "no answer", never a failure.
            return [];
        }
    }

    /// <summary>Words only (<c>Embeddings:Provider=None</c>, or the message could not be embedded).</summary>
    private List<KnowledgeHit> Lexical(ScoreDoc[] docs, List<QueryConcept> concepts, int top)
    {
        // Lucene finds the candidates; the final order also weighs how much of the question each covers and how
        // close it comes to one of the entry's phrasings, which a bag-of-words score alone does not see.
        var topScore = docs[0].Score;
        var candidates = docs.Select(d => _ranker.Assess(d, concepts, topScore)).OrderByDescending(c => c.Rank).ToList();
        var runnerUp = candidates.Count > 1 ? candidates[1].Rank : 0;
        var hits = new List<KnowledgeHit>(Math.Min(top, candidates.Count));
        for (var i = 0; i < candidates.Count && i < top; i++)
        {
            var candidate = candidates[i];
            var separation = i == 0 && candidate.Rank > 0 ? 1 - (runnerUp / candidate.Rank) : 0;
            hits.Add(new KnowledgeHit(_entryByDoc[candidate.Doc], candidate.Score,
                CandidateRanker.ConfidenceOf(candidate.Coverage, candidate.Closeness, separation), candidate.Matches)
            {
                Lexical = CandidateRanker.MatchOf(candidate.Coverage, candidate.Closeness),
                LexicalRank = candidate.Rank,
            });
        }

        return hits;
    }

    /// <summary>
    /// Words and meaning: Lucene's candidates joined by the entries nearest in meaning, each scored by a blend of how
    /// well the words match and how close the meaning is (<see cref="CandidateRanker.FusedOf"/>); ordered by the blend with
    /// the lexical re-ranking score, confident by the blend with the word match.
    /// </summary>
    private List<KnowledgeHit> Hybrid(ScoreDoc[] docs, List<QueryConcept> concepts, float[] query, SemanticNeighbour? outside, int top)
    {
        var semantic = _semantic!;
        var topScore = docs.Length > 0 ? docs[0].Score : 1;
        var byEntry = new Dictionary<int, (Candidate Lexical, double Similarity, SemanticNeighbour? Neighbour)>();
        foreach (var (entry, similarity, neighbour) in semantic.Nearest(query, Math.Max(top, _options.SemanticCandidates), _options.AnswerPassageWeight, _entries.Length))
        {
            var doc = _docByOrdinal[entry];
            byEntry[doc] = (_ranker.Assess(new ScoreDoc(doc, 0), concepts, topScore), similarity, neighbour);
        }

        foreach (var scoreDoc in docs)
        {
            var lexical = _ranker.Assess(scoreDoc, concepts, topScore);
            if (byEntry.TryGetValue(scoreDoc.Doc, out var known))
            {
                byEntry[scoreDoc.Doc] = known with { Lexical = lexical };
            }
            else
            {
                var ordinal = Array.IndexOf(_entries, _entryByDoc[scoreDoc.Doc]);
                var (similarity, neighbour) = semantic.Of(query, ordinal, _options.AnswerPassageWeight);
                byEntry[scoreDoc.Doc] = (lexical, similarity, neighbour);
            }
        }

        var ranked = byEntry
            .Select(pair => (Doc: pair.Key, pair.Value.Lexical, pair.Value.Similarity, pair.Value.Neighbour,
                Fused: CandidateRanker.FusedOf(pair.Value.Lexical.Rank, pair.Value.Similarity, _options),
                Match: CandidateRanker.FusedOf(CandidateRanker.MatchOf(pair.Value.Lexical.Coverage, pair.Value.Lexical.Closeness), pair.Value.Similarity, _options)))
            .OrderByDescending(c => c.Fused).ThenByDescending(c => c.Match)
            .ToList();
        var runnerUp = ranked.Count > 1 ? ranked[1].Fused : 0;
        var hits = new List<KnowledgeHit>(Math.Min(top, ranked.Count));
        for (var i = 0; i < ranked.Count && i < top; i++)
        {
            var candidate = ranked[i];
            var separation = i == 0 && candidate.Fused > 0 ? 1 - (Math.Max(0, runnerUp) / candidate.Fused) : 0;

            // Nearer in meaning to something the store does not help with than to anything this entry says: whatever
            // words it shares ("track my amazon package"), the entry is never confidently the answer. It stays just
            // under the bar, so it may still be offered as "did you mean".
            var confidence = CandidateRanker.ConfidenceOf(candidate.Match, separation);
            var heldBack = outside is not null && outside.Similarity > candidate.Similarity - _options.OutOfScopeMargin;
            if (heldBack)
            {
                confidence = Math.Min(confidence, Math.Max(0, _options.MinConfidence - 0.01));
            }

            hits.Add(new KnowledgeHit(_entryByDoc[candidate.Doc], candidate.Lexical.Score, Math.Round(confidence, 4), candidate.Lexical.Matches)
            {
                Lexical = CandidateRanker.MatchOf(candidate.Lexical.Coverage, candidate.Lexical.Closeness),
                LexicalRank = candidate.Lexical.Rank,
                Semantic = Math.Round(candidate.Similarity, 4),
                Neighbour = candidate.Neighbour,
                HeldBack = heldBack,
            });
        }

        return hits;
    }

    public void Dispose()
    {
        _directoryReader.Dispose();
        _directory.Dispose();
        _vocabulary.Dispose();
        _analyzer.Dispose();
    }

    /// <summary>BM25 with length normalisation tuned per field: an entry is not penalised for having many phrasings.</summary>
    private sealed class FaqSimilarity : PerFieldSimilarityWrapper
    {
        public static readonly FaqSimilarity Instance = new();

        private static readonly Similarity Phrasings = new BM25Similarity(1.2f, 0.3f);
        private static readonly Similarity Prose = new BM25Similarity(1.2f, 0.75f);
        private static readonly Similarity Labels = new BM25Similarity(1.2f, 0f);

        public override Similarity Get(string name) => name switch
        {
            QuestionsField or TitleField => Phrasings,
            TagsField => Labels,
            _ => Prose,
        };
    }
}
