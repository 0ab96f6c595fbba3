using SupportBot.Knowledge;
using SupportBot.Knowledge.Intents;

namespace SupportBot.Understanding.Intents;

/// <summary>
/// The utterances the classifier learns from: the editors' intent files, plus one intent per FAQ topic taught by
/// the FAQ's titles and phrasings (<c>faq_returns_refunds</c>…), so editors add knowledge in one place.
/// </summary>
internal static class IntentTrainingSet
{
    public static IReadOnlyList<IntentExample> From(KnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        var examples = knowledge.Intents.SelectMany(i => i.Examples.Select(e => new IntentExample(e.Text, i.Name))).ToList();
        foreach (var entry in knowledge.Entries)
        {
            var intent = FaqIntentOf(entry);
            examples.Add(new IntentExample(entry.Title, intent));
            examples.AddRange(entry.Questions.Select(q => new IntentExample(q.Text, intent)));
        }

        return examples;
    }

    /// <summary>The intent an FAQ entry teaches: its own <c>intent</c> field, else its topic's.</summary>
    public static string FaqIntentOf(FaqEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Intent ?? IntentChecks.FaqIntentPrefix + entry.Topic.Replace('-', '_').ToLowerInvariant();
    }
}
