namespace SupportBot.Knowledge.Responses;

/// <summary>
/// The keys of <c>knowledge/responses/page.yml</c>: the store page's own words around the chat (headings, the chat
/// header's badge and notes, the speaker labels, the language switcher), which the host serves per locale. Web Chat's
/// own controls (the send box, timestamps) are not here: Web Chat words them itself from the page's locale.
/// </summary>
internal static class PageTexts
{
    public const string Catalogue = "page";

    /// <summary>The key whose text names a file's own language, in that language, for the language switcher.</summary>
    public const string LanguageName = "language.name";

    public static ResponseSchema Schema { get; } = ResponseSchema.Of(
        Catalogue,
        (LanguageName, []),
        ("languages.label", []),
        ("title", ["store"]),
        ("nav.women", []),
        ("nav.men", []),
        ("nav.kids", []),
        ("nav.home", []),
        ("nav.help", []),
        ("intro.heading", []),
        ("intro.text", []),
        ("chat.connecting", []),
        ("chat.failed", []),
        ("chat.label.bot", []),
        ("chat.label.agent", ["agent"]),
        ("chat.label.team", []),
        ("badge.bot", []),
        ("badge.bot_title", []),
        ("badge.agent", ["agent"]),
        ("badge.team", []),
        ("badge.person_title", []),
        ("note.bot", []),
        ("note.agent", ["agent"]),
        ("note.team", []),
        ("note.queued", []),
        ("note.offline", []),
        ("speaker.bot", ["assistant"]),
        ("speaker.agent", ["agent"]),
        ("speaker.unnamed_agent", []),
        ("avatar.bot", []),
        ("avatar.you", []));
}
