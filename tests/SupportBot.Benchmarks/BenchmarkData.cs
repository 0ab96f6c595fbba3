using SupportBot.Evaluation;
using SupportBot.Knowledge;

namespace SupportBot.Benchmarks;

/// <summary>The shipped knowledge and labelled questions, found from the checkout the benchmarks run in.</summary>
internal static class BenchmarkData
{
    public static string Root { get; } = FindRoot();

    public static KnowledgeBase Starter() => new KnowledgeLoader(new KnowledgeOptions()).Load(Path.Combine(Root, "knowledge"));

    public static KnowledgeBase OfSize(string size) => size switch
    {
        "starter" => Starter(),
        "10k" => SyntheticKnowledge.Grow(Starter(), 10_000),
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, "use starter or 10k"),
    };

    /// <summary>Real shoppers' wording: the labelled evaluation questions (chatty, misspelled, off-topic).</summary>
    public static string[] Questions(KnowledgeBase knowledge) =>
        FaqEvaluation.Load(Path.Combine(Root, "eval", "faq-questions.jsonl"), knowledge.Entries.Select(e => e.Id).ToHashSet())
            .Select(q => q.Question.Text!)
            .ToArray();

    private static string FindRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Bot.sln")))
                {
                    return folder.FullName;
                }
            }
        }

        throw new InvalidOperationException("Run the benchmarks from inside the SupportBot checkout.");
    }
}
