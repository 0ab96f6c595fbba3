using System.Numerics.Tensors;
using Microsoft.Extensions.Options;
using SupportBot.Embeddings;
using SupportBot.Knowledge.Search;

namespace SupportBot.Insights.Gaps;

/// <summary>
/// Builds the content-gap report of a period: the unanswered messages (<see cref="IGapCandidateSource"/>), exact
/// duplicates collapsed, embedded by the sentence model (in memory only, as every shopper message), the direction
/// all support questions share taken out (<see cref="CommonDirection"/>), clustered by
/// <see cref="AverageLinkage"/>, then each cluster described (label, trend, representatives, nearest FAQ entry) and
/// ranked by size × recency.
/// </summary>
internal sealed class GapReportBuilder
{
    private const int Representatives = 3;
    private const int LabelWords = 3;

    private readonly IGapCandidateSource _source;
    private readonly TextEmbeddings _embeddings;
    private readonly GapOptions _options;
    private readonly TimeProvider _time;

    public GapReportBuilder(IGapCandidateSource source, TextEmbeddings embeddings, IOptions<GapOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        (_source, _embeddings, _options, _time) = (source, embeddings, options.Value, time);
    }

    /// <param name="index">The knowledge in service, searched for each cluster's nearest entry.</param>
    public async Task<GapReport> BuildAsync(DateTimeOffset since, DateTimeOffset until, KnowledgeIndex index, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(index);
        if (until <= since)
        {
            throw new ArgumentException("The period must end after it starts.", nameof(until));
        }

        if (!_embeddings.IsEnabled)
        {
            throw new InvalidOperationException("The content-gap report groups messages by meaning and needs a sentence model (Embeddings:Provider is None).");
        }

        var period = until - since;
        var all = await _source.ReadAsync(since - period, until, cancellationToken).ConfigureAwait(false);
        var current = Distinct.Of(all.Where(c => c.At >= since));
        var previous = Distinct.Of(all.Where(c => c.At < since));
        var common = await CommonDirection.OfAsync(index.Entries, _embeddings, cancellationToken).ConfigureAwait(false);
        var raw = await _embeddings.EmbedMessagesAsync(current.Texts, cancellationToken).ConfigureAwait(false);
        var vectors = raw.Select(v => CommonDirection.Removed(v, common)).ToArray();
        var clusterOf = AverageLinkage.Cluster(vectors, current.Weights, _options.SimilarityThreshold);
        var words = new GapWords(current.Texts, current.Weights);
        var described = Enumerable.Range(0, current.Texts.Count).GroupBy(i => clusterOf[i])
            .Select(g => g.ToArray())
            .Where(members => members.Sum(i => current.Weights[i]) >= _options.MinClusterMessages)
            .Select(members => Describe(members, current, vectors, words, since, until))
            .Select(c => (Cluster: c.Cluster with { NearestEntry = Nearest(index, current.Texts[c.Central], raw[c.Central]) }, c.Centre))
            .ToList();
        var before = await PreviousCountsAsync(previous, common, described, cancellationToken).ConfigureAwait(false);
        var ranked = described.Select((c, k) => c.Cluster with { PreviousMessages = before[k], Trend = TrendOf(c.Cluster.Messages, before[k]) })
            .OrderByDescending(c => c.Score).ThenByDescending(c => c.Messages).ThenBy(c => c.Label, StringComparer.Ordinal)
            .Take(_options.TopClusters)
            .Select((c, k) => c with { Rank = k + 1 })
            .ToList();
        return new GapReport(since, until, _time.GetUtcNow(), current.Weights.Sum(), current.Texts.Count, previous.Weights.Sum(),
            _options.SimilarityThreshold, _embeddings.ModelId, ranked, current.Weights.Sum() - ranked.Sum(c => c.Messages));
    }

    /// <summary>A cluster described but for its nearest entry; with its centre and its most central member.</summary>
    private static (GapCluster Cluster, float[] Centre, int Central) Describe(int[] members, Distinct current, float[][] vectors, GapWords words,
        DateTimeOffset since, DateTimeOffset until)
    {
        var centre = new float[vectors[members[0]].Length];
        foreach (var i in members)
        {
            TensorPrimitives.MultiplyAdd(vectors[i], current.Weights[i], centre, centre);
        }

        centre = Vectors.Normalized(centre);
        var central = members.OrderByDescending(i => TensorPrimitives.Dot(vectors[i], centre)).ToList();
        var messages = members.Sum(i => current.Weights[i]);

        // Each message weighs 1 at the end of the period and half as much every half period before it.
        var halfLife = (until - since).TotalSeconds / 2;
        var recency = members.SelectMany(i => current.Times[i]).Average(at => Math.Pow(2, -(until - at).TotalSeconds / halfLife));
        var label = words.Characteristic(members.Select(i => (current.Texts[i], current.Weights[i])), LabelWords);
        var cluster = new GapCluster(
            Rank: 0,
            Label: label.Count > 0 ? string.Join(' ', label) : current.Texts[central[0]],
            Words: label,
            Messages: messages,
            PreviousMessages: 0,
            Trend: GapTrend.New,
            Recency: Math.Round(recency, 4),
            Score: Math.Round(messages * recency, 4),
            LastSeen: members.SelectMany(i => current.Times[i]).Max(),
            Representatives: [.. central.Take(Representatives).Select(i => current.Texts[i])],
            Phrasings: [.. members.OrderByDescending(i => current.Weights[i]).ThenBy(i => central.IndexOf(i)).Select(i => new GapPhrasing(current.Texts[i], current.Weights[i]))],
            Reasons: [.. members.SelectMany(i => current.Reasons[i]).GroupBy(r => r).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => new GapReasonCount(g.Key, g.Count()))],
            NearestEntry: null);
        return (cluster, centre, central[0]);
    }

    private static GapNearestEntry? Nearest(KnowledgeIndex index, string text, float[] vector)
    {
        var best = index.Search(text, 1, index.Semantic is null ? null : vector).Best;
        return best is null ? null : new GapNearestEntry(best.Entry.Id, best.Entry.Title, best.Entry.Topic, Math.Round(best.Confidence, 4),
            best.Semantic is { } similarity ? Math.Round(similarity, 4) : null);
    }

    /// <summary>
    /// The previous period's messages each counted for the cluster whose centre is nearest, when at least as near as
    /// the threshold: clustering them again with the current ones would only move the current clusters.
    /// </summary>
    private async Task<int[]> PreviousCountsAsync(Distinct previous, float[] common, List<(GapCluster Cluster, float[] Centre)> clusters,
        CancellationToken cancellationToken)
    {
        var counts = new int[clusters.Count];
        if (clusters.Count == 0 || previous.Texts.Count == 0)
        {
            return counts;
        }

        var vectors = (await _embeddings.EmbedMessagesAsync(previous.Texts, cancellationToken).ConfigureAwait(false))
            .Select(v => CommonDirection.Removed(v, common)).ToArray();
        for (var i = 0; i < vectors.Length; i++)
        {
            var (best, similarity) = (-1, double.NegativeInfinity);
            for (var k = 0; k < clusters.Count; k++)
            {
                var s = TensorPrimitives.Dot(vectors[i], clusters[k].Centre);
                if (s > similarity)
                {
                    (best, similarity) = (k, s);
                }
            }

            if (similarity >= _options.SimilarityThreshold)
            {
                counts[best] += previous.Weights[i];
            }
        }

        return counts;
    }

    private static GapTrend TrendOf(int now, int before) =>
        before == 0 ? GapTrend.New
        : now > before * 1.2 ? GapTrend.Rising
        : now < before * 0.8 ? GapTrend.Falling
        : GapTrend.Steady;

    /// <summary>The distinct texts of some candidates, with how many messages, when and why each stands for.</summary>
    private sealed record Distinct(List<string> Texts, List<int> Weights, List<List<DateTimeOffset>> Times, List<List<GapReason>> Reasons)
    {
        public static Distinct Of(IEnumerable<GapCandidate> candidates)
        {
            var result = new Distinct([], [], [], []);
            var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var candidate in candidates)
            {
                var key = DuplicateKey(candidate.Text);
                if (!byKey.TryGetValue(key, out var i))
                {
                    byKey[key] = i = result.Texts.Count;
                    result.Texts.Add(candidate.Text);
                    result.Weights.Add(0);
                    result.Times.Add([]);
                    result.Reasons.Add([]);
                }

                result.Weights[i]++;
                result.Times[i].Add(candidate.At);
                result.Reasons[i].Add(candidate.Reason);
            }

            return result;
        }

        /// <summary>What two messages must share to be the same message: their words, whatever the case, spacing and closing punctuation.</summary>
        internal static string DuplicateKey(string text) =>
            string.Join(' ', text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd('?', '!', '.', ' ');
    }
}
