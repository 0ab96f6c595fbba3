using System.Globalization;
using System.Text.Json;
using SupportBot.Replies;
using SupportBot.Knowledge;

namespace SupportBot.Handoff;

/// <summary>
/// What the shopper reads about people: the transfer, their place in the queue, the agent joining and leaving, the
/// rating. Fixed wording, so the bot never claims a person is there when none is.
/// </summary>
public static class HandoffReplies
{
    public const string QueuedState = "queued";
    public const string OfflineState = "offline";
    public const string WithAgentState = "with_agent";
    public const string BackToBotState = "back_to_bot";

    public static readonly IReadOnlyList<ReplyChoice> RatingButtons = [.. Enumerable.Range(1, 5).Select(n => new ReplyChoice(n.ToString(CultureInfo.InvariantCulture)))];

    public static string Preface(string reason) => reason switch
    {
        HandoffReasons.Frustration => "I'm sorry this has been frustrating. ",
        HandoffReasons.Sensitive => "This is something a person from our team should handle. ",
        HandoffReasons.LowConfidence or HandoffReasons.RepeatedFallback => "I'm not able to answer that well enough myself. ",
        _ => "",
    };

    public static string Connecting(int position, TimeSpan? wait)
    {
        var place = position <= 1 ? "You're next in the queue" : $"You're number {position} in the queue";
        var estimate = wait switch
        {
            null => "I can't estimate the wait yet",
            { TotalMinutes: < 1 } => "the wait is under a minute, judging by recent chats",
            { } w => $"the wait is about {Minutes(w)}, judging by recent chats",
        };
        return $"I'm connecting you with a member of our support team. {place}; {estimate}. "
            + "They'll see our conversation so far, so you won't need to repeat yourself. Say \"cancel\" to stop waiting.";
    }

    public static string StillQueued(int position) =>
        $"Thanks, I've added that for our team. {(position <= 1 ? "You're next in the queue." : $"You're number {position} in the queue.")}";

    public static string TooManyHandoffs() =>
        "I've already passed several requests for a person on from you in the last hour, so I can't open another one right now. "
        + "Please try again a little later. I'm still here for anything I can help with myself.";

    public static string StillConnecting() => "Thanks, I've passed that on. I'm still connecting you with a member of our support team.";

    public static string ConnectingExternal() =>
        "I'm connecting you with a member of our support team. They'll see our conversation so far, so you won't need to repeat yourself.";

    public static string Offline(StorePolicies policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        var hours = policies.GetText("store.support_hours");
        var email = policies.GetText("store.support_email");
        var phone = policies.GetText("store.support_phone");
        var other = (email, phone) switch
        {
            ({ } e, { } p) => $" You can also email {e} or call {p}.",
            ({ } e, null) => $" You can also email {e}.",
            (null, { } p) => $" You can also call {p}.",
            _ => "",
        };
        return "No one from our support team is available to chat right now" + (hours is null ? "." : $" (they're here {hours}).")
            + " If you type your email address and a short message, they'll reply by email." + other;
    }

    public static string MessageTaken(string email) =>
        $"Thanks, your message is with our support team and they'll reply to {email}. Is there anything else I can help with in the meantime?";

    public static string OfferDeclined() => "No problem. I'm still here if there's anything else I can help with.";

    public static string LeftQueue(string persona) => $"OK, I've taken you out of the queue. You're back with {persona}, the virtual assistant. What can I help with?";

    public static string AgentJoined(string agentName) => $"You're now chatting with {agentName} from the support team.";

    public static string ReturnedToBot(string agentName, string persona) =>
        $"{agentName} has handed the conversation back to me, {persona}, the virtual assistant. What else can I help with?";

    public static string Resolved(string agentName, string persona) =>
        $"{agentName} has marked your request as resolved, and you're back with {persona}, the virtual assistant. "
        + "How would you rate the help you got from our team, from 1 (poor) to 5 (excellent)?";

    public static string ExternalFailed(string persona) =>
        $"Sorry, I couldn't connect you with our team just now. You're back with {persona}, the virtual assistant. What can I help with?";

    public static string Rated(int rating) => rating >= 4
        ? "Thank you for your rating! I'm glad we could help."
        : "Thank you for your rating. We read every one, and we'll use it to do better.";

    private static string Minutes(TimeSpan wait)
    {
        var minutes = (int)Math.Ceiling(wait.TotalMinutes);
        return minutes == 1 ? "1 minute" : $"{minutes} minutes";
    }
}
