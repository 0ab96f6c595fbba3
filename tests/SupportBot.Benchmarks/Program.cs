using BenchmarkDotNet.Running;
using SupportBot.Benchmarks;

// "latency" prints per-query, per-prediction and per-turn distributions; "load [conversations] [seconds] [instances]"
// drives Direct Line end to end next to a bare echo server (on PostgreSQL when SUPPORTBOT_LOAD_POSTGRES holds a
// connection string; several instances need it); "intents150 folder" writes a 150-intent set of the public
// benchmarks' size for timing `eval intents`; anything else goes to BenchmarkDotNet (e.g. --filter '*').
if (args is ["load", ..])
{
    // Positional: conversations, seconds, instances; flags: --embeddings (the packaged model reads every message), --think MS.
    var embeddings = args.Contains("--embeddings");
    var thinkAt = Array.IndexOf(args, "--think");
    var think = thinkAt > 0 && thinkAt + 1 < args.Length ? int.Parse(args[thinkAt + 1], System.Globalization.CultureInfo.InvariantCulture) : 20;
    var positional = args.Skip(1).Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (thinkAt < 0 || i + 1 != thinkAt + 1)).ToArray();
    var conversations = positional.Length > 0 ? int.Parse(positional[0], System.Globalization.CultureInfo.InvariantCulture) : 200;
    var seconds = positional.Length > 1 ? int.Parse(positional[1], System.Globalization.CultureInfo.InvariantCulture) : 60;
    var instances = positional.Length > 2 ? int.Parse(positional[2], System.Globalization.CultureInfo.InvariantCulture) : 1;
    var postgres = Environment.GetEnvironmentVariable("SUPPORTBOT_LOAD_POSTGRES");
    if (instances > 1 && string.IsNullOrEmpty(postgres))
    {
        Console.Error.WriteLine("load: several instances share state through PostgreSQL: set SUPPORTBOT_LOAD_POSTGRES to an Npgsql connection string");
        return;
    }

    await DirectLineLoad.RunAsync(Console.Out, new DirectLineLoad.Settings(conversations, seconds, instances, string.IsNullOrEmpty(postgres) ? null : postgres, embeddings, think));
    return;
}

if (args is ["intents150", var folder])
{
    SyntheticIntents.Write(folder);
    Console.WriteLine($"wrote {folder}/train.jsonl, valid.jsonl, test.jsonl (150 intents + oos); time it with: supportbot eval intents --train {folder}/train.jsonl --valid {folder}/valid.jsonl --test {folder}/test.jsonl --json");
    return;
}

if (args is ["telemetry-cost"])
{
    await TelemetryCost.RunAsync(Console.Out);
    return;
}

if (args is ["latency", ..])
{
    // "latency turns" skips the per-query runs (the 10k base takes minutes to embed on a cold cache).
    if (args is not [_, "turns"])
    {
        await QueryLatency.RunAsync(Console.Out);
    }

    await TurnLatency.RunAsync(Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(KnowledgeQueryBenchmarks).Assembly).Run(args);
