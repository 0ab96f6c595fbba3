using System.Text.RegularExpressions;

namespace SupportBot.Orders.Flows;

/// <summary>How a shopper leaves or restarts a flow, in the words shoppers use.</summary>
internal enum FlowExit
{
    None,

    /// <summary>"cancel", "stop", "never mind": the flow ends, nothing is done.</summary>
    Stop,

    /// <summary>"actually i'll just keep it": the flow ends, and the reply says the order stays as it is.</summary>
    Keep,

    /// <summary>"start over", "let's start again": the same flow from its first question.</summary>
    Restart,
}

/// <summary>
/// Reads a message in the middle of a flow for what is not an answer to its question: leaving it ("never mind",
/// "actually i'll just keep it"), restarting it, or a question about something else ("wait, how long do refunds
/// take?"), which is answered before the flow's question is asked again.
/// </summary>
internal static partial class Digressions
{
    public static FlowExit ExitOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var clean = text.Trim().ToLowerInvariant();
        if (clean.Length > 120)
        {
            return FlowExit.None;
        }

        if (Restart().IsMatch(WithoutFillers(clean)))
        {
            return FlowExit.Restart;
        }

        if (Keep().IsMatch(clean))
        {
            return FlowExit.Keep;
        }

        return Stop().IsMatch(clean) ? FlowExit.Stop : FlowExit.None;
    }

    /// <summary>A question rather than an answer: a question mark, or a question word first once the fillers ("wait,", "oh and") are off.</summary>
    public static bool IsQuestion(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Contains('?', StringComparison.Ordinal) || QuestionStart().IsMatch(WithoutFillers(text));
    }

    /// <summary>
    /// A try at the flow's own question rather than a digression: neither a question nor anything the intent model
    /// places in the shop's scope ("euh la bleue" when the order number was asked). Such a message may share a word
    /// with some help-centre entry ("bleue", as in "carte bleue"), but answering that entry would not help.
    /// </summary>
    public static bool IsTryAtTheQuestion(string text, bool outOfScope) => outOfScope && !IsQuestion(text);

    /// <summary>The message without its opening fillers: "wait, how long…" reads as "how long…".</summary>
    public static string WithoutFillers(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // A Spanish question's opening "¿" or "¡" goes too, with or without fillers before it: "oye, ¿cuánto tarda…".
        return Fillers().Replace(text.Trim().TrimStart('¿', '¡'), "").TrimStart('¿', '¡', ' ');
    }

    [GeneratedRegex(@"^(?:(?:wait|hold on|hang on|oh|ah|ugh|argh|meh|um+|hm+|ok(?:ay)?|so|and|also|btw|by the way|actually|quick question|sorry|one more thing|before that|oh and|but|no|hey|hi|attends|attendez|euh+|bon|alors|et|aussi|pardon|désolée?|desolee?|en fait|au fait|mais|non|salut|bonjour|espera|pues|bueno|oye|perdón|perdon|perdona|lo siento|y|también|tambien|pero|hola|eh)\b[\s,.:!-]*)+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Fillers();

    [GeneratedRegex(@"^(?:how|what|what's|whats|when|where|why|which|who|do|does|did|can|could|is|are|will|would|should|may|if|comment|combien|quand|où|pourquoi|quel|quelle|quels|quelles|qui|est-ce|est ce|puis-je|pouvez-vous|peut-on|peux-tu|c'est quoi|qu'est-ce|cómo|como|cuánto|cuanto|cuánta|cuanta|cuántos|cuantos|cuándo|cuando|dónde|donde|por qué|por que|cuál|cual|quién|quien|qué|puedo|puedes|pueden|se puede)(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuestionStart();

    [GeneratedRegex(@"^(?:please\s+)?(?:let'?s\s+|can we\s+|i want to\s+|i'd like to\s+|on\s+|je veux\s+|quiero\s+|vamos a\s+)?(?:start(?:\s+it)?\s+(?:over|again)|restart|begin again|from the (?:start|beginning)|redo|recommen[cç]\w*|reprendre depuis le d[ée]but|depuis le d[ée]but|repartir de z[ée]ro|empezar de nuevo|volver a empezar|empecemos de nuevo|desde el principio|reiniciar)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Restart();

    [GeneratedRegex(@"\b(?:i(?:'ll| will)?\s+(?:just\s+)?keep\s+(?:it|them|the\b)|keep(?:ing)? it\b|i(?:'ve| have)? decided to keep|don'?t\s+(?:want|need)\s+to\s+(?:return|exchange|cancel|change)|not\s+(?:returning|exchanging)|no need anymore|i'?ll\s+live with it|je\s+(?:vais\s+)?(?:le|la|les)\s+gard\w*|finalement je garde|je garde|plus besoin|je ne veux plus (?:le |la |les )?(?:renvoyer|retourner|[ée]changer|annuler)|me\s+(?:lo|la|los|las)\s+quedo|me quedo con|ya no quiero (?:devolver\w*|cambiar\w*|cancelar\w*)|ya no hace falta)", RegexOptions.CultureInvariant)]
    private static partial Regex Keep();

    [GeneratedRegex(@"^(?:(?:oh|ok(?:ay)?|actually|wait|hmm+|um+|no|nah|sorry|please|pls|non|en fait|finalement|bon|euh+|pues|bueno|mejor|perdón|perdon)[\s,.!]*)*(?:(?:never\s*mind|nvm|nevermind|forget (?:it|that|about it)|stop|quit|exit|abort|leave it|no thanks|don'?t bother|laisse[zr]? tomber|oubliez?(?: [çc]a)?|arr[êe]te[zr]?|non merci|peu importe|tant pis|olv[íi]dalo|d[ée]jalo|no gracias|da igual|d[ée]jalo estar)\b.{0,80}|(?:cancel|annule[rz]?|cancela[r]?)(?:\s+(?:that|this|it|the (?:return|exchange|request|whole thing)|[çc]a|tout|eso|todo))?[\s,.!]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Stop();
}

/// <summary>What the shopper said about the item before the order was in hand, kept short.</summary>
internal static class ItemHint
{
    private const int MaxLength = 300;

    public static string Add(string? hint, string text)
    {
        var joined = string.IsNullOrEmpty(hint) ? text : hint + " " + text;
        return joined.Length > MaxLength ? joined[^MaxLength..] : joined;
    }
}
