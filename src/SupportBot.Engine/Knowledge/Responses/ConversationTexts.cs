namespace SupportBot.Knowledge.Responses;

/// <summary>
/// The keys of <c>knowledge/responses/conversation.yml</c>: what the bot says about itself and the conversation
/// (the welcome, small talk, "Did you mean…?", the honest "I can't" replies), and the values each may show.
/// </summary>
internal static class ConversationTexts
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
        ("read_only_the_start", []),
        ("answer.greeting", ["first_name"]),
        ("answer.not_found", []),
        ("answer.untranslated", ["title"]),
        (SourceLabel, []),
        (SignOff, []),
        ("topics.order_status.title", []),
        ("topics.order_status.sends", []),
        ("topics.returns.title", []),
        ("topics.returns.sends", []),
        ("topics.shipping.title", []),
        ("topics.shipping.sends", []),
        ("topics.payment.title", []),
        ("topics.payment.sends", []),
        ("button.check_order", []),
        ("button.check_return", []),
        ("button.cancel_order", []),
        ("button.change_address", [])) with { Optional = new HashSet<string>(StringComparer.Ordinal) { SourceLabel, SignOff } };

    /// <summary>
    /// A translation's words before an answer's source, and its sign-off. English takes them from the reply prompt
    /// (<c>source_label</c>, <c>sign_off</c> in prompts/reply.yaml), so the keys are optional everywhere.
    /// </summary>
    public const string SourceLabel = "answer.source_label";

    public const string SignOff = "answer.sign_off";

    /// <summary>The welcome's topic buttons, in the order shown.</summary>
    public static IReadOnlyList<string> Topics { get; } = ["order_status", "returns", "shipping", "payment"];
}
