using SupportBot.Understanding.Intents;
using System.Text.Json.Serialization;

namespace SupportBot.Evaluation;

/// <summary>Precision, recall and F1 of one intent on a test set.</summary>
public sealed record IntentMetrics(
    string Intent,
    int Support,
    double Precision,
    double Recall,
    double F1);

/// <summary>How often one intent was taken for another.</summary>
public sealed record ConfusedPair(
    string Truth,
    string Predicted,
    int Count);

/// <summary>One test utterance's outcome, for the report's histogram and for reading mistakes.</summary>
public sealed record ScoredUtterance(
    string Text,
    string Truth,
    string Predicted,
    double Confidence,
    string Outcome);

/// <summary>
/// The result of <c>supportbot eval intents</c>. Field names are a stable contract; every rate is a fraction in [0,1].
/// In-scope accuracy counts an in-scope utterance predicted out of scope as wrong.
/// <para>Written snake_case by the host's report settings; the out-of-scope figures are named here because the report
/// abbreviates them (<c>oos_recall</c>) where the policy would spell out the property.</para>
/// </summary>
public sealed record IntentEvaluationReport(
    int Examples,
    int InScopeExamples,
    [property: JsonPropertyName("oos_examples")] int OutOfScopeExamples,
    double InScopeAccuracy,
    [property: JsonPropertyName("oos_recall")] double OutOfScopeRecall,
    [property: JsonPropertyName("oos_precision")] double OutOfScopePrecision,
    double MacroF1,
    double Threshold,
    double Temperature,
    string Trainer,
    int TrainExamples,
    double TrainSeconds,
    double PredictP50Ms,
    double PredictP99Ms,
    IReadOnlyList<IntentMetrics> PerIntent,
    IReadOnlyList<ConfusedPair> MostConfused,
    IReadOnlyList<string> Labels,
    IReadOnlyList<IReadOnlyList<int>> Confusion,
    IReadOnlyList<ScoredUtterance> Utterances);

/// <summary>Scores a trained model on labelled utterances.</summary>
internal static class IntentEvaluation
{
    public const string Correct = "correct";
    public const string Wrong = "wrong";
    public const string OutOfScope = "out_of_scope";

    /// <param name="outOfScopeLabel">The label the test set uses for out-of-scope utterances.</param>
    public static async Task<IntentEvaluationReport> RunAsync(IntentModel model, IReadOnlyList<IntentExample> test, string outOfScopeLabel, IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(test);
        string Label(string intent) => intent == model.Info.OutOfScopeIntent || intent == outOfScopeLabel ? outOfScopeLabel : intent;

        var latencies = new Latencies();
        var outcomes = new List<ScoredUtterance>(test.Count);
        for (var i = 0; i < test.Count; i++)
        {
            var prediction = await latencies.TimeAsync(() => model.PredictAsync(test[i].Text, cancellationToken)).ConfigureAwait(false);
            var truth = Label(test[i].Intent);
            var predicted = prediction.IsOutOfScope ? outOfScopeLabel : prediction.Intent;
            var outcome = truth == outOfScopeLabel ? OutOfScope : predicted == truth ? Correct : Wrong;
            outcomes.Add(new ScoredUtterance(test[i].Text, truth, predicted, prediction.Confidence, outcome));
            progress?.Report(i + 1);
        }

        return Summarize(outcomes, outOfScopeLabel, model.Info, latencies.Percentile(0.50), latencies.Percentile(0.99));
    }

    /// <summary>Metrics over scored utterances (one test set, or every fold of a cross-validation pooled).</summary>
    public static IntentEvaluationReport Summarize(IReadOnlyList<ScoredUtterance> outcomes, string outOfScopeLabel, IntentModelInfo info,
        double p50, double p99)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(info);
        var inScope = outcomes.Where(o => o.Truth != outOfScopeLabel).ToList();
        var outOfScope = outcomes.Where(o => o.Truth == outOfScopeLabel).ToList();
        var predictedOutOfScope = outcomes.Count(o => o.Predicted == outOfScopeLabel);
        var labels = outcomes.Select(o => o.Truth).Concat(outcomes.Select(o => o.Predicted)).Distinct(StringComparer.Ordinal)
            .OrderBy(l => l == outOfScopeLabel ? 1 : 0).ThenBy(l => l, StringComparer.Ordinal).ToList();
        var index = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var confusion = labels.Select(_ => new int[labels.Count]).ToArray();
        foreach (var o in outcomes)
        {
            confusion[index[o.Truth]][index[o.Predicted]]++;
        }

        var perIntent = labels.Where(l => outcomes.Any(o => o.Truth == l)).Select(l =>
        {
            var tp = outcomes.Count(o => o.Truth == l && o.Predicted == l);
            var support = outcomes.Count(o => o.Truth == l);
            var predictedCount = outcomes.Count(o => o.Predicted == l);
            var precision = Rates.Fraction(tp, predictedCount);
            var recall = Rates.Fraction(tp, support);
            return new IntentMetrics(l, support, precision, recall, Rates.Round(precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)));
        }).ToList();

        var confused = outcomes.Where(o => o.Truth != o.Predicted)
            .GroupBy(o => (o.Truth, o.Predicted))
            .Select(g => new ConfusedPair(g.Key.Truth, g.Key.Predicted, g.Count()))
            .OrderByDescending(p => p.Count).ThenBy(p => p.Truth, StringComparer.Ordinal).Take(10).ToList();

        return new IntentEvaluationReport(
            outcomes.Count,
            inScope.Count,
            outOfScope.Count,
            Rates.Fraction(inScope.Count(o => o.Outcome == Correct), inScope.Count),
            Rates.Fraction(outOfScope.Count(o => o.Predicted == outOfScopeLabel), outOfScope.Count),
            Rates.Fraction(outOfScope.Count(o => o.Predicted == outOfScopeLabel), predictedOutOfScope),
            Rates.Round(perIntent.Count == 0 ? 0 : perIntent.Average(m => m.F1)),
            info.Threshold,
            Rates.Round(info.Temperature),
            info.Trainer.ToString(),
            info.Examples,
            info.TrainSeconds,
            p50,
            p99,
            perIntent,
            confused,
            labels,
            confusion,
            outcomes);
    }
}
