using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace SupportBot.Knowledge.Search;

/// <summary>
/// English analysis for shoppers' questions and the FAQ alike: lower-cased, accents folded, stop words and
/// conversational filler removed, Porter-stemmed. The filler list matters because every FAQ phrasing is a
/// question ("how do I…", "can you…"): those words would otherwise match everything and inflate confidence.
/// </summary>
internal sealed class ShopperAnalyzer : StemmingShopperAnalyzer
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>A gap between the values of a multi-valued field so phrases never span two phrasings.</summary>
    internal const int GapBetweenValues = 100;

    private static readonly string[] ConversationalFiller =
    [
        "i", "im", "i'm", "me", "my", "mine", "myself", "you", "your", "yours", "we", "our", "ours", "us", "he", "she", "him", "her", "his", "hers",
        "it's", "its", "they", "them", "do", "does", "did", "doing", "done", "can", "could", "would", "should", "shall", "may", "might", "must",
        "have", "has", "had", "am", "been", "being", "were", "what", "whats", "which", "who", "whom", "how", "hi", "hello", "hey", "please", "pls",
        "thanks", "thank", "just", "so", "some", "any", "all", "also", "too", "very", "really", "here", "about", "from", "up", "out", "there",
        "want", "wanted", "like", "need", "know", "tell", "ok", "okay", "yes", "um", "oh", "well", "there's", "i've", "i'd", "i'll", "don't",
        "dont", "didn't", "didnt", "doesn't", "can't", "cant", "won't", "wont", "isn't", "it", "there", "one", "get", "got", "guys", "thing",
        "anyone", "someone", "something", "again", "still", "now", "yet", "much", "many", "more", "most", "other", "own", "same", "than", "only",
    ];

    internal static readonly CharArraySet StopWords = BuildStopWords();

    protected override CharArraySet StopSet => StopWords;

    protected override TokenStream BeforeLowerCasing(TokenStream words) => new EnglishPossessiveFilter(Version, words);

    protected override TokenStream Stemmed(TokenStream words) => new KStemFilter(words);

    private static CharArraySet BuildStopWords()
    {
        var set = new CharArraySet(Version, EnglishAnalyzer.DefaultStopSet.Count + ConversationalFiller.Length, ignoreCase: true);
        foreach (var word in EnglishAnalyzer.DefaultStopSet)
        {
            set.Add(word.ToString()!);
        }

        foreach (var word in ConversationalFiller)
        {
            set.Add(word);
        }

        return set.AsReadOnly();
    }
}
