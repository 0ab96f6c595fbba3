using BenchmarkDotNet.Running;
using SupportBot.Benchmarks;

// "latency" prints per-query, per-prediction and per-turn distributions; "load [conversations] [seconds] [instances]"
// drives Direct Line end to end next to a bare echo server (on PostgreSQL when SUPPORTBOT_LOAD_POSTGRES holds a
// connection string; several instances need it); "intents150 folder" writes a 150-intent set of the public
// benchmarks' size for timing `eval intents`; anything else goes to BenchmarkDotNet (e.g. --filter '*').
if (args is ["load", ..])
{
    // Positional: conversations, seconds, instances; flags: --embeddings (the packaged model reads every message), --think MS,
    // --server URL (drive a bot already running with the load's secret instead of starting one; no echo run).
    var embeddings = args.Contains("--embeddings");
    string? Flag(string name) => Array.IndexOf(args, name) is var at && at > 0 && at + 1 < args.Length ? args[at + 1] : null;
    var think = Flag("--think") is { } ms ? int.Parse(ms, System.Globalization.CultureInfo.InvariantCulture) : 20;
    var server = Flag("--server") is { } url ? new Uri(url) : null;
    var flagValueAt = new[] { Array.IndexOf(args, "--think") + 1, Array.IndexOf(args, "--server") + 1 };
    var positional = args.Select((a, i) => (a, i)).Skip(1).Where(p => !p.a.StartsWith("--", StringComparison.Ordinal) && !flagValueAt.Contains(p.i)).Select(p => p.a).ToArray();
    var conversations = positional.Length > 0 ? int.Parse(positional[0], System.Globalization.CultureInfo.InvariantCulture) : 200;
    var seconds = positional.Length > 1 ? int.Parse(positional[1], System.Globalization.CultureInfo.InvariantCulture) : 60;
    var instances = positional.Length > 2 ? int.Parse(positional[2], System.Globalization.CultureInfo.InvariantCulture) : 1;
    var postgres = Environment.GetEnvironmentVariable("SUPPORTBOT_LOAD_POSTGRES");
    if (instances > 1 && string.IsNullOrEmpty(postgres))
    {
        Console.Error.WriteLine("load: several instances share state through PostgreSQL: set SUPPORTBOT_LOAD_POSTGRES to an Npgsql connection string");
        return;
    }

    await DirectLineLoad.RunAsync(Console.Out, new DirectLineLoad.Settings(conversations, seconds, instances, string.IsNullOrEmpty(postgres) ? null : postgres, embeddings, think, server));
    return;
}

if (args is ["intents150", var folder])
{
    SyntheticIntents.Write(folder);
    Console.WriteLine($"wrote {folder}/train.jsonl, valid.jsonl, test.jsonl (150 intents + oos); time it with: supportbot eval intents --train {folder}/train.jsonl --valid {folder}/valid.jsonl --test {folder}/test.jsonl --json");
    return;
}

if (args is ["kpis", ..])
{
    // "kpis [conversations]": times report kpis over a month of made-up conversations (default 100000).
    await KpiTiming.RunAsync(Console.Out, args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000);
    return;
}

// "gaps [messages]" times the content-gap report over generated unanswered messages (10,000 by default), cold and
// with embeddings cached; "gap-threshold" prints how the clustering threshold scores on the editors' working set.
if (args is ["gaps", ..])
{
    await GapBenchmark.RunAsync(Console.Out, args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000);
    return;
}

if (args is ["gap-threshold"])
{
    await GapThreshold.RunAsync(Console.Out);
    return;
}

if (args is ["telemetry-cost"])
{
    await TelemetryCost.RunAsync(Console.Out);
    return;
}

if (args is ["latency", ..])
{
    // "latency turns" skips the per-query runs (the 10k base takes minutes to embed on a cold cache);
    // "latency queries" runs only the per-query distributions.
    if (args is not [_, "turns"])
    {
        await QueryLatency.RunAsync(Console.Out);
    }

    if (args is not [_, "queries"])
    {
        await TurnLatency.RunAsync(Console.Out);
    }
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(KnowledgeQueryBenchmarks).Assembly).Run(args);
