using System.Text.Json;
using SupportBot.Handoff;
using SupportBot.Privacy;
using SupportBot.Replies;
using SupportBot.Schema;
using SupportBot.Storage;

namespace SupportBot.Insights.Gaps;

/// <summary>
/// Which shopper messages of one transcript the bot could not answer well, read from the decision trace each turn
/// stores after its reply (<see cref="TurnDecision"/>): a fallback, a "Did you mean…?" the shopper did not pick, an
/// answer under the bar, a handoff for having no answer, and an out-of-scope reply (a store question the FAQ lacks is
/// often declined as out of scope; <see cref="GapReason.Declined"/> lets the editor tell); and, whatever the trace
/// says, an answer the shopper gave a thumbs-down (<see cref="GapReason.ThumbsDown"/>).
/// </summary>
internal static class GapCandidateRules
{
    /// <param name="activities">One conversation's transcript in order.</param>
    /// <param name="minConfidence">The answer bar (<c>Knowledge:Search:MinConfidence</c>): an answer under it was given on its lead alone.</param>
    /// <param name="thumbsDown">The sequences of the shopper messages whose answer's latest vote is a thumbs-down (<c>answer_feedback</c>).</param>
    public static IEnumerable<GapCandidate> Read(string conversationId, IReadOnlyList<Activity> activities, double minConfidence, IReadOnlySet<long>? thumbsDown = null)
    {
        PersonalDataRedactor? redactor = null;
        for (var i = 0; i < activities.Count; i++)
        {
            var message = activities[i];
            if (!IsShopperMessage(message) || string.IsNullOrWhiteSpace(message.Text) || message.Id is null)
            {
                continue;
            }

            var replies = RepliesTo(activities, i, message.Id);
            var votedDown = thumbsDown is not null && SqlConversationStore.SequenceOf(message.Id) is { } sequence && thumbsDown.Contains(sequence);
            if (replies.Trace is not { } trace || DecisionOf(trace) is not { } decision
                || (votedDown ? GapReason.ThumbsDown : ReasonOf(decision, replies.Message, NextShopperText(activities, i), minConfidence)) is not { } reason)
            {
                continue;
            }

            // Transcripts keep their personal data until retention: the report shows none of it.
            redactor ??= RetentionPurge.AtRest(KnownPersonalData.From(activities));
            yield return new GapCandidate(conversationId, redactor.Redact(message.Text.Trim()), trace.Timestamp ?? message.Timestamp ?? DateTimeOffset.MinValue,
                reason, decision.FaqId, decision.FaqConfidence);
        }
    }

    internal static GapReason? ReasonOf(TurnDecision decision, Activity? reply, string? nextShopperText, double minConfidence) => decision.Action switch
    {
        TurnDecision.NotUnderstood => GapReason.NotUnderstood,
        TurnDecision.OutOfScope => GapReason.Declined,
        TurnDecision.Clarify when !Picked(reply, nextShopperText) => GapReason.ClarifyIgnored,
        TurnDecision.Answer when decision.LowConfidence || decision.FaqConfidence < minConfidence => GapReason.LowConfidence,
        TurnDecision.Transfer when decision.Handoff is HandoffReasons.LowConfidence or HandoffReasons.RepeatedFallback => GapReason.Handoff,
        _ => null,
    };

    /// <summary>Agents write as the bot's side (role <c>bot</c>); everything else in a transcript's messages is the shopper.</summary>
    private static bool IsShopperMessage(Activity activity) =>
        activity.Type == ActivityTypes.Message && activity.From?.Role != Participants.Bot.Role;

    /// <summary>The bot's message and decision trace for the shopper message at <paramref name="index"/>; they follow it in the transcript.</summary>
    private static (Activity? Message, Activity? Trace) RepliesTo(IReadOnlyList<Activity> activities, int index, string id)
    {
        Activity? message = null;
        for (var j = index + 1; j < activities.Count && !IsShopperMessage(activities[j]); j++)
        {
            var reply = activities[j];
            if (reply.ReplyToId != id)
            {
                continue;
            }

            if (reply.Type == ActivityTypes.Trace && reply.Name == ActivityRenderer.DecisionTraceName)
            {
                return (message, reply);
            }

            message ??= reply.Type == ActivityTypes.Message ? reply : null;
        }

        return (message, null);
    }

    private static string? NextShopperText(IReadOnlyList<Activity> activities, int index)
    {
        for (var j = index + 1; j < activities.Count; j++)
        {
            if (IsShopperMessage(activities[j]))
            {
                return activities[j].Text;
            }
        }

        return null;
    }

    /// <summary>Whether the shopper's next message is one of the buttons the "Did you mean…?" offered (a button sends its value).</summary>
    private static bool Picked(Activity? reply, string? next) =>
        next is not null && reply?.SuggestedActions?.Actions is { } offers
        && offers.Any(o => Same(o.Value?.ToString() ?? o.Title, next) || Same(o.Title, next));

    private static bool Same(string offer, string text) => string.Equals(offer.Trim(), text.Trim(), StringComparison.OrdinalIgnoreCase);

    private static TurnDecision? DecisionOf(Activity trace)
    {
        try
        {
            return trace.Value is { ValueKind: JsonValueKind.Object } value ? ActivityJson.Decision(value) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
