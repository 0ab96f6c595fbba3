using BenchmarkDotNet.Running;
using SupportBot.Benchmarks;

// "latency" prints per-query, per-prediction and per-turn distributions; "load [conversations] [seconds]" drives Direct Line
// end to end next to a bare echo server; anything else goes to BenchmarkDotNet (e.g. --filter '*').
if (args is ["load", ..])
{
    var conversations = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200;
    var seconds = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 60;
    await DirectLineLoad.RunAsync(Console.Out, conversations, seconds);
    return;
}

if (args is ["latency", ..])
{
    QueryLatency.Run(Console.Out);
    await TurnLatency.RunAsync(Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(KnowledgeQueryBenchmarks).Assembly).Run(args);
