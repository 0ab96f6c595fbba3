namespace SupportBot.Knowledge.Search;

/// <summary>
/// The analyzed words of one entry per field, kept beside the index so a hit can say which of the shopper's
/// words it matched where, and how much of the question it covers, without re-reading Lucene's postings.
/// </summary>
internal sealed class EntryTerms
{
    private readonly (string Field, HashSet<string> Terms)[] _fields;

    private EntryTerms((string, HashSet<string>)[] fields, HashSet<string> all, PhrasingTerms[] phrasings)
    {
        _fields = fields;
        All = all;
        Phrasings = phrasings;
    }

    public HashSet<string> All { get; }

    /// <summary>The title and each question phrasing, analyzed: a question is best matched by its closest phrasing.</summary>
    public PhrasingTerms[] Phrasings { get; }

    public static EntryTerms Of(AnalyzedEntry analyzed)
    {
        List<string> Distinct(IEnumerable<AnalyzedToken> tokens)
        {
            var terms = new List<string>();
            foreach (var token in tokens)
            {
                if (!terms.Contains(token.Term))
                {
                    terms.Add(token.Term);
                }
            }

            return terms;
        }

        var title = Distinct(analyzed.Title);
        var questions = analyzed.Questions.Select(Distinct).ToList();
        var fields = new (string, HashSet<string>)[]
        {
            (KnowledgeIndex.TitleField, new HashSet<string>(title, StringComparer.Ordinal)),
            (KnowledgeIndex.QuestionsField, new HashSet<string>(questions.SelectMany(q => q), StringComparer.Ordinal)),
            (KnowledgeIndex.AnswerField, new HashSet<string>(Distinct(analyzed.Answer), StringComparer.Ordinal)),
            (KnowledgeIndex.TagsField, new HashSet<string>(Distinct(analyzed.Tags.SelectMany(t => t)), StringComparer.Ordinal)),
        };
        var all = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, set) in fields)
        {
            all.UnionWith(set);
        }

        var phrasings = questions.Prepend(title).Where(p => p.Count > 0).Select(p => new PhrasingTerms([.. p])).ToArray();
        return new EntryTerms(fields, all, phrasings);
    }

    /// <summary>Which of the four searched fields hold a term, for every term in this entry.</summary>
    public IEnumerable<(string Field, HashSet<string> Terms)> Fields => _fields;

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

/// <summary>One phrasing's distinct analyzed words; its weight (summed inverse document frequency) is set once the index knows the frequencies.</summary>
internal sealed class PhrasingTerms(string[] terms)
{
    public string[] Terms { get; } = terms;

    public double Weight { get; set; }

    public bool ContainsAll(IReadOnlyList<string> terms)
    {
        for (var i = 0; i < terms.Count; i++)
        {
            if (Array.IndexOf(Terms, terms[i]) < 0)
            {
                return false;
            }
        }

        return true;
    }
}
