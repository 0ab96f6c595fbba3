using System.Text.Json;
using SupportBot.Schema;

namespace SupportBot.Evaluation.Conversations;

/// <summary>Turns the bot's activities for one turn (messages, cards, the decision trace) into what the checks read.</summary>
internal static class ObservedTurn
{
    public static TurnObservation From(IEnumerable<Activity> activities, double firstResponseMs)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var list = activities.ToList();
        var messages = list.Where(a => a.Type == ActivityTypes.Message).ToList();
        var decision = list.LastOrDefault(a => a.Type == ActivityTypes.Trace && a.Name == "SupportBot.Decision")?.Value is { ValueKind: JsonValueKind.Object } value
            ? ActivityJson.Decision(value)
            : null;
        return new TurnObservation
        {
            Texts = [.. messages.Select(m => m.Text ?? "")],
            Action = decision?.Action,
            Intent = decision?.Intent,
            IntentConfidence = decision?.IntentConfidence ?? 0,
            FaqId = decision?.FaqId,
            FaqConfidence = decision?.FaqConfidence ?? 0,
            // Only a handoff made on this turn: later turns of a handed-off conversation carry its reason too.
            Handoff = decision?.Action == TurnDecision.Transfer ? decision.Handoff : null,
            Flow = decision?.Flow,
            Step = decision?.Step,
            Verified = decision?.Verified ?? false,
            Suggestions = [.. messages.SelectMany(m => m.SuggestedActions?.Actions ?? []).Select(a => a.Title)],
            Cards = [.. messages.SelectMany(m => m.Attachments ?? []).Select(a => a.ContentType)],
            FirstResponseMs = firstResponseMs,
        };
    }
}
