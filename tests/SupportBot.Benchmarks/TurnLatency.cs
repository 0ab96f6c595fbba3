using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Conversation;
using SupportBot.Schema;
using SupportBot.Evaluation;
using SupportBot.Handoff;

namespace SupportBot.Benchmarks;

/// <summary>
/// Whole turns in process (entities, intent, retrieval, the decision, the local draft, the reply and trace
/// activities) on the starter knowledge and on 1,000 entries: every labelled question 50 times in a shuffled
/// order after a warm-up, each turn timed on its own.
/// </summary>
internal static class TurnLatency
{
    /// <summary>A whole turn as a channel runs it: lock, saved state, engine, commit of transcript and state.</summary>
    private static async Task<IReadOnlyList<Activity>> Replies(ConversationTurns turns, ConversationKey key, Activity inbound) =>
        (await turns.HandleAsync(key, inbound, ClientIdentity.InProcess(inbound))).ReplyActivities;

    public static async Task RunAsync(TextWriter output)
    {
        foreach (var (name, knowledge) in new[] { ("starter", null), ("1k", SyntheticKnowledge.Grow(BenchmarkData.Starter(), 1_000)) })
        {
            await using var engine = await EngineForBenchmarks.StartAsync(knowledge);
            var questions = BenchmarkData.Questions(BenchmarkData.Starter());
            var next = 0;
            Task<IReadOnlyList<Activity>> Turn(string text)
            {
                var conversation = $"bench-{next++ % 64}";
                return Replies(engine.Engine, ConversationKey.DirectLine(conversation), new Activity
                {
                    Type = ActivityTypes.Message,
                    Text = text,
                    From = new ChannelAccount("bench-user", "Ana", "user"),
                    Conversation = new ConversationAccount(conversation),
                    ChannelId = "bench",
                });
            }

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
                await HandoffAsync(engine, output);
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
            await Replies(engine.Engine, ConversationKey.DirectLine($"bench-order-{i}"), new Activity
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

    /// <summary>
    /// "Talk to a human" in a new conversation each time with an agent online (the entry is written to the SQLite
    /// queue and its place and wait estimate computed), then an agent's claim of it (a conditional UPDATE and the
    /// "now chatting with" message written to the transcript).
    /// </summary>
    private static async Task HandoffAsync(EngineForBenchmarks engine, TextWriter output)
    {
        var line = engine.Services.GetRequiredService<IHandoffLine>();
        var agents = engine.Services.GetRequiredService<IAgentSession>();
        var agent = new AgentAccount { Id = "bench", Name = "Bench" };
        using var online = engine.Services.GetRequiredService<AgentPresence>().Connect(agent);
        var asks = new Latencies();
        var claims = new Latencies();
        for (var i = 0; i < 1_200; i++)
        {
            var conversation = $"bench-handoff-{Guid.NewGuid():N}";
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await Replies(engine.Engine, ConversationKey.DirectLine(conversation), new Activity
            {
                Type = ActivityTypes.Message,
                Text = "I want to talk to a human",
                From = new ChannelAccount("bench-user", null, "user"),
                Conversation = new ConversationAccount(conversation),
                ChannelId = "directline",
            });
            var asked = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            started = System.Diagnostics.Stopwatch.GetTimestamp();
            await agents.ClaimAsync(agent, (await line.OpenForAsync(conversation, default))!, CancellationToken.None);
            var claimed = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            await agents.ResolveAsync(agent, (await line.OpenForAsync(conversation, default))!, CancellationToken.None);
            if (i >= 200)
            {
                asks.Add(asked);
                claims.Add(claimed);
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"turn handoff turns {asks.Count,6}  p50 {asks.Percentile(0.50):0.000} ms  p99 {asks.Percentile(0.99):0.000} ms  max {asks.Max:0.000} ms"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"claim         claims {claims.Count,5}  p50 {claims.Percentile(0.50):0.000} ms  p99 {claims.Percentile(0.99):0.000} ms  max {claims.Max:0.000} ms"));
    }
}
