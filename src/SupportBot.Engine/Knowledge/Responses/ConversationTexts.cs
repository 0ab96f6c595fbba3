namespace SupportBot.Knowledge.Responses;

/// <summary>
/// The keys of <c>knowledge/responses/conversation.yml</c>: what the bot says about itself and the conversation
/// (the welcome, small talk, "Did you mean…?", the honest "I can't" replies), and the values each may show.
/// </summary>
public static class ConversationTexts
{
    public const string Catalogue = "conversation";

    public static ResponseSchema Schema { get; } = ResponseSchema.Of(
        Catalogue,
        ("welcome", ["persona", "store"]),
        ("small_talk.greeting", []),
        ("small_talk.thanks", []),
        ("small_talk.goodbye", []),
        ("small_talk.bot_challenge", ["store"]),
        ("small_talk.affirm", []),
        ("small_talk.deny", []),
        ("small_talk.other", []),
        ("not_understood_in_flow", ["question"]),
        ("did_you_mean", []),
        ("not_understood", []),
        ("out_of_scope", ["store"]),
        ("empty_message", []),
        ("read_only_the_start", []));
}
