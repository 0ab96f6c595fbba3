using System.Diagnostics;
using System.Globalization;
using SupportBot.Knowledge;
using SupportBot.Knowledge.Search;

namespace SupportBot.Benchmarks;

/// <summary>
/// The per-query latency distribution (p50/p99/max) that BenchmarkDotNet's per-iteration means hide: every
/// labelled question asked many times in a shuffled order, after a warm-up, each timed on its own.
/// </summary>
internal static class QueryLatency
{
    public static void Run(TextWriter output)
    {
        output.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
        Intents(output);
        foreach (var size in new[] { "starter", "10k" })
        {
            var knowledge = BenchmarkData.OfSize(size);
            var build = Stopwatch.StartNew();
            using var index = KnowledgeIndex.Build(knowledge, new SearchOptions());
            var buildMs = build.Elapsed.TotalMilliseconds;
            var questions = BenchmarkData.Questions(knowledge);
            foreach (var question in questions)
            {
                index.Search(question);
            }

            var random = new Random(1);
            var samples = new List<double>();
            for (var round = 0; round < 50; round++)
            {
                foreach (var question in questions.OrderBy(_ => random.Next()))
                {
                    var started = Stopwatch.GetTimestamp();
                    index.Search(question);
                    samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }

            samples.Sort();
            double P(double p) => samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(p * samples.Count) - 1)];
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{size,-8} entries {index.Count,6}  build {buildMs,7:0} ms  queries {samples.Count,6}  p50 {P(0.50):0.000} ms  p99 {P(0.99):0.000} ms  max {samples[^1]:0.000} ms"));
        }
    }

    /// <summary>Per-message intent prediction latency with the model trained from the shipped knowledge.</summary>
    private static void Intents(TextWriter output)
    {
        var knowledge = BenchmarkData.Starter();
        var train = System.Diagnostics.Stopwatch.StartNew();
        var model = SupportBot.Understanding.Intents.IntentClassifierTrainer.Train(
            SupportBot.Understanding.Intents.IntentTrainingSet.From(knowledge), null, new SupportBot.Understanding.Intents.IntentOptions());
        var trainSeconds = train.Elapsed.TotalSeconds;
        var messages = BenchmarkData.Questions(knowledge);
        foreach (var message in messages)
        {
            model.Predict(message);
        }

        var samples = new List<double>();
        for (var round = 0; round < 50; round++)
        {
            foreach (var message in messages)
            {
                var started = Stopwatch.GetTimestamp();
                model.Predict(message);
                samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        samples.Sort();
        double P(double p) => samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(p * samples.Count) - 1)];
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"intents  examples {model.Info.Examples,6}  train {trainSeconds,6:0.0} s  predictions {samples.Count,6}  p50 {P(0.50):0.000} ms  p99 {P(0.99):0.000} ms  max {samples[^1]:0.000} ms"));
    }
}
