namespace SupportBot.Knowledge.Search;

/// <summary>Turns a shopper's question into concepts: their words, synonym phrases, and corrected misspellings.</summary>
internal sealed class QueryReader(ShopperAnalyzer analyzer, SynonymExpander synonyms, KnowledgeVocabulary vocabulary, SearchOptions options)
{
    public List<QueryConcept> Read(string question)
    {
        var tokens = AnalyzedToken.Analyze(analyzer, KnowledgeIndex.QuestionsField, question);
        var synonymAt = synonyms.Find(tokens).ToDictionary(m => m.FirstToken);
        var concepts = new List<QueryConcept>(tokens.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tokens.Count; i++)
        {
            var span = synonymAt.TryGetValue(i, out var synonym) ? synonym.TokenCount : 1;
            var covered = tokens.GetRange(i, span);
            i += span - 1;
            var terms = covered.ConvertAll(t => t.Term);
            if (seen.Add(string.Join(' ', terms)))
            {
                concepts.Add(Concept(covered, terms, synonym));
            }
        }

        return concepts;
    }

    private QueryConcept Concept(List<AnalyzedToken> covered, List<string> terms, SynonymMatch? synonym)
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
            if (covered.Count == 1 && !vocabulary.IsWritten(word) && vocabulary.Correct(word) is { } nearest && nearest != terms[0])
            {
                alternatives.Add(Typo(nearest));
            }
        }
        else if (covered.Count == 1 && vocabulary.Correct(word) is { } corrected)
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

    private ConceptAlternative Typo(string term) => new([term], vocabulary.SurfaceOf(term), MatchKind.Typo, options.TypoWeight);
}
