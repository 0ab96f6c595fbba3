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
        var trace = list.LastOrDefault(a => a.Type == ActivityTypes.Trace && a.Name == "SupportBot.Decision")?.Value is { ValueKind: JsonValueKind.Object } value
            ? value
            : (JsonElement?)null;
        var decision = trace is { } found ? ActivityJson.Decision(found) : null;
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
            Language = LanguageOf(trace),
            Suggestions = [.. messages.SelectMany(m => m.SuggestedActions?.Actions ?? []).Select(a => a.Title)],
            Cards = [.. messages.SelectMany(m => m.Attachments ?? []).Select(a => a.ContentType)],
            FirstResponseMs = firstResponseMs,
        };
    }

    /// <summary>
    /// The trace's <c>language</c> member, read from the JSON itself: an engine that records no language leaves it out
    /// (or null), and the <c>[Language=…]</c> check then says so instead of comparing with nothing.
    /// </summary>
    private static string? LanguageOf(JsonElement? trace) =>
        trace is { } value && value.TryGetProperty("language", out var language) && language.ValueKind == JsonValueKind.String
            && language.GetString() is { Length: > 0 } code
            ? code
            : null;
}
