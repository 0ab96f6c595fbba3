using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Util;

namespace SupportBot.Knowledge.Search;

/// <summary>
/// The analysis of each language's index: English (<see cref="ShopperAnalyzer"/>), French, Spanish, and for any other
/// language lower-casing and accent folding alone. Questions and entries of one language go through the same one.
/// </summary>
internal static class ShopperAnalyzers
{
    /// <summary>A new analyzer for a language's index (each index owns and disposes its own).</summary>
    public static Analyzer For(string language) => language switch
    {
        KnowledgeBase.English => new ShopperAnalyzer(),
        FrenchShopperAnalyzer.Language => new FrenchShopperAnalyzer(),
        SpanishShopperAnalyzer.Language => new SpanishShopperAnalyzer(),
        _ => new FoldingShopperAnalyzer(),
    };

    /// <summary>The words a language's analysis leaves out (lower-cased, accents folded), for readers outside the index.</summary>
    public static CharArraySet StopWordsOf(string language) => language switch
    {
        KnowledgeBase.English => ShopperAnalyzer.StopWords,
        FrenchShopperAnalyzer.Language => FrenchShopperAnalyzer.StopWords,
        SpanishShopperAnalyzer.Language => SpanishShopperAnalyzer.StopWords,
        _ => CharArraySet.Empty,
    };

    /// <summary>
    /// A stop list as the analysis sees words once accents are folded ("à" is "a", "qué" is "que"), so a shopper who types
    /// without accents loses the same words as one who types them.
    /// </summary>
    internal static CharArraySet FoldedStopSet(IEnumerable<string> words)
    {
        var set = new CharArraySet(ShopperAnalyzer.Version, 512, ignoreCase: true);
        foreach (var word in words)
        {
            set.Add(Fold(word));
        }

        return set.AsReadOnly();
    }

    internal static IEnumerable<string> Words(CharArraySet set) => set.Select(w => w.ToString()!);

    private static string Fold(string word)
    {
        var lower = word.ToLowerInvariant().ToCharArray();
        var folded = new char[lower.Length * 4];
        var length = ASCIIFoldingFilter.FoldToASCII(lower, 0, folded, 0, lower.Length);
        return new string(folded, 0, length);
    }
}

/// <summary>Any language without its own analysis: words lower-cased and accents folded, nothing left out or stemmed.</summary>
internal sealed class FoldingShopperAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new Lucene.Net.Analysis.Standard.StandardTokenizer(ShopperAnalyzer.Version, reader);
        TokenStream stream = new Lucene.Net.Analysis.Core.LowerCaseFilter(ShopperAnalyzer.Version, source);
        stream = new ASCIIFoldingFilter(stream);
        return new TokenStreamComponents(source, stream);
    }

    public override int GetPositionIncrementGap(string fieldName) => ShopperAnalyzer.GapBetweenValues;
}
