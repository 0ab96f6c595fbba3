using SupportBot.Knowledge;
using SupportBot.Knowledge.Search;

namespace SupportBot.Conversation;

/// <summary>A title sent back from one of the bot's buttons: the shopper chose that entry.</summary>
internal static class PickedTitle
{
    /// <summary>
    /// A message that is exactly an entry's title was picked from a button ("Did you mean …?", the welcome's topics):
    /// that entry answers, first, whatever else scores close to it.
    /// </summary>
    public static (KnowledgeAnswer Answer, bool Picked) Chosen(IReadOnlyDictionary<string, FaqEntry> titles, string text, KnowledgeAnswer answer)
    {
        if (!titles.TryGetValue(text, out var entry) || answer.Hits.FirstOrDefault(h => h.Entry == entry) is not { } hit)
        {
            return (answer, false);
        }

        return (hit == answer.Best ? answer : answer with { Hits = [hit, .. answer.Hits.Where(h => h != hit)] }, true);
    }
}
