using System.Globalization;
using System.Text.Json;
using SupportBot.Schema;

namespace SupportBot.Feedback;

/// <summary>
/// The thumbs up and down under the bot's answers, in the form Web Chat draws and sends them (docs/DIRECTLINE.md):
/// an answer carries a schema.org <c>Message</c> entity whose <c>LikeAction</c> and <c>DislikeAction</c> are the two
/// buttons; a click comes back as the event <see cref="EventName"/> holding the clicked action as it was sent. The
/// event carries no <c>replyToId</c>, so the action's <c>@id</c> names the answer: the sequence of the shopper's
/// message it answers, which only means something inside the conversation the event is posted to.
/// </summary>
internal static class AnswerFeedback
{
    public const string EventName = "webchat:activity-status/feedback";

    public const string Up = "up";

    public const string Down = "down";

    /// <summary>Longer than any action this bot sends; a bigger one is not ours and is not read.</summary>
    public const int MaxActionCharacters = 512;

    private const string IdPrefix = "supportbot:answer-to:";
    private const string LikeAction = "LikeAction";
    private const string DislikeAction = "DislikeAction";

    /// <summary>
    /// Whether the bot's reply to a turn that decided this is an answer worth a vote: an FAQ answer (drafted or not)
    /// and the end of an order flow (the status shown, the return created). Questions a flow asks, "Did you mean…?",
    /// small talk, fallbacks, handoff notices and what agents write are not.
    /// </summary>
    public static bool Invites(TurnDecision? decision) => decision is { Action: TurnDecision.Answer } or { Action: TurnDecision.OrderFlow, Flow: null };

    /// <summary>The entity that shows the thumbs under the answer to the shopper's message stored at <paramref name="messageSequence"/>.</summary>
    public static JsonElement EntityFor(long messageSequence) => JsonSerializer.SerializeToElement(new Dictionary<string, object>
    {
        ["type"] = "https://schema.org/Message",
        ["@context"] = "https://schema.org",
        ["@id"] = "",
        ["@type"] = "Message",
        ["potentialAction"] = new[] { Action(LikeAction, messageSequence, Up), Action(DislikeAction, messageSequence, Down) },
    }, ActivityJson.Options);

    public static bool IsFeedback(Activity activity) =>
        activity is { Type: ActivityTypes.Event } && string.Equals(activity.Name, EventName, StringComparison.Ordinal);

    /// <summary>
    /// The vote a feedback event claims, or null when it holds no single action in this bot's form. Nothing here is
    /// trusted yet: <see cref="FeedbackCheck"/> holds the claim against the stored answer.
    /// </summary>
    public static FeedbackClaim? Read(Activity feedback)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        if (!IsFeedback(feedback) || feedback.Entities is not [{ ValueKind: JsonValueKind.Object } action] || action.GetRawText().Length > MaxActionCharacters)
        {
            return null;
        }

        var type = action.StringOf("@type");
        var id = action.StringOf("@id");
        var vote = type switch
        {
            LikeAction => Up,
            DislikeAction => Down,
            _ => null,
        };
        if (vote is null || id is null || !id.StartsWith(IdPrefix, StringComparison.Ordinal) || !id.EndsWith(":" + Suffix(vote), StringComparison.Ordinal))
        {
            return null;
        }

        var number = id[IdPrefix.Length..^(Suffix(vote).Length + 1)];
        return number.Length is > 0 and <= 18 && long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            ? new FeedbackClaim(sequence, vote, id)
            : null;
    }

    /// <summary>Whether a stored bot message carries the very action a claim names (the bot sent it; it was not made up).</summary>
    public static bool Offers(Activity answer, FeedbackClaim claim)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(claim);
        return answer.Entities?.Any(entity => entity.ValueKind == JsonValueKind.Object
            && entity.TryGetProperty("potentialAction", out var actions) && actions.ValueKind == JsonValueKind.Array
            && actions.EnumerateArray().Any(a => a.ValueKind == JsonValueKind.Object && a.StringOf("@id") == claim.ActionId)) == true;
    }

    private static Dictionary<string, string> Action(string type, long messageSequence, string vote) => new()
    {
        ["@type"] = type,
        ["@id"] = IdPrefix + messageSequence.ToString(CultureInfo.InvariantCulture) + ":" + Suffix(vote),
    };

    private static string Suffix(string vote) => vote == Up ? "like" : "dislike";
}

/// <summary>What a feedback event says: a vote (<see cref="AnswerFeedback.Up"/> or <see cref="AnswerFeedback.Down"/>) on the answer to a message.</summary>
/// <param name="MessageSequence">The shopper's message whose answer is voted on, by its place in the conversation.</param>
/// <param name="ActionId">The action's <c>@id</c> as received, which the stored answer must carry.</param>
internal sealed record FeedbackClaim(long MessageSequence, string Vote, string ActionId);
