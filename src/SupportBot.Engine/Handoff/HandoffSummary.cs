using System.Text;
using SupportBot.Knowledge;
using SupportBot.Languages;

namespace SupportBot.Handoff;

/// <summary>The bot's note for the agent: why it handed off, what the shopper wants, and what it already collected.</summary>
internal static class HandoffSummary
{
    public static string Write(HandoffRequest request, KnowledgeBase knowledge)
    {
        var text = new StringBuilder();
        text.Append(HandoffReasons.Describe(request.Verdict.Reason)).Append('.');
        var wants = request.Intent is { } intent && intent is not ("out_of_scope" or "talk_to_human")
            ? knowledge.Intents.FirstOrDefault(i => i.Name == intent)?.Description
            : null;
        if (wants is not null)
        {
            text.Append(" Probably: ").Append(wants.TrimEnd('.')).Append('.');
        }

        text.Append(" Last message: \"").Append(Clip(request.Text)).Append("\".");
        if (request.Earlier.Count > 0)
        {
            text.Append(" Before that: ").AppendJoin(" / ", request.Earlier.Select(e => $"\"{Clip(e)}\"")).Append('.');
        }
        if (request.Slots.TryGetValue("order_number", out var order))
        {
            var verified = request.Slots.TryGetValue("verified", out var v) && v == "yes";
            text.Append(" Order ").Append(order).Append(verified ? " (verified: the shopper proved it is theirs)." : " (not verified).");
        }

        if (request.Slots.TryGetValue("flow", out var flow))
        {
            text.Append(" Was in the ").Append(flow.Replace('_', ' ')).Append(" flow");
            text.Append(request.Slots.TryGetValue("step", out var step) ? $", at step {step.Replace('_', ' ')}." : ".");
        }

        if (request.Language is { } language)
        {
            // The agent answers in it, or knows to pass the conversation to someone who can.
            text.Append(" The shopper writes in ").Append(LanguageCodes.EnglishName(language)).Append('.');
        }

        return text.ToString();
    }

    private static string Clip(string text) => text.Length > 200 ? text[..200] + "…" : text;
}
