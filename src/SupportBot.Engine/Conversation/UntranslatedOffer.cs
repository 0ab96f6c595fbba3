using SupportBot.Knowledge;
using SupportBot.Knowledge.Search;
using SupportBot.Replies;
using SupportBot.Schema;

namespace SupportBot.Conversation;

/// <summary>
/// A translation's index also holds the default language's entries it lacks yet (<see cref="KnowledgeBase.SearchedIn"/>).
/// When one of them answers, the shopper is told so in their own language and offered it as written (its title, which
/// answers from that entry when pressed) or a person: never a wrong entry in their language, never a silent switch.
/// </summary>
internal static class UntranslatedOffer
{
    /// <summary>The offer, when the best answer is an entry not written in the turn's language and was not picked from a button.</summary>
    public static Outcome? Of(TurnContext turn, KnowledgeAnswer answer, bool picked, ReplyWriter words, ReplyChoice person, string suffix = "") =>
        picked || answer.Best?.Entry is not { } entry || KnowledgeLanguages.Of(entry.Locale) == turn.Language
            ? null
            : TurnReplies.Say(words.Untranslated(entry.Title) + suffix, [new ReplyChoice(entry.Title), person], turn.Decision(TurnDecision.Clarify, answer));
}
