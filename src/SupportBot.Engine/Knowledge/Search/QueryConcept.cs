namespace SupportBot.Knowledge.Search;

/// <summary>One way of finding a concept: index terms (a phrase when several), how, and how much it counts.</summary>
internal sealed record ConceptAlternative(IReadOnlyList<string> Terms, string Display, MatchKind Kind, float Weight);

/// <summary>
/// A word or synonym phrase of the shopper's question with every way it can be found, and its weight
/// (inverse document frequency) in the confidence: rare words say more about the question than common ones.
/// </summary>
internal sealed record QueryConcept(string Word, int Position, IReadOnlyList<ConceptAlternative> Alternatives, double Weight)
{
    public bool IsKnown => Alternatives.Count > 0;

    public ConceptAlternative? ExactSingleTerm =>
        Alternatives.FirstOrDefault(a => a.Kind != MatchKind.Synonym && a.Terms.Count == 1);
}
