using System.Diagnostics;
using SupportBot.Evaluation;
using System.Globalization;
using SupportBot.Knowledge;
using SupportBot.Knowledge.Search;
using SupportBot.Understanding.Intents;

namespace SupportBot.Benchmarks;

/// <summary>
/// The per-query latency distribution (p50/p99/max) that BenchmarkDotNet's per-iteration means hide: every
/// labelled question asked many times in a shuffled order, after a warm-up, each timed on its own.
/// </summary>
internal static class QueryLatency
{
    public static async Task RunAsync(TextWriter output)
    {
        output.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
        await IntentsAsync(output);
        foreach (var size in new[] { "starter", "10k" })
        {
            var knowledge = BenchmarkData.OfSize(size);
            var build = Stopwatch.StartNew();
            using var index = KnowledgeIndex.Build(knowledge, new SearchOptions());
            var buildMs = build.Elapsed.TotalMilliseconds;
            var questions = BenchmarkData.Questions(knowledge);
            var latencies = Measure(questions, question => index.Search(question));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{size,-8} entries {index.Count,6}  build {buildMs,7:0} ms  queries {latencies.Count,6}  {Summary(latencies)}"));
        }
    }

    /// <summary>Per-message intent prediction latency with the model trained from the shipped knowledge.</summary>
    private static async Task IntentsAsync(TextWriter output)
    {
        var knowledge = BenchmarkData.Starter();
        var train = Stopwatch.StartNew();
        var model = await IntentClassifierTrainer.TrainAsync(IntentTrainingSet.From(knowledge), null, new IntentOptions());
        var trainSeconds = train.Elapsed.TotalSeconds;
        var messages = BenchmarkData.Questions(knowledge);
        var latencies = Measure(messages, message => model.Predict(message));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"intents  examples {model.Info.Examples,6}  train {trainSeconds,6:0.0} s  predictions {latencies.Count,6}  {Summary(latencies)}"));
    }

    /// <summary>Every input once to warm up, then 50 times in a shuffled order, each call timed on its own.</summary>
    private static Latencies Measure<T>(string[] inputs, Func<string, T> work)
    {
        foreach (var input in inputs)
        {
            work(input);
        }

        var random = new Random(1);
        var latencies = new Latencies();
        for (var round = 0; round < 50; round++)
        {
            foreach (var input in inputs.OrderBy(_ => random.Next()))
            {
                latencies.Time(() => work(input));
            }
        }

        return latencies;
    }

    private static string Summary(Latencies latencies) => string.Create(CultureInfo.InvariantCulture,
        $"p50 {latencies.Percentile(0.50):0.000} ms  p99 {latencies.Percentile(0.99):0.000} ms  max {latencies.Max:0.000} ms");
}
