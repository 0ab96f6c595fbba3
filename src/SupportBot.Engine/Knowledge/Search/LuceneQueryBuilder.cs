using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace SupportBot.Knowledge.Search;

/// <summary>Writes the Lucene query for a question's concepts: field-weighted alternatives and proximity clauses.</summary>
internal sealed class LuceneQueryBuilder(AtomicReader reader, KnowledgeVocabulary vocabulary, SearchOptions options)
{
    private readonly ConcurrentDictionary<(string Field, string Text), TermContext> _termContexts = new();
    private readonly (string Field, float Boost)[] _fields =
    [
        (KnowledgeIndex.TitleField, options.TitleBoost),
        (KnowledgeIndex.QuestionsField, options.QuestionsBoost),
        (KnowledgeIndex.AnswerField, options.AnswerBoost),
        (KnowledgeIndex.TagsField, options.TagsBoost),
    ];

    /// <summary>Entries must share at least <paramref name="mustMatch"/> concepts; proximity only adds to their score.</summary>
    public BooleanQuery Build(List<QueryConcept> concepts, int mustMatch)
    {
        var query = new BooleanQuery();
        var anyConcept = new BooleanQuery { MinimumNumberShouldMatch = mustMatch };
        query.Add(anyConcept, Occur.MUST);
        // The reader keeps far fewer concepts than Lucene's clause limit; should that limit be set lower, the
        // strongest concepts and then the nearest proximity pairs are kept rather than the query failing.
        foreach (var concept in concepts.Where(c => c.IsKnown).OrderByDescending(c => c.Weight).Take(BooleanQuery.MaxClauseCount))
        {
            var anyField = new DisjunctionMaxQuery(0.1f);
            foreach (var alternative in concept.Alternatives)
            {
                foreach (var (field, boost) in _fields)
                {
                    // A clause for a word no entry has in this field can never match; and a synonym is sought where
                    // shoppers' wording is (the phrasings), not in the prose of answers, where it mostly adds noise and cost.
                    if (boost <= 0 || !vocabulary.InField(field, alternative.Terms)
                        || (alternative.Kind == MatchKind.Synonym && field is not (KnowledgeIndex.QuestionsField or KnowledgeIndex.TitleField)))
                    {
                        continue;
                    }

                    var clause = TermsQuery(field, alternative.Terms);
                    clause.Boost = boost * alternative.Weight;
                    anyField.Add(clause);
                }
            }

            anyConcept.Add(anyField, Occur.SHOULD);
        }

        if (options.ProximityBoost > 0)
        {
            AddProximity(query, concepts);
        }

        return query;
    }

    /// <summary>Words that stand together in the question and in a phrasing make that phrasing the likelier match.</summary>
    private void AddProximity(BooleanQuery query, List<QueryConcept> concepts)
    {
        for (var i = 1; i < concepts.Count && query.Clauses.Count + 2 <= BooleanQuery.MaxClauseCount; i++)
        {
            if (concepts[i - 1].ExactSingleTerm is not { } first || concepts[i].ExactSingleTerm is not { } second)
            {
                continue;
            }

            foreach (var field in (ReadOnlySpan<string>)[KnowledgeIndex.QuestionsField, KnowledgeIndex.TitleField])
            {
                var phrase = new PhraseQuery { Slop = 3, Boost = options.ProximityBoost };
                phrase.Add(new Term(field, first.Terms[0]), 0);
                phrase.Add(new Term(field, second.Terms[0]), Math.Max(1, concepts[i].Position - concepts[i - 1].Position));
                query.Add(phrase, Occur.SHOULD);
            }
        }
    }

    private Query TermsQuery(string field, IReadOnlyList<string> terms)
    {
        if (terms.Count == 1)
        {
            // The index never changes, so where a term sits in the term dictionary is looked up once, not per query.
            var term = new Term(field, terms[0]);
            var context = _termContexts.GetOrAdd((field, terms[0]), static (_, state) => TermContext.Build(state.Reader.AtomicContext, state.Term), (Reader: reader, Term: term));
            return new TermQuery(term, context);
        }

        var phrase = new PhraseQuery { Slop = 1 };
        foreach (var term in terms)
        {
            phrase.Add(new Term(field, term));
        }

        return phrase;
    }
}
