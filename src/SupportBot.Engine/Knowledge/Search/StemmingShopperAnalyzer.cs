using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;

namespace SupportBot.Knowledge.Search;

/// <summary>
/// The one chain every language's shopper analysis runs: words split, the language's own clean-up of the raw word
/// (English possessives, French elisions), lower-cased, accents folded, its stop words and filler left out, then its
/// stemmer. Accents are folded before the stop list and the stemmer, so a shopper who types without them loses the same
/// words and gets the same stems. A language says only what differs.
/// </summary>
internal abstract class StemmingShopperAnalyzer : Analyzer
{
    /// <summary>The words left out, as they read once lower-cased and folded.</summary>
    protected abstract CharArraySet StopSet { get; }

    /// <summary>What the language does to a word before it is lower-cased; nothing by default.</summary>
    protected virtual TokenStream BeforeLowerCasing(TokenStream words) => words;

    /// <summary>The language's stemmer.</summary>
    protected abstract TokenStream Stemmed(TokenStream words);

    protected sealed override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(ShopperAnalyzer.Version, reader);
        TokenStream stream = BeforeLowerCasing(source);
        stream = new LowerCaseFilter(ShopperAnalyzer.Version, stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new StopFilter(ShopperAnalyzer.Version, stream, StopSet);
        return new TokenStreamComponents(source, Stemmed(stream));
    }

    public sealed override int GetPositionIncrementGap(string fieldName) => ShopperAnalyzer.GapBetweenValues;
}
