using SupportBot.Knowledge;
using SupportBot.Knowledge.Responses;
using SupportBot.Replies;

namespace SupportBot.Conversation;

/// <summary>
/// The bot's own wording for one turn: welcome, small talk, "Did you mean…?" and the honest "I can't" replies, from
/// the editors' catalogue (<c>knowledge/responses/conversation.yml</c>) with the store's name from policies.yml.
/// Answers themselves are drafted (see <see cref="Drafting.ReplyDrafter"/>); these replies are fixed on purpose, so
/// what the bot promises about itself never depends on a model.
/// </summary>
internal sealed class ReplyWriter(ResponseCatalog catalog, StorePolicies policies, ReplyLanguage? language = null)
{
    private static readonly HashSet<string> SmallTalkKeys = new(StringComparer.Ordinal)
    {
        "greeting", "thanks", "goodbye", "bot_challenge", "affirm", "deny",
    };

    /// <param name="language">The turn's language; English when null.</param>
    public static ReplyWriter Of(KnowledgeBase knowledge, ReplyLanguage? language = null) => new(knowledge.Responses, knowledge.Policies, language);

    public string Welcome(ReplyPrompt prompt) => Say("welcome", ("persona", prompt.Persona));

    public string SmallTalk(string intent) => Say("small_talk." + (SmallTalkKeys.Contains(intent) ? intent : "other"));

    public string NotUnderstoodInFlow(string question) => Say("not_understood_in_flow", ("question", question));

    public string DidYouMean() => Say("did_you_mean");

    public string NotUnderstood() => Say("not_understood");

    /// <summary>The answer exists only in the default language so far: said in the shopper's, with its title to read it as written.</summary>
    public string Untranslated(string title) => Say("answer.untranslated", ("title", title));

    public string OutOfScope() => Say("out_of_scope");

    public string EmptyMessage() => Say("empty_message");

    public string ReadOnlyTheStart() => Say("read_only_the_start");

    /// <summary>The topic buttons: each shows its title and sends its question (an FAQ title is answered from that entry directly).</summary>
    public List<ReplyChoice> Topics() =>
        [.. ConversationTexts.Topics.Select(t => new ReplyChoice(Say($"topics.{t}.title"), Say($"topics.{t}.sends")))];

    private string Say(string key, params (string Name, string Value)[] values) =>
        catalog.Say(ConversationTexts.Catalogue, key, language?.Code, [("store", policies.GetText("store.name") ?? "this store"), .. values]);
}
