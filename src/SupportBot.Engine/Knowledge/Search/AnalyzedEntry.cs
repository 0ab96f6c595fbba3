using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;

namespace SupportBot.Knowledge.Search;

/// <summary>
/// An entry analyzed once, field value by field value. The Lucene document is fed these tokens (no second
/// analysis), and <see cref="EntryTerms"/> is built from the same tokens, so both always agree.
/// </summary>
internal sealed class AnalyzedEntry
{
    private AnalyzedEntry(FaqEntry entry, List<AnalyzedToken> title, List<List<AnalyzedToken>> questions,
        List<AnalyzedToken> answer, List<List<AnalyzedToken>> tags)
    {
        Entry = entry;
        Title = title;
        Questions = questions;
        Answer = answer;
        Tags = tags;
    }

    public FaqEntry Entry { get; }

    public List<AnalyzedToken> Title { get; }

    public List<List<AnalyzedToken>> Questions { get; }

    public List<AnalyzedToken> Answer { get; }

    public List<List<AnalyzedToken>> Tags { get; }

    public static AnalyzedEntry Of(FaqEntry entry, Analyzer analyzer) => new(
        entry,
        AnalyzedToken.Analyze(analyzer, KnowledgeIndex.TitleField, entry.Title),
        entry.Questions.Select(q => AnalyzedToken.Analyze(analyzer, KnowledgeIndex.QuestionsField, q.Text)).ToList(),
        AnalyzedToken.Analyze(analyzer, KnowledgeIndex.AnswerField, entry.AnswerText),
        entry.Tags.Select(t => AnalyzedToken.Analyze(analyzer, KnowledgeIndex.TagsField, t)).ToList());

    /// <summary>All tokens of the entry, for building vocabularies.</summary>
    public IEnumerable<AnalyzedToken> AllTokens =>
        Title.Concat(Questions.SelectMany(q => q)).Concat(Answer).Concat(Tags.SelectMany(t => t));

    /// <summary>The Lucene document; <paramref name="ordinal"/> maps Lucene's document number back to the entry.</summary>
    public Document ToDocument(int ordinal)
    {
        var document = new Document
        {
            new StringField(KnowledgeIndex.IdField, Entry.Id, Field.Store.YES),
            new NumericDocValuesField(KnowledgeIndex.OrdinalField, ordinal),
            new TextField(KnowledgeIndex.TitleField, new ReplayTokenStream(Title)),
            new TextField(KnowledgeIndex.AnswerField, new ReplayTokenStream(Answer)),
        };
        foreach (var question in Questions)
        {
            document.Add(new TextField(KnowledgeIndex.QuestionsField, new ReplayTokenStream(question)));
        }

        foreach (var tag in Tags)
        {
            document.Add(new TextField(KnowledgeIndex.TagsField, new ReplayTokenStream(tag)));
        }

        return document;
    }

}

/// <summary>Hands Lucene tokens that were already analyzed, keeping their positions (stop-word gaps included).</summary>
internal sealed class ReplayTokenStream : TokenStream
    {
        private readonly List<AnalyzedToken> _tokens;
        private readonly ICharTermAttribute _term;
        private readonly IPositionIncrementAttribute _increment;
        private int _next;
        private int _lastPosition = -1;

        public ReplayTokenStream(List<AnalyzedToken> tokens)
        {
            _tokens = tokens;
            _term = AddAttribute<ICharTermAttribute>();
            _increment = AddAttribute<IPositionIncrementAttribute>();
        }

        public override bool IncrementToken()
        {
            if (_next >= _tokens.Count)
            {
                return false;
            }

            ClearAttributes();
            var token = _tokens[_next++];
            _term.SetEmpty().Append(token.Term);
            _increment.PositionIncrement = Math.Max(1, token.Position - _lastPosition);
            _lastPosition = token.Position;
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            _next = 0;
            _lastPosition = -1;
        }
    }
