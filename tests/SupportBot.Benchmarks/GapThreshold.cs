using System.Globalization;
using SupportBot.Embeddings;
using SupportBot.Evaluation;
using SupportBot.Insights.Gaps;
using SupportBot.Storage;

namespace SupportBot.Benchmarks;

/// <summary>
/// How <see cref="GapOptions.SimilarityThreshold"/> was chosen: the editors' working set (the labelled phrasings of
/// <c>eval/faq-questions.jsonl</c> and each entry's own title and questions, never the held-out set) grouped by
/// entry, clustered at each threshold, and scored pair by pair: precision (two phrasings put together ask the same
/// question) and recall (two phrasings of one question are put together).
/// </summary>
internal static class GapThreshold
{
    public static async Task RunAsync(TextWriter output)
    {
        var knowledge = BenchmarkData.Starter();
        var labelled = FaqEvaluation.Load(Path.Combine(BenchmarkData.Root, "eval", "faq-questions.jsonl"), knowledge.Entries.Select(e => e.Id).ToHashSet())
            .Where(q => q.Question.Expected is not null)
            .Select(q => (Text: q.Question.Text!, Entry: q.Question.Expected!));
        var own = knowledge.Entries.SelectMany(e => new[] { e.Title }.Concat(e.Questions.Select(q => q.Text)).Select(t => (Text: t, Entry: e.Id)));
        var phrasings = labelled.Concat(own).DistinctBy(p => p.Text.ToLowerInvariant()).ToList();
        var vectors = (await GapBenchmark.Embeddings().EmbedAsync([.. phrasings.Select(p => p.Text)])).Select(v => Vectors.Normalized(v)).ToList();
        var weights = Enumerable.Repeat(1, vectors.Count).ToList();
        output.WriteLine($"{phrasings.Count} phrasings of {phrasings.Select(p => p.Entry).Distinct().Count()} entries");
        output.WriteLine("threshold  clusters  precision  recall     F1  F0.5");
        for (var threshold = 0.30; threshold <= 0.801; threshold += 0.05)
        {
            var clusters = AverageLinkage.Cluster(vectors, weights, threshold);
            var (together, right, sameEntry) = (0L, 0L, 0L);
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
                    }
                }
            }

            var precision = together == 0 ? 1 : (double)right / together;
            var recall = (double)right / sameEntry;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{threshold,9:0.00}  {clusters.Distinct().Count(),8}  {precision,9:0.000}  {recall,6:0.000}  {F(1, precision, recall),5:0.000}  {F(0.5, precision, recall),4:0.000}"));
        }
    }

    private static double F(double beta, double precision, double recall) =>
        precision + recall == 0 ? 0 : (1 + beta * beta) * precision * recall / (beta * beta * precision + recall);
}
