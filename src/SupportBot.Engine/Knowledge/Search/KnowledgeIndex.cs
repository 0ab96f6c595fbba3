using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace SupportBot.Knowledge.Search;

/// <summary>
/// The Lucene index of the FAQ: one document per entry with separately weighted fields for the title, the
/// question phrasings, the answer and the tags. Immutable once built; a changed knowledge folder gets a new
/// index that replaces this one whole. Safe for concurrent searches.
/// </summary>
public sealed class KnowledgeIndex : IDisposable
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

    /// <summary>How many of Lucene's best candidates are re-ranked.</summary>
    private const int RerankDepth = 20;

    private readonly ShopperAnalyzer _analyzer;
    private readonly RAMDirectory _directory;
    private readonly DirectoryReader _directoryReader;
    private readonly IndexSearcher _searcher;
    private readonly FaqEntry[] _entryByDoc;
    private readonly KnowledgeVocabulary _vocabulary;
    private readonly QueryReader _queryReader;
    private readonly LuceneQueryBuilder _queryBuilder;
    private readonly CandidateRanker _ranker;

    private KnowledgeIndex(ShopperAnalyzer analyzer, RAMDirectory directory, IReadOnlyList<FaqEntry> entries, EntryTerms[] terms,
        KnowledgeVocabulary vocabulary, SynonymExpander synonyms, SearchOptions options)
    {
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
            _entryByDoc[doc] = entries[ordinal];
            termsByDoc[doc] = terms[ordinal];
        }

        _queryReader = new QueryReader(analyzer, synonyms, vocabulary, options);
        _queryBuilder = new LuceneQueryBuilder(reader, vocabulary, options);
        _ranker = new CandidateRanker(termsByDoc, vocabulary);
    }

    public int Count => _entryByDoc.Length;

    public IReadOnlyList<FaqEntry> Entries => _entryByDoc;

    public static KnowledgeIndex Build(KnowledgeBase knowledge, SearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(options);
        var analyzer = new ShopperAnalyzer();
        var entries = knowledge.Entries;
        var analyzed = new AnalyzedEntry[entries.Count];
        var terms = new EntryTerms[entries.Count];
        Parallel.For(0, entries.Count, i =>
        {
            analyzed[i] = AnalyzedEntry.Of(entries[i], analyzer);
            terms[i] = EntryTerms.Of(analyzed[i]);
        });

        var directory = new RAMDirectory();
        var config = new IndexWriterConfig(ShopperAnalyzer.Version, analyzer)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = FaqSimilarity.Instance,
            RAMBufferSizeMB = 1024,
            MaxBufferedDocs = IndexWriterConfig.DISABLE_AUTO_FLUSH,
        };
        using (var writer = new IndexWriter(directory, config))
        {
            // One writer thread and a buffer larger than any knowledge base: a single segment, so statistics come
            // straight from it (a multi-segment reader rebuilds merged views of its term dictionaries per query).
            for (var i = 0; i < entries.Count; i++)
            {
                writer.AddDocument(analyzed[i].ToDocument(i));
            }

            writer.Commit();
        }

        return new KnowledgeIndex(analyzer, directory, entries, terms, new KnowledgeVocabulary(analyzed, terms, analyzer, options),
            new SynonymExpander(knowledge.Synonyms, analyzer), options);
    }

    public KnowledgeAnswer Search(string question, int top = 3)
    {
        ArgumentNullException.ThrowIfNull(question);
        top = Math.Clamp(top, 1, 100);
        var concepts = _queryReader.Read(question);
        var unknown = concepts.Where(c => !c.IsKnown).Select(c => c.Word).ToList();
        var known = concepts.Count(c => c.IsKnown);
        if (_entryByDoc.Length == 0 || known == 0)
        {
            return new KnowledgeAnswer(question, [], unknown);
        }

        // A long question is first asked for entries sharing two of its concepts: Lucene can then skip through
        // the long postings of common words instead of scoring every entry that has one of them. Only when that
        // finds too little is it asked again for entries sharing any one concept.
        var depth = Math.Max(top, RerankDepth);
        TopDocs docs;
        try
        {
            docs = _searcher.Search(_queryBuilder.Build(concepts, known >= 3 ? 2 : 1), depth);
            if (known >= 3 && docs.ScoreDocs.Length < top)
            {
                docs = _searcher.Search(_queryBuilder.Build(concepts, 1), depth);
            }
        }
        catch (BooleanQuery.TooManyClausesException)
        {
            // The builder stays under the limit; this is the backstop that keeps any query a "no answer", never a failure.
            return new KnowledgeAnswer(question, [], unknown);
        }

        if (docs.ScoreDocs.Length == 0)
        {
            return new KnowledgeAnswer(question, [], unknown);
        }

        // Lucene finds the candidates; the final order also weighs how much of the question each covers and how
        // close it comes to one of the entry's phrasings, which a bag-of-words score alone does not see.
        var topScore = docs.ScoreDocs[0].Score;
        var candidates = docs.ScoreDocs.Select(d => _ranker.Assess(d, concepts, topScore)).OrderByDescending(c => c.Rank).ToList();
        var runnerUp = candidates.Count > 1 ? candidates[1].Rank : 0;
        var hits = new List<KnowledgeHit>(Math.Min(top, candidates.Count));
        for (var i = 0; i < candidates.Count && i < top; i++)
        {
            var candidate = candidates[i];
            var separation = i == 0 && candidate.Rank > 0 ? 1 - (runnerUp / candidate.Rank) : 0;
            hits.Add(new KnowledgeHit(_entryByDoc[candidate.Doc], candidate.Score,
                CandidateRanker.ConfidenceOf(candidate.Coverage, candidate.Closeness, separation), candidate.Matches));
        }

        return new KnowledgeAnswer(question, hits, unknown);
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
