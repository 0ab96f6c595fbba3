using System.Globalization;
using SupportBot.Conversation;
using SupportBot.Conversation.Schema;
using SupportBot.Evaluation;

namespace SupportBot.Benchmarks;

/// <summary>
/// Whole turns in process (entities, intent, retrieval, the decision, the local draft, the reply and trace
/// activities) on the starter knowledge and on 1,000 entries: every labelled question 50 times in a shuffled
/// order after a warm-up, each turn timed on its own.
/// </summary>
internal static class TurnLatency
{
    public static async Task RunAsync(TextWriter output)
    {
        foreach (var (name, knowledge) in new[] { ("starter", null), ("1k", SyntheticKnowledge.Grow(BenchmarkData.Starter(), 1_000)) })
        {
            await using var engine = await EngineForBenchmarks.StartAsync(knowledge);
            var questions = BenchmarkData.Questions(BenchmarkData.Starter());
            var next = 0;
            Task<IReadOnlyList<Activity>> Turn(string text) => engine.Engine.HandleAsync(new Activity
            {
                Type = ActivityTypes.Message,
                Text = text,
                From = new ChannelAccount("bench-user", "Ana", "user"),
                Conversation = new ConversationAccount($"bench-{next++ % 64}"),
                ChannelId = "bench",
            });

            foreach (var question in questions)
            {
                await Turn(question);
            }

            var random = new Random(1);
            var latencies = new Latencies();
            for (var round = 0; round < 50; round++)
            {
                foreach (var question in questions.OrderBy(_ => random.Next()))
                {
                    var started = System.Diagnostics.Stopwatch.GetTimestamp();
                    await Turn(question);
                    latencies.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"turn {name,-7} turns {latencies.Count,6}  p50 {latencies.Percentile(0.50):0.000} ms  p99 {latencies.Percentile(0.99):0.000} ms  max {latencies.Max:0.000} ms"));
            if (knowledge is null)
            {
                await OrderStatusAsync(engine, output);
            }
        }
    }

    /// <summary>"Where is LPx? my email is y" in a new conversation each time: verification and status from the demo store's SQLite file.</summary>
    private static async Task OrderStatusAsync(EngineForBenchmarks engine, TextWriter output)
    {
        var latencies = new Latencies();
        for (var i = 0; i < 2_500; i++)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await engine.Engine.HandleAsync(new Activity
            {
                Type = ActivityTypes.Message,
                Text = "where is LP10000002? my email is ana.lima@example.com",
                From = new ChannelAccount("bench-user", null, "user"),
                Conversation = new ConversationAccount($"bench-order-{i}"),
                ChannelId = "directline",
            });
            if (i >= 500)
            {
                latencies.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"turn order-status turns {latencies.Count,6}  p50 {latencies.Percentile(0.50):0.000} ms  p99 {latencies.Percentile(0.99):0.000} ms  max {latencies.Max:0.000} ms"));
    }
}
