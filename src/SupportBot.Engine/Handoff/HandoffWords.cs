using System.Globalization;
using SupportBot.Knowledge;
using SupportBot.Knowledge.Responses;
using SupportBot.Replies;

namespace SupportBot.Handoff;

/// <summary>
/// What the shopper reads about people (the transfer, their place in the queue, the agent joining and leaving, the
/// rating), from the editors' catalogue <c>knowledge/responses/handoff.yml</c>. Fixed wording rather than drafted, so
/// the bot never claims a person is there when none is.
/// </summary>
internal sealed class HandoffWords(ResponseCatalog catalog, StorePolicies policies, string persona, ReplyLanguage? language = null)
{
    public static IReadOnlyList<ReplyChoice> RatingButtons { get; } = [.. Enumerable.Range(1, 5).Select(n => new ReplyChoice(n.ToString(CultureInfo.InvariantCulture)))];

    /// <param name="language">The conversation's language; English when null.</param>
    public static HandoffWords Of(KnowledgeBase knowledge, ReplyLanguage? language = null)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        return new HandoffWords(knowledge.Responses, knowledge.Policies.In(language?.Code), knowledge.Prompt.Persona, language);
    }

    /// <summary>The sentence that explains why a person takes over, said before the transfer itself; empty when asked for.</summary>
    public string Preface(string reason) => reason switch
    {
        HandoffReasons.Frustration => Say("preface.frustration") + " ",
        HandoffReasons.Sensitive => Say("preface.sensitive") + " ",
        HandoffReasons.LowConfidence or HandoffReasons.RepeatedFallback => Say("preface.low_confidence") + " ",
        _ => "",
    };

    public string Connecting(int position, TimeSpan? wait)
    {
        var estimate = wait switch
        {
            null => Say("wait.unknown"),
            { TotalMinutes: < 1 } => Say("wait.under_a_minute"),
            { } w => Count("wait.minutes", (int)Math.Ceiling(w.TotalMinutes)),
        };
        return Say("connecting", ("place", Place(position)), ("estimate", estimate));
    }

    public string StillQueued(int position) => Say("still_queued", ("place", Place(position)));

    public string TooManyHandoffs() => Say("too_many");

    public string StillConnecting() => Say("still_connecting");

    public string ConnectingExternal() => Say("connecting_external");

    public string Offline()
    {
        var hours = policies.GetText("store.support_hours");
        var email = policies.GetText("store.support_email");
        var phone = policies.GetText("store.support_phone");
        var intro = hours is null ? Say("offline.intro") : Say("offline.intro_with_hours", ("hours", hours));
        var other = (email, phone) switch
        {
            ({ } e, { } p) => " " + Say("offline.email_and_phone", ("email", e), ("phone", p)),
            ({ } e, null) => " " + Say("offline.email", ("email", e)),
            (null, { } p) => " " + Say("offline.phone", ("phone", p)),
            _ => "",
        };
        return intro + " " + Say("offline.leave_message") + other;
    }

    /// <summary>The button that declines the offer to leave a message; pressing it sends its label.</summary>
    public string NoThanks => Say("button.no_thanks");

    public string MessageTaken(string email) => Say("message_taken", ("email", email));

    public string OfferDeclined() => Say("offer_declined");

    public string LeftQueue() => Say("left_queue", ("persona", persona));

    public string AgentJoined(string agentName) => Say("agent_joined", ("agent", agentName));

    public string ReturnedToBot(string agentName) => Say("returned_to_bot", ("agent", agentName), ("persona", persona));

    public string Resolved(string? agentName) => Say("resolved", ("agent", agentName ?? Say("unnamed_agent")), ("persona", persona));

    public string ExternalFailed() => Say("external_failed", ("persona", persona));

    public string Rated(int rating) => Say(rating >= 4 ? "rated_good" : "rated_poor");

    private string Place(int position) => Count("place", Math.Max(1, position));

    private string Count(string key, int count) =>
        Say(key, (ResponseTemplate.CountPlaceholder, ResponseTemplate.Count(count)));

    private string Say(string key, params (string Name, string Value)[] values) => catalog.Say(HandoffTexts.Catalogue, key, language?.Code, values);
}
