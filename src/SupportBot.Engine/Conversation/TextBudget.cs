namespace SupportBot.Conversation;

/// <summary>
/// The part of a message the bot reads: at most a budget of characters, cut at the last word boundary inside it, so
/// that the cost of understanding, search and drafting never grows with what a stranger chooses to send.
/// </summary>
internal static class TextBudget
{
    /// <summary>The text within <paramref name="maxCharacters"/> (0: no limit), and whether anything was left out.</summary>
    public static (string? Text, bool Cut) Cap(string? text, int maxCharacters)
    {
        if (text is null || maxCharacters <= 0 || text.Length <= maxCharacters)
        {
            return (text, false);
        }

        var end = maxCharacters;
        var boundary = end;
        while (boundary > 0 && !char.IsWhiteSpace(text[boundary]))
        {
            boundary--;
        }

        // One word longer than the whole budget has no boundary to cut at: it is cut where the budget ends,
        // never between the two halves of a surrogate pair.
        end = boundary > 0 ? boundary : end - (char.IsHighSurrogate(text[end - 1]) ? 1 : 0);
        return (text[..end].TrimEnd(), true);
    }
}
