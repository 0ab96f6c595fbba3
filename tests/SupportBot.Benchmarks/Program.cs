using BenchmarkDotNet.Running;
using SupportBot.Benchmarks;

// "latency" prints the per-query distribution; anything else goes to BenchmarkDotNet (e.g. --filter '*').
if (args is ["latency", ..])
{
    QueryLatency.Run(Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(KnowledgeQueryBenchmarks).Assembly).Run(args);
