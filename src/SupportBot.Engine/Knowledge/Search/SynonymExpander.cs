using Lucene.Net.Analysis;

namespace SupportBot.Knowledge.Search;

/// <summary>A synonym found in a query: the shopper's words it covers and what else to search for.</summary>
internal sealed record SynonymMatch(int FirstToken, int TokenCount, IReadOnlyList<SynonymAlternative> Alternatives);

/// <summary>A phrase to search instead of the shopper's words, analyzed like the index, with the editor's wording.</summary>
internal sealed record SynonymAlternative(IReadOnlyList<string> Terms, string Phrase);

/// <summary>
/// Applies the editors' <c>synonyms.txt</c> (or a language's <c>synonyms.&lt;lang&gt;.txt</c>) at query time, on analyzed terms, so "parcel" also finds
/// "package" and "money back" also finds "refund". Query-time expansion keeps index statistics honest and
/// lets every match say which synonym it came through.
/// </summary>
internal sealed class SynonymExpander
{
    private readonly Dictionary<string, List<(string[] Source, List<SynonymAlternative> Targets)>> _byFirstTerm = new(StringComparer.Ordinal);

    public SynonymExpander(IEnumerable<SynonymGroup> groups, Analyzer analyzer)
    {
        foreach (var group in groups)
        {
            var phrases = group.Phrases.Select(p => Analyzed(analyzer, p)).Where(KeepsEveryWord).ToList();
            var targets = group.Targets?.Select(p => Analyzed(analyzer, p)).Where(KeepsEveryWord).ToList();
            foreach (var source in phrases)
            {
                var alternatives = (targets ?? phrases).Where(t => !t.Terms.SequenceEqual(source.Terms)).ToList();
                if (alternatives.Count == 0)
                {
                    continue;
                }

                var first = source.Terms[0];
                if (!_byFirstTerm.TryGetValue(first, out var list))
                {
                    _byFirstTerm[first] = list = [];
                }

                var existing = list.FindIndex(e => e.Source.SequenceEqual(source.Terms));
                if (existing >= 0)
                {
                    list[existing].Targets.AddRange(alternatives.Where(a => !list[existing].Targets.Any(t => t.Terms.SequenceEqual(a.Terms))));
                }
                else
                {
                    list.Add(([.. source.Terms], alternatives));
                }
            }
        }

        // Longest source phrase first, so "money back guarantee" wins over "money back".
        foreach (var list in _byFirstTerm.Values)
        {
            list.Sort((a, b) => b.Source.Length.CompareTo(a.Source.Length));
        }
    }

    /// <summary>Finds synonym phrases in the query's terms, longest first, without overlaps.</summary>
    public List<SynonymMatch> Find(IReadOnlyList<AnalyzedToken> tokens)
    {
        var matches = new List<SynonymMatch>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!_byFirstTerm.TryGetValue(tokens[i].Term, out var candidates))
            {
                continue;
            }

            foreach (var (source, targets) in candidates)
            {
                if (i + source.Length > tokens.Count || !Matches(tokens, i, source))
                {
                    continue;
                }

                matches.Add(new SynonymMatch(i, source.Length, targets));
                i += source.Length - 1;
                break;
            }
        }

        return matches;
    }

    private static bool Matches(IReadOnlyList<AnalyzedToken> tokens, int start, string[] source)
    {
        for (var k = 0; k < source.Length; k++)
        {
            if (tokens[start + k].Term != source[k])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The phrases of the editors' groups that take no part in expansion, for validation to warn about.</summary>
    /// <param name="groups">One language's groups.</param>
    /// <param name="language">Their language, whose analysis (and stop words) they are read with.</param>
    public static IEnumerable<(SynonymGroup Group, string Phrase)> IgnoredPhrases(IEnumerable<SynonymGroup> groups, string language = KnowledgeBase.English)
    {
        using var analyzer = ShopperAnalyzers.For(language);
        foreach (var group in groups)
        {
            foreach (var phrase in group.Phrases.Concat(group.Targets ?? []))
            {
                if (!KeepsEveryWord(Analyzed(analyzer, phrase)))
                {
                    yield return (group, phrase);
                }
            }
        }
    }

    /// <summary>
    /// A phrase that loses words to the stop list ("no returns" becomes just "return") would fire on every
    /// mention of its remaining word, so it takes no part in expansion. knowledge/README.md tells editors.
    /// </summary>
    private static bool KeepsEveryWord(SynonymAlternative phrase) =>
        phrase.Terms.Count > 0 && phrase.Terms.Count >= phrase.Phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private static SynonymAlternative Analyzed(Analyzer analyzer, string phrase) =>
        new(AnalyzedToken.Analyze(analyzer, "synonym", phrase).Select(t => t.Term).ToList(), phrase);
}
