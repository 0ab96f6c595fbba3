using System.ComponentModel.DataAnnotations;

namespace SupportBot.Insights.Gaps;

/// <summary>Settings of the <c>Insights:Gaps</c> section: how the content-gap report groups unanswered messages.</summary>
public sealed class GapOptions
{
    public const string SectionName = "Insights:Gaps";

    /// <summary>
    /// The average cosine similarity (all-MiniLM-L6-v2) two groups of messages need to be one topic. Chosen on the
    /// editors' working set: the phrasings of <c>eval/faq-questions.jsonl</c> with each entry's own title and
    /// questions, grouped by entry, clustered at every threshold from 0.30 to 0.80; 0.55 is where no cluster mixes
    /// two entries' phrasings in more than 1 pair in 100 (pairwise precision ≥ 0.99) while the most phrasings of
    /// one entry still land together. Reproduce with <c>dotnet run -c Release --project tests/SupportBot.Benchmarks -- gap-threshold</c>.
    /// </summary>
    /// <value>Default 0.55.</value>
    [Range(0.05, 0.99)]
    public double SimilarityThreshold { get; set; } = 0.55;

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
