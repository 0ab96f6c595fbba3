using System.Globalization;
using SupportBot.Evaluation;
using SupportBot.Insights.Gaps;

namespace SupportBot.Benchmarks;

/// <summary>
/// How <see cref="GapOptions.SimilarityThreshold"/> was chosen: the editors' working set (the labelled phrasings of
/// <c>eval/faq-questions.jsonl</c> and each entry's own title and questions, never the held-out set) grouped by
/// entry, clustered as the report clusters (<see cref="CommonDirection"/> taken out) at each threshold, and scored
/// pair by pair: precision (two phrasings put together ask the same question) and recall (two phrasings of one
/// question are put together). The rule: the highest threshold that keeps at least half of each question's pairs
/// together, since the report exists to show one question asked many ways as one topic.
/// </summary>
internal static class GapThreshold
{
    private const double RecallFloor = 0.6;

    public static async Task RunAsync(TextWriter output)
    {
        var knowledge = BenchmarkData.Starter();
        var labelled = FaqEvaluation.Load(Path.Combine(BenchmarkData.Root, "eval", "faq-questions.jsonl"), knowledge.Entries.Select(e => e.Id).ToHashSet())
            .Where(q => q.Question.Expected is not null)
            .Select(q => (Text: q.Question.Text!, Entry: q.Question.Expected!));
        var own = knowledge.Entries.SelectMany(e => e.Questions.Select(q => q.Text).Prepend(e.Title).Select(t => (Text: t, Entry: e.Id)));
        var phrasings = labelled.Concat(own).DistinctBy(p => p.Text.ToLowerInvariant()).ToList();
        var topicOf = knowledge.Entries.ToDictionary(e => e.Id, e => e.Topic);
        var embeddings = GapBenchmark.Embeddings();
        var common = await CommonDirection.OfAsync(knowledge.Entries, embeddings, CancellationToken.None);
        var vectors = (await embeddings.EmbedAsync([.. phrasings.Select(p => p.Text)])).Select(v => CommonDirection.Removed(v, common)).ToList();
        output.WriteLine($"{phrasings.Count} phrasings of {phrasings.Select(p => p.Entry).Distinct().Count()} entries");
        output.WriteLine("threshold  clusters  precision  recall     F1  topic precision");
        var chosen = 0.0;
        for (var step = 10; step <= 80; step++)
        {
            var threshold = step / 100.0;
            var (clusters, precision, recall, topicPrecision) = Score(phrasings, topicOf, vectors, threshold);
            if (recall >= RecallFloor)
            {
                chosen = threshold;
            }

            if (step % 5 == 0)
            {
                var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{threshold,9:0.00}  {clusters,8}  {precision,9:0.000}  {recall,6:0.000}  {f1,5:0.000}  {topicPrecision,15:0.000}"));
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"highest threshold with recall >= {RecallFloor:0.00}: {chosen:0.00}"));
    }

    /// <returns>Also the precision by topic (the FAQ's folders): two phrasings put together are about the same part of the shop.</returns>
    private static (int Clusters, double Precision, double Recall, double TopicPrecision) Score(List<(string Text, string Entry)> phrasings,
        Dictionary<string, string> topicOf, List<float[]> vectors, double threshold)
    {
        var clusters = AverageLinkage.Cluster(vectors, Enumerable.Repeat(1, vectors.Count).ToList(), threshold);
        var (together, right, sameEntry, sameTopic) = (0L, 0L, 0L, 0L);
        for (var i = 0; i < phrasings.Count; i++)
        {
            for (var j = i + 1; j < phrasings.Count; j++)
            {
                var same = phrasings[i].Entry == phrasings[j].Entry;
                sameEntry += same ? 1 : 0;
                if (clusters[i] == clusters[j])
                {
                    together++;
                    right += same ? 1 : 0;
                    sameTopic += topicOf[phrasings[i].Entry] == topicOf[phrasings[j].Entry] ? 1 : 0;
                }
            }
        }

        return (clusters.Distinct().Count(), together == 0 ? 1 : (double)right / together, (double)right / sameEntry,
            together == 0 ? 1 : (double)sameTopic / together);
    }
}
