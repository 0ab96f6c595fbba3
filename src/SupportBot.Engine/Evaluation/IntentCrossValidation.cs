using SupportBot.Understanding.Intents;

namespace SupportBot.Evaluation;

/// <summary>
/// k-fold cross-validation: each example is tested once by a model that never saw it, and the outcomes of all
/// folds are pooled into one report. Folds are stratified by intent and deterministic.
/// </summary>
internal static class IntentCrossValidation
{
    public static async Task<IntentEvaluationReport> RunAsync(IReadOnlyList<IntentExample> examples, int folds, IntentOptions options, IProgress<string>? progress = null,
        IntentEmbedder? embedder = null, string? language = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(options);
        if (folds < 2)
        {
            throw new IntentTrainingException("cross-validation needs at least 2 folds");
        }

        var random = new Random(11);
        var foldOf = new Dictionary<IntentExample, int>(ReferenceEqualityComparer.Instance);
        foreach (var group in examples.GroupBy(e => e.Intent, StringComparer.Ordinal))
        {
            var shuffled = group.OrderBy(_ => random.Next()).ToList();
            for (var i = 0; i < shuffled.Count; i++)
            {
                foldOf[shuffled[i]] = i % folds;
            }
        }

        var outcomes = new List<ScoredUtterance>();
        var p50 = new List<double>();
        var p99 = new List<double>();
        IntentModelInfo? last = null;
        double trainSeconds = 0;
        for (var fold = 0; fold < folds; fold++)
        {
            progress?.Report($"fold {fold + 1} of {folds}");
            var train = examples.Where(e => foldOf[e] != fold).ToList();
            var test = examples.Where(e => foldOf[e] == fold).ToList();
            var model = await IntentClassifierTrainer.TrainAsync(train, null, options, embedder: embedder, language: language, cancellationToken: cancellationToken).ConfigureAwait(false);
            var report = await IntentEvaluation.RunAsync(model, test, options.OutOfScopeIntent, cancellationToken: cancellationToken).ConfigureAwait(false);
            outcomes.AddRange(report.Utterances);
            p50.Add(report.PredictP50Ms);
            p99.Add(report.PredictP99Ms);
            trainSeconds += model.Info.TrainSeconds;
            last = model.Info;
        }

        var info = last! with { TrainSeconds = Math.Round(trainSeconds / folds, 3), Examples = examples.Count };
        // Latency is reported per fold; the pooled figures are the folds' mean median and their worst p99.
        return IntentEvaluation.Summarize(outcomes, options.OutOfScopeIntent, info, Math.Round(p50.Average(), 4), p99.Max());
    }
}
