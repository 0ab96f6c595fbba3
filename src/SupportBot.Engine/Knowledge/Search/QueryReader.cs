using System.Text;
using System.Text.RegularExpressions;
using Lucene.Net.Analysis;

namespace SupportBot.Knowledge.Search;

/// <summary>Turns a shopper's question into concepts: their words, synonym phrases, and corrected misspellings.</summary>
internal sealed partial class QueryReader(Analyzer analyzer, SynonymExpander synonyms, KnowledgeVocabulary vocabulary, SearchOptions options)
{
    /// <summary>
    /// Concepts one query keeps: far more than any question has, few enough that the Lucene query stays well under
    /// its clause limit and the re-ranking (concepts × candidates × phrasings) stays cheap however long the text.
    /// </summary>
    internal const int MaxConcepts = 64;

    /// <summary>
    /// Distinct unknown words one query may look up as misspellings: each costs a fuzzy walk of the vocabulary, so a
    /// message of random words must not buy thousands of them. Real questions have one or two typos.
    /// </summary>
    internal const int MaxCorrections = 8;

    public List<QueryConcept> Read(string question)
    {
        var tokens = AnalyzedToken.Analyze(analyzer, KnowledgeIndex.QuestionsField, question);
        var synonymAt = synonyms.Find(tokens).ToDictionary(m => m.FirstToken);
        var concepts = new List<QueryConcept>(tokens.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var corrections = MaxCorrections;
        for (var i = 0; i < tokens.Count; i++)
        {
            var span = synonymAt.TryGetValue(i, out var synonym) ? synonym.TokenCount : 1;
            var covered = tokens.GetRange(i, span);
            i += span - 1;
            var terms = covered.ConvertAll(t => t.Term);
            if (seen.Add(string.Join(' ', terms)))
            {
                concepts.Add(Concept(covered, terms, synonym, ref corrections));
            }
        }

        return Strongest(concepts);
    }

    /// <summary>
    /// The question with the words the knowledge does not know and could correct written as the knowledge writes them
    /// ("how do i retrun an itme" becomes "how do i return an items"), for the readers that see only the raw text
    /// (the intent model and the sentence embedding). Words the knowledge knows are left as the shopper wrote them.
    /// </summary>
    public string Respell(string question)
    {
        var corrections = MaxCorrections;
        StringBuilder? respelled = null;
        var copied = 0;
        foreach (Match word in Word().Matches(question))
        {
            if (vocabulary.IsWritten(word.Value)
                || AnalyzedToken.Analyze(analyzer, KnowledgeIndex.QuestionsField, word.Value) is not [{ } token] || vocabulary.Contains(token.Term)
                || Correct(word.Value, ref corrections) is not { } corrected)
            {
                continue;
            }

            respelled ??= new StringBuilder(question.Length + 16);
            respelled.Append(question, copied, word.Index - copied).Append(vocabulary.SurfaceOf(corrected));
            copied = word.Index + word.Length;
        }

        return respelled is null ? question : respelled.Append(question, copied, question.Length - copied).ToString();
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();

    /// <summary>Beyond <see cref="MaxConcepts"/>, the weakest are dropped (known before unknown, rare before common), in question order.</summary>
    private static List<QueryConcept> Strongest(List<QueryConcept> concepts)
    {
        if (concepts.Count <= MaxConcepts)
        {
            return concepts;
        }

        var kept = concepts.OrderByDescending(c => c.IsKnown).ThenByDescending(c => c.Weight).Take(MaxConcepts).ToHashSet();
        return concepts.FindAll(kept.Contains);
    }

    private QueryConcept Concept(List<AnalyzedToken> covered, List<string> terms, SynonymMatch? synonym, ref int corrections)
    {
        var word = string.Join(' ', covered.Select(t => t.Surface));
        var alternatives = new List<ConceptAlternative>();
        double weight;
        if (terms.TrueForAll(vocabulary.Contains))
        {
            alternatives.Add(new ConceptAlternative(terms, word, MatchKind.Exact, 1f));
            weight = terms.Max(vocabulary.Idf);

            // A misspelling can stem to a real word ("lable" and "late"): a word the knowledge never writes
            // is also read as the nearest word it does write.
            if (covered.Count == 1 && !vocabulary.IsWritten(word) && Correct(word, ref corrections) is { } nearest && nearest != terms[0])
            {
                alternatives.Add(Typo(nearest));
            }
        }
        else if (covered.Count == 1 && Correct(word, ref corrections) is { } corrected)
        {
            alternatives.Add(Typo(corrected));
            weight = vocabulary.Idf(corrected);
        }
        else
        {
            weight = vocabulary.UnknownWordWeight;
        }

        if (synonym is not null && options.SynonymWeight > 0)
        {
            var known = alternatives.Count;
            alternatives.AddRange(synonym.Alternatives.Where(a => a.Terms.All(vocabulary.Contains))
                .Select(a => new ConceptAlternative(a.Terms, a.Phrase, MatchKind.Synonym, options.SynonymWeight)));
            if (known == 0 && alternatives.Count > 0)
            {
                weight = alternatives.Max(a => a.Terms.Max(vocabulary.Idf));
            }
        }

        return new QueryConcept(word, covered[0].Position, alternatives, weight);
    }

    /// <summary>The nearest known word while the query's correction budget lasts; words that cannot be corrected cost nothing.</summary>
    private string? Correct(string word, ref int corrections)
    {
        if (corrections == 0 || !vocabulary.MayCorrect(word))
        {
            return null;
        }

        corrections--;
        return vocabulary.Correct(word);
    }

    private ConceptAlternative Typo(string term) => new([term], vocabulary.SurfaceOf(term), MatchKind.Typo, options.TypoWeight);
}
