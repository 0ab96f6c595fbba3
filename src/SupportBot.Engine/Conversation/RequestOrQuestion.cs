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
    };

    public static bool AsksAboutThePolicy(string text)
    {
        if (AsksTheBotToAct().IsMatch(text))
        {
            return false;
        }

        var first = text.AsSpan().TrimStart();
        var end = first.IndexOfAny(' ', '\'', ',');
        var word = (end < 0 ? first : first[..end]).ToString();
        return PolicyQuestionWords.Contains(word);
    }

    /// <summary>"can I swap it for a bigger size", "could you cancel it": a request put as a question.</summary>
    [GeneratedRegex(@"^\s*(?:can|could|would|will)\s+(?:i|you|u|we|ya)\s+(?:please\s+|pls\s+|just\s+)?(?:swap|exchange|switch|trade|change|get|cancel|return|send|track|check|have|delete|erase|remove|close)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AsksTheBotToAct();
}
