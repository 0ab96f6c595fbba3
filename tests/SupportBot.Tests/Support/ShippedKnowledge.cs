using SupportBot.Knowledge;

namespace SupportBot.Tests.Support;

/// <summary>The knowledge folder of the checkout, loaded once for tests that go over every shipped entry.</summary>
internal static class ShippedKnowledge
{
    private static readonly Lazy<KnowledgeBase> Loaded = new(() => new KnowledgeLoader(new KnowledgeOptions()).Load(RepoPaths.Knowledge));

    public static KnowledgeBase Knowledge => Loaded.Value;

    /// <summary>
    /// The ids of the shipped default-language entries (each file is named after its entry, in faq/&lt;topic&gt;/; the
    /// translations in faq/&lt;lang&gt;/&lt;topic&gt;/ reuse the ids), known before any test runs.
    /// </summary>
    public static IEnumerable<string> EntryIds => Directory
        .EnumerateFiles(Path.Combine(RepoPaths.Knowledge, "faq"), "*.md", SearchOption.AllDirectories)
        .Where(f => Path.GetRelativePath(Path.Combine(RepoPaths.Knowledge, "faq"), f).Split(Path.DirectorySeparatorChar).Length == 2)
        .Select(Path.GetFileNameWithoutExtension)
        .OfType<string>()
        .Order(StringComparer.Ordinal);

    /// <summary>The first way the entry says shoppers ask it (the title when it lists none).</summary>
    public static string FirstPhrasing(FaqEntry entry) => entry.Questions.Count > 0 ? entry.Questions[0].Text : entry.Title;
}
