namespace SupportBot.Insights.Gaps;

/// <summary>
/// The content-gap report of one period: what shoppers asked that the bot could not answer, grouped by meaning and
/// ranked by size × recency. A plain record, written as JSON by <c>supportbot report gaps</c> and the agent API.
/// </summary>
/// <param name="Messages">Unanswered messages in the period.</param>
/// <param name="DistinctMessages">The same after exact duplicates (case, spaces and end punctuation aside) are collapsed.</param>
/// <param name="PreviousMessages">Unanswered messages in the period of the same length before it (for the trend).</param>
/// <param name="Threshold">The average cosine similarity two groups of messages need to be one topic.</param>
/// <param name="Unclustered">Messages in no cluster of at least <see cref="GapOptions.MinClusterMessages"/>.</param>
public sealed record GapReport(
    DateTimeOffset Since,
    DateTimeOffset Until,
    DateTimeOffset GeneratedAt,
    int Messages,
    int DistinctMessages,
    int PreviousMessages,
    double Threshold,
    string? Model,
    IReadOnlyList<GapCluster> Clusters,
    int Unclustered);

/// <summary>One topic shoppers asked about and did not get answered.</summary>
/// <param name="Rank">1 for the cluster to look at first.</param>
/// <param name="Label">Its most characteristic words, e.g. "student discount".</param>
/// <param name="Messages">Messages in the period.</param>
/// <param name="PreviousMessages">Messages of the previous period as near to this cluster as its own members must be.</param>
/// <param name="Recency">Mean weight of its messages, halving every half period back from the end (1: all at the end).</param>
/// <param name="Score">Messages × recency: the ranking.</param>
/// <param name="Representatives">The three distinct messages closest to its centre, personal data taken out.</param>
/// <param name="Phrasings">Every distinct message in it, most frequent first.</param>
/// <param name="NearestEntry">The FAQ entry the search finds for its most central message, and how sure it is.</param>
public sealed record GapCluster(
    int Rank,
    string Label,
    IReadOnlyList<string> Words,
    int Messages,
    int PreviousMessages,
    GapTrend Trend,
    double Recency,
    double Score,
    DateTimeOffset LastSeen,
    IReadOnlyList<string> Representatives,
    IReadOnlyList<GapPhrasing> Phrasings,
    IReadOnlyList<GapReasonCount> Reasons,
    GapNearestEntry? NearestEntry);

public sealed record GapPhrasing(string Text, int Count);

public sealed record GapReasonCount(GapReason Reason, int Messages);

/// <param name="Confidence">The search's calibrated confidence for the entry (the bot answers from 0.45 by default).</param>
/// <param name="Similarity">The sentence model's cosine between the message and the entry's nearest text; null when the search ran lexical only.</param>
public sealed record GapNearestEntry(string Id, string Title, string Topic, double Confidence, double? Similarity);

/// <summary>How a cluster moved against the previous period: new, or up or down by more than a fifth.</summary>
public enum GapTrend
{
    New,
    Rising,
    Steady,
    Falling,
}
