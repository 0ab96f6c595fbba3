using Lucene.Net.Analysis;

namespace SupportBot.Knowledge.Search;

/// <summary>
/// The analyzed words of one entry per field, kept beside the index so a hit can say which of the shopper's
/// words it matched where, and how much of the question it covers, without re-reading Lucene's postings.
/// </summary>
internal sealed class EntryTerms
{
    private readonly (string Field, HashSet<string> Terms)[] _fields;

    private EntryTerms((string, HashSet<string>)[] fields, HashSet<string> all, List<string>[] phrasings)
    {
        _fields = fields;
        All = all;
        Phrasings = phrasings;
    }

    public HashSet<string> All { get; }

    /// <summary>The title and each question phrasing, analyzed: a question is best matched by its closest phrasing.</summary>
    public List<string>[] Phrasings { get; }

    public static IEnumerable<string> TextsOf(FaqEntry entry) =>
        entry.Questions.Select(q => q.Text).Prepend(entry.Title).Append(entry.AnswerText).Concat(entry.Tags);

    public static EntryTerms Of(FaqEntry entry, Analyzer analyzer, Dictionary<string, string> surfaces)
    {
        HashSet<string> Terms(string field, IEnumerable<string> texts)
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var text in texts)
            {
                foreach (var token in AnalyzedToken.Analyze(analyzer, field, text))
                {
                    set.Add(token.Term);
                    surfaces.TryAdd(token.Term, token.Surface.ToLowerInvariant());
                }
            }

            return set;
        }

        var fields = new (string, HashSet<string>)[]
        {
            (KnowledgeIndex.TitleField, Terms(KnowledgeIndex.TitleField, [entry.Title])),
            (KnowledgeIndex.QuestionsField, Terms(KnowledgeIndex.QuestionsField, entry.Questions.Select(q => q.Text))),
            (KnowledgeIndex.AnswerField, Terms(KnowledgeIndex.AnswerField, [entry.AnswerText])),
            (KnowledgeIndex.TagsField, Terms(KnowledgeIndex.TagsField, entry.Tags)),
        };
        var all = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, set) in fields)
        {
            all.UnionWith(set);
        }

        var phrasings = entry.Questions.Select(q => q.Text).Prepend(entry.Title)
            .Select(text => AnalyzedToken.Analyze(analyzer, KnowledgeIndex.QuestionsField, text).Select(t => t.Term).Distinct(StringComparer.Ordinal).ToList())
            .Where(terms => terms.Count > 0)
            .ToArray();
        return new EntryTerms(fields, all, phrasings);
    }

    public IReadOnlyList<string> FieldsContaining(IReadOnlyList<string> terms)
    {
        List<string>? found = null;
        foreach (var (field, set) in _fields)
        {
            if (terms.All(set.Contains))
            {
                (found ??= []).Add(field);
            }
        }

        return (IReadOnlyList<string>?)found ?? [];
    }
}
