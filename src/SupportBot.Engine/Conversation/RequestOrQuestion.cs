using System.Text.RegularExpressions;

namespace SupportBot.Conversation;

/// <summary>
/// Whether a message asks *about* something the shop does or asks the bot to *do* it: "How do I cancel an order?"
/// gets the FAQ answer (with the offer to do it); "cancel my order", "can you delete my account" or "where is my
/// order?" is acted on.
/// </summary>
internal static partial class RequestOrQuestion
{
    private static readonly HashSet<string> PolicyQuestionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "how", "what", "what's", "whats", "when", "can", "could", "do", "does", "is", "are", "why", "which", "will", "should", "if", "may",
        "comment", "combien", "quand", "pourquoi", "quel", "quelle", "quels", "quelles", "est-ce", "est", "puis-je", "peut-on", "faut-il", "y",
        "cómo", "como", "cuánto", "cuanto", "cuándo", "cuando", "por", "cuál", "cual", "qué", "que", "puedo", "se", "hay", "es",
    };

    public static bool AsksAboutThePolicy(string text)
    {
        if (AsksTheBotToAct().IsMatch(text))
        {
            return false;
        }

        // Spanish opens a question with "¿": "¿Cómo devuelvo…?" starts with "cómo".
        var first = text.AsSpan().TrimStart().TrimStart("¿¡").TrimStart();
        var end = first.IndexOfAny(' ', '\'', ',');
        var word = (end < 0 ? first : first[..end]).ToString();
        return PolicyQuestionWords.Contains(word);
    }

    /// <summary>"can I swap it for a bigger size", "could you cancel it": a request put as a question.</summary>
    [GeneratedRegex(@"^[\s¿¡]*(?:can|could|would|will)\s+(?:i|you|u|we|ya)\s+(?:please\s+|pls\s+|just\s+)?(?:swap|exchange|switch|trade|change|get|cancel|return|send|track|check|have|delete|erase|remove|close)\b|^[\s¿¡]*(?:pouvez-vous|pourriez-vous|peux-tu|pourrais-tu|tu peux|vous pouvez|puedes|podrías|podrias|pueden|podrían|podrian|me puedes|me pueden)\s+(?:s'il vous pla[iî]t\s+|svp\s+|por favor\s+)?(?:me\s+|m'|la\s+|le\s+|les\s+|l')?(?:annuler|[ée]changer|changer|rembourser|renvoyer|retourner|suivre|v[ée]rifier|supprimer|effacer|envoyer|cancelar|cambiar|devolver|rastrear|revisar|comprobar|borrar|eliminar|enviar|mandar)(?!\w)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AsksTheBotToAct();
}
