using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;

namespace SupportBot.Telemetry;

/// <summary>
/// The product's one <see cref="ActivitySource"/> and one <see cref="Meter"/>, both named <see cref="Name"/>: spans for a
/// turn and its stages, and the instruments a dashboard reads. Conversation ids appear only hashed
/// (<see cref="ConversationTag"/>); no text a shopper wrote is ever a tag. With nothing listening a stage costs a
/// timestamp and a histogram record.
/// </summary>
internal sealed class BotTelemetry : IDisposable
{
    public const string Name = "SupportBot";

    /// <summary>Spans: a listener (OpenTelemetry's tracer provider) subscribes to this name.</summary>
    public static readonly ActivitySource Source = new(Name, typeof(BotTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>Turn and stage times in seconds: from half a millisecond (one in-process stage) to ten seconds (a slow model).</summary>
    private static readonly InstrumentAdvice<double> Latency = new()
    {
        HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    };

    /// <summary>Queue waits in seconds: a second to half an hour.</summary>
    private static readonly InstrumentAdvice<double> Waiting = new()
    {
        HistogramBucketBoundaries = [1, 5, 15, 30, 60, 120, 300, 600, 1800],
    };

    private readonly Meter _meter;

    public BotTelemetry(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _meter = meters.Create(Name);
        TurnDuration = _meter.CreateHistogram<double>("supportbot.turn.duration", "s", "Time from a turn's start (waiting for its conversation's lock included) to its commit, by channel and outcome.", advice: Latency);
        StageDuration = _meter.CreateHistogram<double>("supportbot.stage.duration", "s", "Time spent in each stage of a turn and around it (lock wait, understanding, retrieval, drafting, order flow, store commit, delivery).", advice: Latency);
        Handoffs = _meter.CreateCounter<long>("supportbot.handoffs", "{handoff}", "Conversations handed to people, by reason and where they went (queued, ticket, external, offline).");
        QueueWait = _meter.CreateHistogram<double>("supportbot.handoff.queue_wait", "s", "How long a handed-off shopper waited until an agent claimed the chat.", advice: Waiting);
        ActiveStreams = _meter.CreateUpDownCounter<long>("supportbot.directline.streams", "{stream}", "Direct Line WebSocket streams open on this instance.");
        ModelCalls = _meter.CreateCounter<long>("supportbot.model.calls", "{call}", "Calls to the language model, by result (ok, fallback).");
        ModelTokens = _meter.CreateCounter<long>("supportbot.model.tokens", "{token}", "Tokens the language model reported, by kind (input, output).");
    }

    public Histogram<double> TurnDuration { get; }

    public Histogram<double> StageDuration { get; }

    public Counter<long> Handoffs { get; }

    public Histogram<double> QueueWait { get; }

    public UpDownCounter<long> ActiveStreams { get; }

    public Counter<long> ModelCalls { get; }

    public Counter<long> ModelTokens { get; }

    /// <summary>Times one stage: a child span of the current one (when traced) and a <c>supportbot.stage.duration</c> record.</summary>
    public StageTimer Stage(string stage) => new(this, stage, Source.StartActivity(stage));

    /// <summary>A conversation id as spans carry it: the first 16 hex digits of its SHA-256, enough to follow one conversation, useless to read it.</summary>
    public static string ConversationTag(string conversationId)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(conversationId), hash);
        return Convert.ToHexStringLower(hash[..8]);
    }

    public void Dispose() => _meter.Dispose();

    /// <summary>One stage being timed; dispose to record it.</summary>
    internal readonly struct StageTimer(BotTelemetry telemetry, string stage, Activity? span) : IDisposable
    {
        private readonly long _started = Stopwatch.GetTimestamp();

        public Activity? Span => span;

        public void Dispose()
        {
            telemetry.StageDuration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, new KeyValuePair<string, object?>("stage", stage));
            span?.Dispose();
        }
    }
}

/// <summary>The stage names spans and the stage histogram share.</summary>
internal static class Stages
{
    public const string LockWait = "lock_wait";
    public const string Understanding = "understanding";
    public const string Retrieval = "retrieval";
    public const string Drafting = "drafting";
    public const string OrderFlow = "order_flow";
    public const string Handoff = "handoff";
    public const string Render = "render";
    public const string StoreCommit = "store_commit";
    public const string Delivery = "delivery";
}
