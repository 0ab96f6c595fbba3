using Stopwatch = System.Diagnostics.Stopwatch;
using Span = System.Diagnostics.Activity;
using System.Globalization;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using SupportBot.Conversation;
using SupportBot.Evaluation;
using SupportBot.Schema;
using SupportBot.Telemetry;

namespace SupportBot.Benchmarks;

/// <summary>
/// What the product's spans and metrics cost a lexical turn: the same in-process turns with nobody listening, with the
/// OpenTelemetry SDK aggregating the metrics (the default server: Prometheus), and with it also recording every span
/// (always sampled, as with an OTLP endpoint), in alternating blocks so drift on a shared machine falls on all alike.
/// </summary>
internal static class TelemetryCost
{
    private const int Blocks = 16;

    public static async Task RunAsync(TextWriter output)
    {
        await using var engine = await EngineForBenchmarks.StartAsync(null, "--Embeddings:Provider", "None");
        var questions = BenchmarkData.Questions(BenchmarkData.Starter());
        var next = 0;
        async Task<double> TurnAsync(string text)
        {
            var conversation = $"telemetry-{next++ % 64}";
            var started = Stopwatch.GetTimestamp();
            var inbound = new Activity
            {
                Type = ActivityTypes.Message,
                Text = text,
                From = new ChannelAccount("bench-user", "Ana", "user"),
                Conversation = new ConversationAccount(conversation),
                ChannelId = "bench",
            };
            await engine.Engine.HandleAsync(ConversationKey.DirectLine(conversation), inbound, ClientIdentity.InProcess(inbound));
            return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        foreach (var question in questions)
        {
            await TurnAsync(question);
        }

        string[] modes = ["off", "metrics", "metrics and spans"];
        var latencies = modes.ToDictionary(m => m, _ => new Latencies());
        var totals = modes.ToDictionary(m => m, _ => 0.0);
        var spans = new List<Span>();
        var metrics = new List<Metric>();
        for (var block = 0; block < Blocks; block++)
        {
            foreach (var mode in modes)
            {
                using var meter = mode == "off" ? null : Sdk.CreateMeterProviderBuilder().AddMeter(BotTelemetry.Name).AddInMemoryExporter(metrics).Build();
                using var tracer = mode != "metrics and spans" ? null : Sdk.CreateTracerProviderBuilder().AddSource(BotTelemetry.Name).SetSampler(new AlwaysOnSampler()).AddInMemoryExporter(spans).Build();
                foreach (var question in questions.Concat(questions))
                {
                    var took = await TurnAsync(question);
                    latencies[mode].Add(took);
                    totals[mode] += took;
                }

                spans.Clear();
            }
        }

        var baseline = totals["off"] / latencies["off"].Count;
        foreach (var mode in modes)
        {
            var (l, mean) = (latencies[mode], totals[mode] / latencies[mode].Count);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"telemetry {mode,-18} turns {l.Count,6}  mean {mean:0.000} ms ({(mean - baseline) / baseline:+0.0%;-0.0%})  p50 {l.Percentile(0.5):0.000} ms  p99 {l.Percentile(0.99):0.000} ms"));
        }
    }
}
