using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Es;
using Lucene.Net.Analysis.Util;

namespace SupportBot.Knowledge.Search;

/// <summary>
/// Spanish analysis for shoppers' questions and the Spanish FAQ alike: lower-cased, accents folded ("reembolso" and
/// "reémbolso", "envío" and "envio" meet), stop words and conversational filler removed, light stemming (plural and
/// feminine forms meet: "devoluciones" and "devolución", "usadas" and "usado"). Accents are folded before the stop list
/// and the stemmer, so a shopper who leaves them out loses the same words and gets the same stems.
/// </summary>
internal sealed class SpanishShopperAnalyzer : StemmingShopperAnalyzer
{
    public const string Language = "es";

    /// <summary>
    /// The Spanish counterpart of the English filler list: greetings, politeness, question words and the verbs every
    /// question is built on ("¿puedo…?", "quisiera saber"), which would otherwise match every phrasing.
    /// </summary>
    private static readonly string[] ConversationalFiller =
    [
        "hola", "gracias", "porfa", "favor", "cómo", "cuándo", "dónde", "cuál", "cuáles", "qué", "quién", "cuánto", "cuánta",
        "cuántos", "cuántas", "puedo", "puede", "pueden", "puedes", "podría", "podrían", "podrías", "quiero", "quiere", "quisiera",
        "quería", "necesito", "necesita", "saber", "sé", "hacer", "hago", "tengo", "tiene", "tienen", "debo", "debe", "ok",
        "sí", "bueno", "también", "muy", "solo", "sólo", "aún", "todavía", "alguien", "mismo", "misma", "aquí", "ahora", "usted",
        "ustedes", "oye", "señor", "señora", "pues", "entonces",
    ];

    /// <summary>
    /// Forms of "estar" on Lucene's list that shoppers use as nouns: "el estado de mi pedido" (its status), "Estados Unidos".
    /// </summary>
    private static readonly string[] NounsKept = ["estado", "estados"];

    internal static readonly CharArraySet StopWords = ShopperAnalyzers.FoldedStopSet(
        ShopperAnalyzers.Words(SpanishAnalyzer.DefaultStopSet).Except(NounsKept, StringComparer.Ordinal).Concat(ConversationalFiller));

    protected override CharArraySet StopSet => StopWords;

    protected override TokenStream Stemmed(TokenStream words) => new SpanishLightStemFilter(words);
}
