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
/// <param name="locale">The catalogue translation to say it in (<c>fr-FR</c> finds <c>conversation.fr.yml</c>); null for the default file.</param>
internal sealed class ReplyWriter(ResponseCatalog catalog, StorePolicies policies, string? locale = null)
{
    private static readonly HashSet<string> SmallTalkKeys = new(StringComparer.Ordinal)
    {
        "greeting", "thanks", "goodbye", "bot_challenge", "affirm", "deny",
    };

    public static ReplyWriter Of(KnowledgeBase knowledge, string? locale = null) => new(knowledge.Responses, knowledge.Policies, locale);

    public string Welcome(ReplyPrompt prompt) => Say("welcome", ("persona", prompt.Persona));

    public string SmallTalk(string intent) => Say("small_talk." + (SmallTalkKeys.Contains(intent) ? intent : "other"));

    public string NotUnderstoodInFlow(string question) => Say("not_understood_in_flow", ("question", question));

    public string DidYouMean() => Say("did_you_mean");

    public string NotUnderstood() => Say("not_understood");

    public string OutOfScope() => Say("out_of_scope");

    public string EmptyMessage() => Say("empty_message");

    public string ReadOnlyTheStart() => Say("read_only_the_start");

    /// <summary>The topic buttons: each shows its title and sends its question (an FAQ title is answered from that entry directly).</summary>
    public List<ReplyChoice> Topics() =>
        [.. ConversationTexts.Topics.Select(t => new ReplyChoice(Say($"topics.{t}.title"), Say($"topics.{t}.sends")))];

    private string Say(string key, params (string Name, string Value)[] values) =>
        catalog.Say(ConversationTexts.Catalogue, key, locale, [("store", policies.GetText("store.name") ?? "this store"), .. values]);
}
