using Lucene.Net.Search;

namespace SupportBot.Knowledge.Search;

/// <summary>
/// Re-orders Lucene's candidates and explains them: how much of the question each covers, how close the question
/// comes to its nearest phrasing, and a confidence in [0,1] from both.
/// </summary>
internal sealed class CandidateRanker(IReadOnlyList<EntryTerms> termsByDoc, KnowledgeVocabulary vocabulary)
{
    public Candidate Assess(ScoreDoc scoreDoc, List<QueryConcept> concepts, float topScore)
    {
        var terms = termsByDoc[scoreDoc.Doc];
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
    /// How sure the index is that an entry answers the question, in [0,1]: how close the question comes to the
    /// entry's nearest phrasing, how much of the question's weight (rare words weigh more) the entry covers
    /// anywhere, and a little how far it stands ahead of the runner-up. docs/ARCHITECTURE.md, "How confident is an answer?"
    /// documents it for operators.
    /// </summary>
    public static double ConfidenceOf(double coverage, double closeness, double separation) =>
        ConfidenceOf(MatchOf(coverage, closeness), separation);

    /// <summary>A match in [0,1] (lexical, or fused with meaning) made a confidence: a little more when it stands clear of the runner-up.</summary>
    public static double ConfidenceOf(double match, double separation) =>
        Math.Round(Math.Clamp(match * (0.8 + (0.2 * separation)), 0, 1), 4);

    /// <summary>How well the words match, in [0,1].</summary>
    public static double MatchOf(double coverage, double closeness) => (0.6 * closeness) + (0.4 * coverage);

    /// <summary>
    /// Words and meaning in one score in [0,1]: (1 − w) × a word score + w × the cosine scaled from
    /// <c>SemanticFloor</c> (nothing alike) to <c>SemanticCeiling</c> (the same meaning), w = <c>SemanticWeight</c>.
    /// Candidates are ordered by it with the lexical re-ranking score, and the confidence is it with the word match
    /// (<see cref="MatchOf"/>). A question that shares a word with an entry but not its meaning ("what is the capital
    /// of australia" and the international shipping entry) keeps at most (1 − w) of its word match: below the bar.
    /// </summary>
    public static double FusedOf(double lexical, double similarity, SearchOptions options)
    {
        var span = Math.Max(1e-6, options.SemanticCeiling - options.SemanticFloor);
        var meaning = Math.Clamp((similarity - options.SemanticFloor) / span, 0, 1);
        return ((1 - options.SemanticWeight) * lexical) + (options.SemanticWeight * meaning);
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
                        phrasingCovered += alternative.Weight * vocabulary.Idf(term);
                    }

                    break;
                }
            }
        }

        var recall = questionWeight > 0 ? questionCovered / questionWeight : 0;
        var precision = phrasing.Weight > 0 ? Math.Min(1, phrasingCovered / phrasing.Weight) : 0;
        return recall + precision > 0 ? 2 * recall * precision / (recall + precision) : 0;
    }
}

/// <summary>A Lucene hit with what the re-ranking learned about it.</summary>
internal sealed record Candidate(int Doc, float Score, double Rank, double Coverage, double Closeness, IReadOnlyList<TermMatch> Matches);
