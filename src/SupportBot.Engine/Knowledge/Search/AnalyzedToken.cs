using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace SupportBot.Knowledge.Search;

/// <summary>A term as the index holds it, with the shopper's own spelling and its position in the text.</summary>
internal readonly record struct AnalyzedToken(string Term, string Surface, int Position)
{
    public static List<AnalyzedToken> Analyze(Analyzer analyzer, string field, string text)
    {
        var tokens = new List<AnalyzedToken>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            var start = Math.Clamp(offset.StartOffset, 0, text.Length);
            var end = Math.Clamp(offset.EndOffset, start, text.Length);
            tokens.Add(new AnalyzedToken(term.ToString(), text[start..end], position));
        }

        stream.End();
        return tokens;
    }
}
