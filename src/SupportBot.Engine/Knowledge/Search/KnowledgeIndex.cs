using System.Collections.Concurrent;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
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

    /// <summary>Every word of the entry as written (lower-cased, not stemmed): misspellings are corrected against these.</summary>
    internal const string SpellingField = "spelling";

    /// <summary>Doc values holding each document's position in the entry list; parallel indexing does not keep order.</summary>
    internal const string OrdinalField = "ordinal";

    private const int MaxCachedCorrections = 50_000;

    /// <summary>How many of Lucene's best candidates are re-ranked.</summary>
    private const int RerankDepth = 20;

    private readonly ShopperAnalyzer _analyzer;
    private readonly RAMDirectory _directory;
    private readonly DirectoryReader _directoryReader;
    private readonly AtomicReader _reader;
    private readonly RAMDirectory _spellingDirectory;
    private readonly DirectoryReader _spelling;
    private readonly IndexSearcher _searcher;
    private readonly FaqEntry[] _entryByDoc;
    private readonly EntryTerms[] _termsByDoc;
    private readonly Dictionary<string, int> _documentFrequency;
    private readonly Dictionary<string, double> _idf;
    private readonly Dictionary<string, string> _surfaceOfTerm;
    private readonly HashSet<string> _spellings;
    private readonly SynonymExpander _synonyms;
    private readonly SearchOptions _options;
    private readonly ConcurrentDictionary<string, string?> _corrections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, float> _fieldBoosts;
    private readonly Dictionary<string, HashSet<string>> _fieldVocabulary = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Field, string Text), TermContext> _termContexts = new();
    private readonly double _unknownWordWeight;

    private KnowledgeIndex(ShopperAnalyzer analyzer, RAMDirectory directory, RAMDirectory spellingDirectory, IReadOnlyList<FaqEntry> entries,
        EntryTerms[] terms, Dictionary<string, string> surfaceOfTerm, HashSet<string> spellings, SynonymExpander synonyms, SearchOptions options)
    {
        _spellings = spellings;
        _analyzer = analyzer;
        _directory = directory;
        _spellingDirectory = spellingDirectory;
        _directoryReader = DirectoryReader.Open(directory);
        _reader = _directoryReader.Leaves.Count == 1 ? _directoryReader.Leaves[0].AtomicReader : SlowCompositeReaderWrapper.Wrap(_directoryReader);
        _spelling = DirectoryReader.Open(spellingDirectory);
        _searcher = new IndexSearcher(_reader) { Similarity = FaqSimilarity.Instance };
        _options = options;
        _synonyms = synonyms;
        _surfaceOfTerm = surfaceOfTerm;

        _entryByDoc = new FaqEntry[_reader.MaxDoc];
        _termsByDoc = new EntryTerms[_reader.MaxDoc];
        var ordinals = _reader.GetNumericDocValues(OrdinalField);
        for (var doc = 0; doc < _reader.MaxDoc; doc++)
        {
            var ordinal = (int)ordinals.Get(doc);
            _entryByDoc[doc] = entries[ordinal];
            _termsByDoc[doc] = terms[ordinal];
        }

        _documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entryTerms in terms)
        {
            foreach (var term in entryTerms.All)
            {
                _documentFrequency[term] = _documentFrequency.GetValueOrDefault(term) + 1;
            }

            foreach (var (field, fieldTerms) in entryTerms.Fields)
            {
                if (!_fieldVocabulary.TryGetValue(field, out var vocabulary))
                {
                    _fieldVocabulary[field] = vocabulary = new HashSet<string>(StringComparer.Ordinal);
                }

                vocabulary.UnionWith(fieldTerms);
            }
        }

        _idf = _documentFrequency.ToDictionary(p => p.Key, p => InverseDocumentFrequency(p.Value), StringComparer.Ordinal);
        foreach (var phrasing in terms.SelectMany(t => t.Phrasings))
        {
            phrasing.Weight = phrasing.Terms.Sum(t => _idf[t]);
        }

        _fieldBoosts = new Dictionary<string, float>(StringComparer.Ordinal)
        {
            [TitleField] = options.TitleBoost,
            [QuestionsField] = options.QuestionsBoost,
            [AnswerField] = options.AnswerBoost,
            [TagsField] = options.TagsBoost,
        };

        // A word the knowledge never uses counts half as much as the rarest word it does use: enough to
        // lower confidence for "do you sell tyres", not so much that one stray name sinks a good match.
        _unknownWordWeight = 0.5 * InverseDocumentFrequency(1);
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

        var surfaces = new Dictionary<string, string>(StringComparer.Ordinal);
        var spellings = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in analyzed.SelectMany(a => a.AllTokens))
        {
            var written = token.Surface.ToLowerInvariant();
            surfaces.TryAdd(token.Term, written);
            spellings.Add(written);
        }

        return new KnowledgeIndex(analyzer, directory, BuildSpellingIndex(spellings, analyzer), entries, terms, surfaces, spellings,
            new SynonymExpander(knowledge.Synonyms, analyzer), options);
    }

    /// <summary>The knowledge's words as written, the vocabulary misspellings are corrected against.</summary>
    private static RAMDirectory BuildSpellingIndex(IEnumerable<string> words, Analyzer analyzer)
    {
        var directory = new RAMDirectory();
        using var writer = new IndexWriter(directory, new IndexWriterConfig(ShopperAnalyzer.Version, analyzer) { OpenMode = OpenMode.CREATE });
        var tokens = words.Select((word, i) => new AnalyzedToken(word, word, i)).ToList();
        writer.AddDocument([new TextField(SpellingField, new ReplayTokenStream(tokens))]);
        writer.Commit();
        return directory;
    }

    public KnowledgeAnswer Search(string question, int top = 3)
    {
        ArgumentNullException.ThrowIfNull(question);
        top = Math.Clamp(top, 1, 100);
        var concepts = Understand(question);
        var unknown = concepts.Where(c => !c.IsKnown).Select(c => c.Word).ToList();
        if (_entryByDoc.Length == 0 || !concepts.Any(c => c.IsKnown))
        {
            return new KnowledgeAnswer(question, [], unknown);
        }

        // Lucene finds the candidates; the final order also weighs how much of the question each covers and how
        // close it comes to one of the entry's phrasings, which a bag-of-words score alone does not see.
        // A long question is first asked for entries sharing two of its concepts: Lucene can then skip through
        // the long postings of common words instead of scoring every entry that has one of them. Only when that
        // finds too little is the question asked again for entries sharing any one concept.
        var known = concepts.Count(c => c.IsKnown);
        var depth = Math.Max(top, RerankDepth);
        var docs = _searcher.Search(BuildQuery(concepts, known >= 3 ? 2 : 1), depth);
        if (known >= 3 && docs.ScoreDocs.Length < top)
        {
            docs = _searcher.Search(BuildQuery(concepts, 1), depth);
        }
        if (docs.ScoreDocs.Length == 0)
        {
            return new KnowledgeAnswer(question, [], unknown);
        }

        var topScore = docs.ScoreDocs[0].Score;
        var candidates = docs.ScoreDocs.Select(d => Assess(d, concepts, topScore)).OrderByDescending(c => c.Rank).ToList();
        var runnerUp = candidates.Count > 1 ? candidates[1].Rank : 0;
        var hits = new List<KnowledgeHit>(Math.Min(top, candidates.Count));
        for (var i = 0; i < candidates.Count && i < top; i++)
        {
            var candidate = candidates[i];
            var separation = i == 0 && candidate.Rank > 0 ? 1 - (runnerUp / candidate.Rank) : 0;
            hits.Add(new KnowledgeHit(_entryByDoc[candidate.Doc], candidate.Score,
                ConfidenceOf(candidate.Coverage, candidate.Closeness, separation), candidate.Matches));
        }

        return new KnowledgeAnswer(question, hits, unknown);
    }

    public void Dispose()
    {
        _directoryReader.Dispose();
        _directory.Dispose();
        _spelling.Dispose();
        _spellingDirectory.Dispose();
        _analyzer.Dispose();
    }

    /// <summary>Turns the question into concepts: the shopper's words, synonym phrases, and corrected misspellings.</summary>
    private List<QueryConcept> Understand(string question)
    {
        var tokens = AnalyzedToken.Analyze(_analyzer, QuestionsField, question);
        var synonymAt = _synonyms.Find(tokens).ToDictionary(m => m.FirstToken);
        var concepts = new List<QueryConcept>(tokens.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tokens.Count; i++)
        {
            var span = synonymAt.TryGetValue(i, out var synonym) ? synonym.TokenCount : 1;
            var covered = tokens.Skip(i).Take(span).ToList();
            var terms = covered.Select(t => t.Term).ToList();
            var word = string.Join(' ', covered.Select(t => t.Surface));
            if (!seen.Add(string.Join(' ', terms)))
            {
                i += span - 1;
                continue;
            }

            var alternatives = new List<ConceptAlternative>();
            double weight;
            if (terms.TrueForAll(_documentFrequency.ContainsKey))
            {
                alternatives.Add(new ConceptAlternative(terms, word, MatchKind.Exact, 1f));
                weight = terms.Max(t => InverseDocumentFrequency(_documentFrequency[t]));

                // A misspelling can stem to a real word ("lable" and "late"): a word the knowledge never writes
                // is also read as the nearest word it does write.
                if (span == 1 && !_spellings.Contains(word.ToLowerInvariant()) && Correct(word) is { } nearest && nearest != terms[0])
                {
                    alternatives.Add(new ConceptAlternative([nearest], _surfaceOfTerm.GetValueOrDefault(nearest, nearest), MatchKind.Typo, _options.TypoWeight));
                }
            }
            else if (span == 1 && Correct(covered[0].Surface) is { } corrected)
            {
                alternatives.Add(new ConceptAlternative([corrected], _surfaceOfTerm.GetValueOrDefault(corrected, corrected), MatchKind.Typo, _options.TypoWeight));
                weight = InverseDocumentFrequency(_documentFrequency[corrected]);
            }
            else
            {
                weight = _unknownWordWeight;
            }

            if (synonym is not null && _options.SynonymWeight > 0)
            {
                foreach (var target in synonym.Alternatives.Where(a => a.Terms.All(_documentFrequency.ContainsKey)))
                {
                    alternatives.Add(new ConceptAlternative(target.Terms, target.Phrase, MatchKind.Synonym, _options.SynonymWeight));
                }

                if (alternatives.Count > 0 && weight == _unknownWordWeight)
                {
                    weight = alternatives.Max(a => a.Terms.Max(t => InverseDocumentFrequency(_documentFrequency[t])));
                }
            }

            concepts.Add(new QueryConcept(word, covered[0].Position, alternatives, weight));
            i += span - 1;
        }

        return concepts;
    }

    private BooleanQuery BuildQuery(List<QueryConcept> concepts, int mustMatch)
    {
        var query = new BooleanQuery();
        var anyConcept = new BooleanQuery { MinimumNumberShouldMatch = mustMatch };
        query.Add(anyConcept, Occur.MUST);
        foreach (var concept in concepts.Where(c => c.IsKnown))
        {
            var anyField = new DisjunctionMaxQuery(0.1f);
            foreach (var alternative in concept.Alternatives)
            {
                foreach (var (field, boost) in _fieldBoosts)
                {
                    // A clause for a word no entry has in this field can never match; and a synonym is sought where
                    // shoppers' wording is (the phrasings), not in the prose of answers, where it mostly adds noise and cost.
                    if (boost <= 0 || !_fieldVocabulary.TryGetValue(field, out var vocabulary) || !alternative.Terms.All(vocabulary.Contains)
                        || (alternative.Kind == MatchKind.Synonym && field is not (QuestionsField or TitleField)))
                    {
                        continue;
                    }

                    var clause = TermsQuery(field, alternative.Terms, slop: 1);
                    clause.Boost = boost * alternative.Weight;
                    anyField.Add(clause);
                }
            }

            anyConcept.Add(anyField, Occur.SHOULD);
        }

        // Words that stand together in the question and in a phrasing make that phrasing the likelier match.
        for (var i = 1; i < concepts.Count; i++)
        {
            if (concepts[i - 1].ExactSingleTerm is not { } first || concepts[i].ExactSingleTerm is not { } second)
            {
                continue;
            }

            foreach (var field in (ReadOnlySpan<string>)[QuestionsField, TitleField])
            {
                if (_options.ProximityBoost <= 0)
                {
                    break;
                }

                var phrase = new PhraseQuery { Slop = 3, Boost = _options.ProximityBoost };
                phrase.Add(new Term(field, first.Terms[0]), 0);
                phrase.Add(new Term(field, second.Terms[0]), Math.Max(1, concepts[i].Position - concepts[i - 1].Position));
                query.Add(phrase, Occur.SHOULD);
            }
        }

        return query;
    }

    private Query TermsQuery(string field, IReadOnlyList<string> terms, int slop)
    {
        if (terms.Count == 1)
        {
            // The index never changes, so where a term sits in the term dictionary is looked up once, not per query.
            var term = new Term(field, terms[0]);
            var context = _termContexts.GetOrAdd((field, terms[0]), static (_, state) => TermContext.Build(state.Reader.AtomicContext, state.Term), (Reader: _reader, Term: term));
            return new TermQuery(term, context);
        }

        var phrase = new PhraseQuery { Slop = slop };
        foreach (var term in terms)
        {
            phrase.Add(new Term(field, term));
        }

        return phrase;
    }

    private Candidate Assess(ScoreDoc scoreDoc, List<QueryConcept> concepts, float topScore)
    {
        var terms = _termsByDoc[scoreDoc.Doc];
        var matches = new List<TermMatch>();
        double total = 0, found = 0;
        foreach (var concept in concepts)
        {
            total += concept.Weight;
            double best = 0;
            foreach (var alternative in concept.Alternatives)
            {
                var fields = terms.FieldsContaining(alternative.Terms);
                if (fields.Count > 0)
                {
                    matches.Add(new TermMatch(concept.Word, alternative.Display, alternative.Kind, fields));
                    best = Math.Max(best, alternative.Weight);
                }
            }

            found += concept.Weight * best;
        }

        var coverage = total > 0 ? found / total : 0;
        double closeness = 0;
        foreach (var phrasing in terms.Phrasings)
        {
            closeness = Math.Max(closeness, Closeness(phrasing, concepts, total));
        }

        var rank = (0.4 * (scoreDoc.Score / topScore)) + (0.2 * coverage) + (0.4 * closeness);
        return new Candidate(scoreDoc.Doc, scoreDoc.Score, rank, coverage, closeness, matches);
    }

    /// <summary>
    /// How alike the question and one phrasing are: the harmonic mean of how much of the question the phrasing
    /// covers and how much of the phrasing the question covers, both weighted by how rare each word is.
    /// </summary>
    private double Closeness(PhrasingTerms phrasing, List<QueryConcept> concepts, double questionWeight)
    {
        double questionCovered = 0, phrasingCovered = 0;
        foreach (var concept in concepts)
        {
            foreach (var alternative in concept.Alternatives)
            {
                if (phrasing.ContainsAll(alternative.Terms))
                {
                    questionCovered += concept.Weight * alternative.Weight;
                    foreach (var term in alternative.Terms)
                    {
                        phrasingCovered += alternative.Weight * _idf[term];
                    }

                    break;
                }
            }
        }

        var recall = questionWeight > 0 ? questionCovered / questionWeight : 0;
        var precision = phrasing.Weight > 0 ? Math.Min(1, phrasingCovered / phrasing.Weight) : 0;
        return recall + precision > 0 ? 2 * recall * precision / (recall + precision) : 0;
    }

    private sealed record Candidate(int Doc, float Score, double Rank, double Coverage, double Closeness, IReadOnlyList<TermMatch> Matches);

    /// <summary>
    /// How sure the index is that an entry answers the question, in [0,1]: how close the question comes to the
    /// entry's nearest phrasing, how much of the question's weight (rare words weigh more) the entry covers
    /// anywhere, and a little how far it stands ahead of the runner-up. README "How confident is an answer?"
    /// documents it for operators.
    /// </summary>
    internal static double ConfidenceOf(double coverage, double closeness, double separation)
    {
        var match = (0.6 * closeness) + (0.4 * coverage);
        return Math.Round(Math.Clamp(match * (0.8 + (0.2 * separation)), 0, 1), 4);
    }

    private double InverseDocumentFrequency(int documentFrequency) =>
        Math.Log(1 + ((_entryByDoc.Length - documentFrequency + 0.5) / (documentFrequency + 0.5)));

    /// <summary>
    /// The index term a misspelled word most likely meant, or null. The shopper's spelling is compared with the
    /// words as the knowledge writes them (not with stems: "washng" is one edit from "washing" but two from
    /// "wash"), using Lucene's Levenshtein automata, and the correction is then stemmed like any other word.
    /// </summary>
    private string? Correct(string surface)
    {
        var word = surface.ToLowerInvariant();
        if (!_options.TypoTolerance || word.Length < 4 || word.Any(c => !char.IsLetter(c)))
        {
            return null;
        }

        if (_corrections.TryGetValue(word, out var cached))
        {
            return cached;
        }

        var maxEdits = word.Length >= 8 ? 2 : 1;
        var rewritten = new FuzzyQuery(new Term(SpellingField, word), maxEdits, prefixLength: 1).Rewrite(_spelling);
        string? best = null;
        var bestBoost = float.MinValue;
        var bestFrequency = 0;
        foreach (var candidate in TermQueriesOf(rewritten))
        {
            var stem = AnalyzedToken.Analyze(_analyzer, QuestionsField, candidate.Term.Text).FirstOrDefault().Term;
            var frequency = stem is null ? 0 : _documentFrequency.GetValueOrDefault(stem);
            if (frequency > 0 && (candidate.Boost > bestBoost || (candidate.Boost == bestBoost && frequency > bestFrequency)))
            {
                (best, bestBoost, bestFrequency) = (stem, candidate.Boost, frequency);
            }
        }

        if (_corrections.Count < MaxCachedCorrections)
        {
            _corrections[word] = best;
        }

        return best;
    }

    private static IEnumerable<TermQuery> TermQueriesOf(Query query) => query switch
    {
        TermQuery term => [term],
        BooleanQuery boolean => boolean.Clauses.Select(c => c.Query).OfType<TermQuery>(),
        _ => [],
    };

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
