using SupportBot.Drafting;
using SupportBot.Knowledge;
using SupportBot.Understanding.Intents;

namespace SupportBot.Handoff;

/// <summary>A reply the agent can send or edit, and the help-centre entry it comes from.</summary>
internal sealed record SuggestedReply(string Markdown, string SourceId, string SourceTitle);

/// <summary>
/// Agent assist: the help-centre passage that answers the shopper's latest answerable message, cut to the part
/// that addresses it, for the agent to edit. It reuses the bot's retrieval, so the agent sees what the bot would
/// have quoted: the same sentence vector (the packaged model, by default) decides the intent and the entry, so a
/// messily worded question finds its answer for the agent as it would for the bot.
/// </summary>
internal sealed class AgentAssist(LiveKnowledge knowledge, LiveIntents intents)
{
    /// <summary>Messages about the conversation itself, not the shopper's problem: "a person please", "hello", "thanks".</summary>
    private static readonly HashSet<string> NotAProblem = new(StringComparer.Ordinal)
    {
        "talk_to_human", "greeting", "thanks", "goodbye", "bot_challenge", "affirm", "deny",
    };

    /// <param name="shopperTexts">The shopper's messages, newest first.</param>
    public async Task<SuggestedReply?> SuggestAsync(IEnumerable<string> shopperTexts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(shopperTexts);
        var snapshot = knowledge.Current;
        foreach (var text in shopperTexts.Where(t => !string.IsNullOrWhiteSpace(t)).Take(5))
        {
            var vector = await knowledge.Embeddings.EmbedMessageAsync(text, cancellationToken).ConfigureAwait(false);
            var intent = intents.Current.Predict(text, vector);
            if (!intent.IsOutOfScope && NotAProblem.Contains(intent.Intent) && intent.Confidence >= 0.5)
            {
                continue;
            }

            var answer = snapshot.Index.Search(text, 1, vector);
            if (answer.Best is { } best && answer.Confidence >= knowledge.MinConfidence)
            {
                var passage = KnowledgeSearchResult.From([best]).Passages[0];
                return new SuggestedReply(AnswerExcerpt.Choose(text, passage).Markdown, best.Entry.Id, best.Entry.Title);
            }
        }

        return null;
    }
}
