using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Util;

namespace SupportBot.Knowledge.Search;

/// <summary>
/// French analysis for shoppers' questions and the French FAQ alike: elided articles and pronouns dropped ("l'article",
/// "qu'il", "d'un" are "article", "il", "un"), lower-cased, accents folded (a shopper who types "remboursement" without
/// its accents or "ete" for "été" meets the entry), stop words and conversational filler removed, light stemming
/// (plural and feminine forms meet: "livrées", "livré", "livraisons"). Accents are folded before the stop list and the
/// stemmer, so the same words are left out and the same stems made whether the shopper types accents or not.
/// </summary>
internal sealed class FrenchShopperAnalyzer : StemmingShopperAnalyzer
{
    public const string Language = "fr";

    /// <summary>
    /// The French counterpart of the English filler list: greetings, politeness, question words and the verbs every
    /// question is built on ("pouvez-vous", "je voudrais savoir"), which would otherwise match every phrasing.
    /// </summary>
    private static readonly string[] ConversationalFiller =
    [
        "bonjour", "bonsoir", "salut", "coucou", "merci", "svp", "stp", "plaît", "plait", "comment", "pourquoi", "quand", "combien",
        "quel", "quelle", "quels", "quelles", "quoi", "lequel", "laquelle", "peux", "peut", "pouvez", "peuvent", "pourrais",
        "pourriez", "pourrait", "puis", "dois", "doit", "devez", "faut", "veux", "veut", "voulez", "voudrais", "voudrait", "aimerais",
        "souhaite", "souhaiterais", "savoir", "sais", "dire", "faire", "fais", "ok", "oui", "alors", "donc", "bien", "très", "aussi",
        "encore", "déjà", "juste", "vraiment", "toujours", "quelque", "chose", "cela", "ça", "ceci", "voilà", "ici", "maintenant",
        "besoin", "madame", "monsieur", "euh", "bah", "hello", "tout", "tous", "toute", "toutes",
    ];

    /// <summary>
    /// "où" (where) folds to "ou" (or), which Lucene's list leaves out; a where-question keeps it, as English keeps "where":
    /// "où est mon colis" would otherwise be searched as "colis" alone.
    /// </summary>
    private static readonly string[] QuestionWordsKept = ["ou", "où"];

    internal static readonly CharArraySet StopWords = ShopperAnalyzers.FoldedStopSet(
        ShopperAnalyzers.Words(FrenchAnalyzer.DefaultStopSet).Except(QuestionWordsKept, StringComparer.Ordinal).Concat(ConversationalFiller));

    protected override CharArraySet StopSet => StopWords;

    protected override TokenStream BeforeLowerCasing(TokenStream words) => new ElisionFilter(words, FrenchAnalyzer.DEFAULT_ARTICLES);

    protected override TokenStream Stemmed(TokenStream words) => new FrenchLightStemFilter(words);
}
