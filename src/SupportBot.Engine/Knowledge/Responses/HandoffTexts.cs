namespace SupportBot.Knowledge.Responses;

/// <summary>
/// The keys of <c>knowledge/responses/handoff.yml</c>: what the bot says about people (the transfer, the queue, an
/// agent joining and leaving, the rating), and the values each may show.
/// </summary>
internal static class HandoffTexts
{
    public const string Catalogue = "handoff";

    public static ResponseSchema Schema { get; } = ResponseSchema.Of(
        Catalogue,
        ("preface.frustration", []),
        ("preface.sensitive", []),
        ("preface.low_confidence", []),
        ("connecting", ["place", "estimate"]),
        ("connecting_external", []),
        ("still_connecting", []),
        ("still_queued", ["place"]),
        ("place", []),
        ("wait.unknown", []),
        ("wait.under_a_minute", []),
        ("wait.minutes", []),
        ("too_many", []),
        ("offline.intro", []),
        ("offline.intro_with_hours", ["hours"]),
        ("offline.leave_message", []),
        ("offline.email_and_phone", ["email", "phone"]),
        ("offline.email", ["email"]),
        ("offline.phone", ["phone"]),
        ("message_taken", ["email"]),
        ("offer_declined", []),
        ("left_queue", ["persona"]),
        ("agent_joined", ["agent"]),
        ("returned_to_bot", ["agent", "persona"]),
        ("resolved", ["agent", "persona"]),
        ("external_failed", ["persona"]),
        ("rated_good", []),
        ("rated_poor", []),
        ("unnamed_agent", []),
        ("button.no_thanks", []));
}
