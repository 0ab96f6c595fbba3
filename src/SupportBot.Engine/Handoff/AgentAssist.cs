using SupportBot.Drafting;
using SupportBot.Knowledge;
using SupportBot.Understanding.Intents;

namespace SupportBot.Handoff;

/// <summary>A reply the agent can send or edit, and the help-centre entry it comes from.</summary>
public sealed record SuggestedReply(string Markdown, string SourceId, string SourceTitle);

/// <summary>
/// Agent assist: the help-centre passage that answers the shopper's latest answerable message, cut to the part
/// that addresses it, for the agent to edit. It reuses the bot's retrieval, so the agent sees what the bot would
/// have quoted.
/// </summary>
public sealed class AgentAssist(LiveKnowledge knowledge, LiveIntents intents)
{
    /// <summary>Messages about the conversation itself, not the shopper's problem: "a person please", "hello", "thanks".</summary>
    private static readonly HashSet<string> NotAProblem = new(StringComparer.Ordinal)
    {
        "talk_to_human", "greeting", "thanks", "goodbye", "bot_challenge", "affirm", "deny",
    };

    /// <param name="shopperTexts">The shopper's messages, newest first.</param>
    public SuggestedReply? Suggest(IEnumerable<string> shopperTexts)
    {
        ArgumentNullException.ThrowIfNull(shopperTexts);
        var snapshot = knowledge.Current;
        foreach (var text in shopperTexts.Where(t => !string.IsNullOrWhiteSpace(t)).Take(5))
        {
            var intent = intents.Current.Predict(text);
            if (!intent.IsOutOfScope && NotAProblem.Contains(intent.Intent) && intent.Confidence >= 0.5)
            {
                continue;
            }

            var answer = snapshot.Index.Search(text, 1);
            if (answer.Best is { } best && answer.Confidence >= knowledge.MinConfidence)
            {
                var passage = KnowledgeSearchResult.From([best]).Passages[0];
                return new SuggestedReply(AnswerExcerpt.Choose(text, passage).Markdown, best.Entry.Id, best.Entry.Title);
            }
        }

        return null;
    }
}
