using SupportBot.Embeddings;
using System.Collections.Concurrent;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace SupportBot.Knowledge.Search;

/// <summary>
/// The words of the knowledge: how many entries use each (and so how telling it is), which fields hold it, how
/// editors spelled it, and the nearest known word for a misspelling.
/// </summary>
internal sealed class KnowledgeVocabulary : IDisposable
{
    private const int MaxCachedCorrections = 50_000;

    /// <summary>A longer "word" is no mistyped English word, and the Levenshtein automaton built for it grows with its length.</summary>
    private const int MaxCorrectedLength = 32;

    private readonly int _entryCount;
    private readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _idf;
    private readonly Dictionary<string, HashSet<string>> _byField = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _surfaceOfTerm = new(StringComparer.Ordinal);
    private readonly HashSet<string> _spellings = new(StringComparer.Ordinal);
    private readonly Analyzer _analyzer;
    private readonly SearchOptions _options;
    private readonly string _language;
    private readonly RAMDirectory _spellingDirectory;
    private readonly DirectoryReader _spellingReader;
    private readonly ConcurrentDictionary<string, string?> _corrections = new(StringComparer.Ordinal);

    /// <param name="entries">The entries as analyzed.</param>
    /// <param name="terms">Their terms by field and phrasing.</param>
    /// <param name="analyzer">The language's analysis, which corrections are stemmed with.</param>
    /// <param name="options">Whether and how far typos are corrected.</param>
    /// <param name="language">The entries' language: English has a dictionary of real words that are never corrected.</param>
    public KnowledgeVocabulary(IReadOnlyList<AnalyzedEntry> entries, IReadOnlyList<EntryTerms> terms, Analyzer analyzer, SearchOptions options,
        string language = KnowledgeBase.English)
    {
        _language = language;
        _entryCount = entries.Count;
        _analyzer = analyzer;
        _options = options;
        foreach (var entryTerms in terms)
        {
            foreach (var term in entryTerms.All)
            {
                _documentFrequency[term] = _documentFrequency.GetValueOrDefault(term) + 1;
            }

            foreach (var (field, fieldTerms) in entryTerms.Fields)
            {
                if (!_byField.TryGetValue(field, out var vocabulary))
                {
                    _byField[field] = vocabulary = new HashSet<string>(StringComparer.Ordinal);
                }

                vocabulary.UnionWith(fieldTerms);
            }
        }

        foreach (var token in entries.SelectMany(a => a.AllTokens))
        {
            var written = WrittenWord(token.Surface);
            _surfaceOfTerm.TryAdd(token.Term, written);
            _spellings.Add(written);
        }

        _idf = _documentFrequency.ToDictionary(p => p.Key, p => InverseDocumentFrequency(p.Value), StringComparer.Ordinal);
        foreach (var phrasing in terms.SelectMany(t => t.Phrasings))
        {
            phrasing.Weight = phrasing.Terms.Sum(t => _idf[t]);
        }

        // A word the knowledge never uses counts half as much as the rarest word it does use: enough to
        // lower confidence for "do you sell tyres", not so much that one stray name sinks a good match.
        UnknownWordWeight = 0.5 * InverseDocumentFrequency(1);
        _spellingDirectory = BuildSpellingIndex(_spellings, analyzer);
        _spellingReader = DirectoryReader.Open(_spellingDirectory);
    }

    public double UnknownWordWeight { get; }

    public bool Contains(string term) => _documentFrequency.ContainsKey(term);

    public bool InField(string field, IReadOnlyList<string> terms) =>
        _byField.TryGetValue(field, out var vocabulary) && terms.All(vocabulary.Contains);

    /// <summary>Whether an editor ever wrote this word (lower-cased) anywhere in the knowledge.</summary>
    public bool IsWritten(string word) => _spellings.Contains(word.ToLowerInvariant());

    /// <summary>A readable form of a stemmed term: the first way an editor wrote it.</summary>
    public string SurfaceOf(string term) => _surfaceOfTerm.GetValueOrDefault(term, term);

    /// <summary>Inverse document frequency (BM25's form) of a known term.</summary>
    public double Idf(string term) => _idf[term];

    /// <summary>
    /// The index term a misspelled word most likely meant, or null. The shopper's spelling is compared with the
    /// words as the knowledge writes them (not with stems: "washng" is one edit from "washing" but two from
    /// "wash"), using Lucene's Levenshtein automata, and the correction is then stemmed like any other word.
    /// </summary>
    public string? Correct(string surface)
    {
        if (!MayCorrect(surface))
        {
            return null;
        }

        var word = surface.ToLowerInvariant();

        if (_corrections.TryGetValue(word, out var cached))
        {
            return cached;
        }

        var maxEdits = word.Length >= 8 ? 2 : 1;
        var rewritten = new FuzzyQuery(new Term(KnowledgeIndex.SpellingField, word), maxEdits, prefixLength: 1).Rewrite(_spellingReader);
        string? best = null;
        var bestBoost = float.MinValue;
        var bestFrequency = 0;
        foreach (var candidate in TermQueriesOf(rewritten))
        {
            var stem = AnalyzedToken.Analyze(_analyzer, KnowledgeIndex.QuestionsField, candidate.Term.Text).FirstOrDefault().Term;
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

    /// <summary>Whether a word is one typo correction looks at: a word of letters long enough to have a typo, with correction on.</summary>
    /// <remarks>
    /// A real English word the knowledge happens not to use ("passport", "coat") is what the shopper meant, never a typo.
    /// Other languages have no such dictionary: any word the knowledge does not know may be a typo.
    /// </remarks>
    public bool MayCorrect(string surface) =>
        _options.TypoTolerance && surface.Length is >= 4 and <= MaxCorrectedLength && surface.All(char.IsLetter)
        && (_language != KnowledgeBase.English || !EnglishWords.Contains(surface));

    /// <summary>
    /// A word as an editor wrote it, lower-cased; in French without an elided article or pronoun ("l'étiquette" is written
    /// "étiquette"), since a shopper's misspelled word is compared with it on its own.
    /// </summary>
    private string WrittenWord(string surface)
    {
        var word = surface.ToLowerInvariant();
        if (_language != FrenchShopperAnalyzer.Language)
        {
            return word;
        }

        var apostrophe = word.LastIndexOfAny(['\'', '\u2019']);
        return apostrophe > 0 && apostrophe < word.Length - 1 ? word[(apostrophe + 1)..] : word;
    }

    public void Dispose()
    {
        _spellingReader.Dispose();
        _spellingDirectory.Dispose();
    }

    private double InverseDocumentFrequency(int documentFrequency) =>
        Math.Log(1 + ((_entryCount - documentFrequency + 0.5) / (documentFrequency + 0.5)));

    /// <summary>The knowledge's words as written, in an index of their own for Lucene's fuzzy term enumeration.</summary>
    private static RAMDirectory BuildSpellingIndex(IEnumerable<string> words, Analyzer analyzer)
    {
        var directory = new RAMDirectory();
        using var writer = new IndexWriter(directory, new IndexWriterConfig(ShopperAnalyzer.Version, analyzer) { OpenMode = OpenMode.CREATE });
        var tokens = words.Select((word, i) => new AnalyzedToken(word, word, i)).ToList();
        writer.AddDocument([new TextField(KnowledgeIndex.SpellingField, new ReplayTokenStream(tokens))]);
        writer.Commit();
        return directory;
    }

    private static IEnumerable<TermQuery> TermQueriesOf(Query query) => query switch
    {
        TermQuery term => [term],
        BooleanQuery boolean => boolean.Clauses.Select(c => c.Query).OfType<TermQuery>(),
        _ => [],
    };
}
