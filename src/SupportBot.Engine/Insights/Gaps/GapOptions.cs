using System.ComponentModel.DataAnnotations;

namespace SupportBot.Insights.Gaps;

/// <summary>Settings of the <c>Insights:Gaps</c> section: how the content-gap report groups unanswered messages.</summary>
internal sealed class GapOptions
{
    public const string SectionName = "Insights:Gaps";

    /// <summary>
    /// The average cosine similarity (all-MiniLM-L6-v2, the direction all support questions share taken out:
    /// <see cref="CommonDirection"/>) two groups of messages need to be one topic. Chosen on the editors' working set,
    /// never the held-out one: the 1,001 phrasings of <c>eval/faq-questions.jsonl</c> and of the entries' own titles
    /// and questions, grouped by entry, clustered at every threshold from 0.10 to 0.80 and scored pair by pair. The
    /// report exists to show one question asked many ways as one topic, so the rule is recall first: the highest
    /// threshold that keeps 60% of each entry's phrasing pairs together, 0.21. Its clusters mix neighbouring entries
    /// (entry precision 0.27) but mostly stay within one part of the shop (topic precision 0.79); the F1-best 0.35
    /// would split most questions. Reproduce with
    /// <c>dotnet run -c Release --project tests/SupportBot.Benchmarks -- gap-threshold</c>; docs/CONTENT-GAPS.md has the table.
    /// </summary>
    /// <value>Default 0.21.</value>
    [Range(0.05, 0.99)]
    public double SimilarityThreshold { get; set; } = 0.21;

    /// <summary>The fewest messages a cluster needs to be reported (one message is an anecdote, not a topic).</summary>
    /// <value>Default 2.</value>
    [Range(1, 1000)]
    public int MinClusterMessages { get; set; } = 2;

    /// <summary>The clusters a report keeps, best first, and for which <c>report gaps</c> writes draft FAQ files.</summary>
    /// <value>Default 20.</value>
    [Range(1, 1000)]
    public int TopClusters { get; set; } = 20;

    /// <summary>The phrasings a draft FAQ entry gets from its cluster.</summary>
    /// <value>Default 12.</value>
    [Range(1, 100)]
    public int DraftPhrasings { get; set; } = 12;
}
