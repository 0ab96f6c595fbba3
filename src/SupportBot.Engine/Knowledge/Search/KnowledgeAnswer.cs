namespace SupportBot.Knowledge.Search;

/// <summary>How a shopper's word was found in an entry.</summary>
internal enum MatchKind
{
    /// <summary>The word itself (after stemming: "returns" finds "return").</summary>
    Exact,

    /// <summary>Through a group in synonyms.txt ("parcel" finds "package").</summary>
    Synonym,

    /// <summary>A misspelling corrected to a word the knowledge uses ("refnud" finds "refund").</summary>
    Typo,
}

/// <summary>One of the shopper's words (or phrases) found in an entry: as what, and in which fields.</summary>
internal sealed record TermMatch(string Word, string MatchedAs, MatchKind Kind, IReadOnlyList<string> Fields);

/// <summary>
/// An entry that answers the question, with its Lucene score, a confidence in [0,1] and why it matched: the words
/// (<see cref="Matches"/>, <see cref="Lexical"/> in [0,1]) and, with embeddings, the entry text nearest in meaning
/// (<see cref="Neighbour"/>, its cosine in <see cref="Semantic"/>).
/// </summary>
internal sealed record KnowledgeHit(FaqEntry Entry, float Score, double Confidence, IReadOnlyList<TermMatch> Matches)
{
    /// <summary>How well the words match: 0.6 × closeness to the nearest phrasing + 0.4 × coverage of the question.</summary>
    public double Lexical { get; init; }

    /// <summary>Cosine similarity of the question to <see cref="Neighbour"/>; null without embeddings.</summary>
    public double? Semantic { get; init; }

    public SemanticNeighbour? Neighbour { get; init; }

    /// <summary>
    /// The question is nearer in meaning to an out-of-scope example than to anything this entry says, so its
    /// confidence was held under the bar: it is never answered on its lead alone.
    /// </summary>
    public bool HeldBack { get; init; }

    /// <summary>The lexical re-ranking score (BM25 relative to the best, coverage, closeness); for tuning and tests.</summary>
    internal double LexicalRank { get; init; }
}

/// <summary>The ranked answers to one question, and the shopper's words the knowledge does not know.</summary>
internal sealed record KnowledgeAnswer(string Question, IReadOnlyList<KnowledgeHit> Hits, IReadOnlyList<string> UnknownWords)
{
    public KnowledgeHit? Best => Hits.Count > 0 ? Hits[0] : null;

    public double Confidence => Best?.Confidence ?? 0;

    /// <summary>With embeddings: the out-of-scope example (<c>knowledge/intents/out_of_scope.yml</c>) nearest the question.</summary>
    public SemanticNeighbour? Outside { get; init; }
}
