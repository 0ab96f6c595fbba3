using System.ComponentModel.DataAnnotations;

namespace SupportBot.Insights.Gaps;

/// <summary>Settings of the <c>Insights:Gaps</c> section: how the content-gap report groups unanswered messages.</summary>
public sealed class GapOptions
{
    public const string SectionName = "Insights:Gaps";

    /// <summary>
    /// The average cosine similarity (all-MiniLM-L6-v2) two groups of messages need to be one topic. Chosen on the
    /// editors' working set, never the held-out one: the 1,001 phrasings of <c>eval/faq-questions.jsonl</c> and of
    /// the entries' own titles and questions, grouped by entry, clustered at every threshold from 0.30 to 0.80 and
    /// scored pair by pair. 0.50 has the best F0.5 (precision 0.60, recall 0.31; at 0.45 F1 is best but precision
    /// falls to 0.45): precision weighs double because a cluster that mixes two questions misleads the editor, while a
    /// question split in two still shows up twice. The entries are finer than topics (return window and return cost
    /// are two entries), so pairs across neighbouring entries count as mistakes here although an editor would call
    /// them one topic. Reproduce with <c>dotnet run -c Release --project tests/SupportBot.Benchmarks -- gap-threshold</c>;
    /// docs/CONTENT-GAPS.md has the table.
    /// </summary>
    /// <value>Default 0.50.</value>
    [Range(0.05, 0.99)]
    public double SimilarityThreshold { get; set; } = 0.50;

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
