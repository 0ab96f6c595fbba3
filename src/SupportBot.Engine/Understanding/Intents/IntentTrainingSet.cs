using SupportBot.Knowledge;
using SupportBot.Knowledge.Intents;

namespace SupportBot.Understanding.Intents;

/// <summary>
/// The utterances the classifier learns from: the editors' intent files, plus one intent per FAQ topic taught by
/// the FAQ's titles and phrasings (<c>faq_returns_refunds</c>…), so editors add knowledge in one place.
/// </summary>
internal static class IntentTrainingSet
{
    /// <summary>The default language's utterances: the intent files directly in <c>intents/</c> and the default language's FAQ.</summary>
    public static IReadOnlyList<IntentExample> From(KnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        return Examples(knowledge.Intents, knowledge.Entries);
    }

    /// <summary>
    /// A language's utterances: for the default language those of <see cref="From(KnowledgeBase)"/>, for another its
    /// <c>intents/&lt;lang&gt;/</c> files and its own FAQ entries (whose topics name the same <c>faq_</c> intents).
    /// </summary>
    public static IReadOnlyList<IntentExample> From(KnowledgeBase knowledge, string language, string defaultLanguage)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        return language == defaultLanguage
            ? From(knowledge)
            : Examples(knowledge.IntentTranslations.In(language), FaqEntriesIn(knowledge, language));
    }

    /// <summary>The intent an FAQ entry teaches: its own <c>intent</c> field, else its topic's.</summary>
    public static string FaqIntentOf(FaqEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Intent ?? IntentChecks.FaqIntentPrefix + entry.Topic.Replace('-', '_').ToLowerInvariant();
    }

    /// <summary>A language's FAQ entries, known by their locale (<c>fr-FR</c>).</summary>
    private static IEnumerable<FaqEntry> FaqEntriesIn(KnowledgeBase knowledge, string language) =>
        knowledge.In(language).Entries;

    private static List<IntentExample> Examples(IEnumerable<IntentDefinition> intents, IEnumerable<FaqEntry> entries)
    {
        var examples = intents.SelectMany(i => i.Examples.Select(e => new IntentExample(e.Text, i.Name))).ToList();
        foreach (var entry in entries)
        {
            var intent = FaqIntentOf(entry);
            examples.Add(new IntentExample(entry.Title, intent));
            examples.AddRange(entry.Questions.Select(q => new IntentExample(q.Text, intent)));
        }

        return examples;
    }
}
