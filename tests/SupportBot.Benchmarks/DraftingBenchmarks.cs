using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Drafting;
using SupportBot.Knowledge;

namespace SupportBot.Benchmarks;

/// <summary>The local drafter alone: one grounded reply from the passages retrieved for a real question.</summary>
[MemoryDiagnoser]
public class LocalDraftBenchmarks
{
    private EngineForBenchmarks _engine = null!;
    private ReplyDrafter _drafter = null!;
    private DraftRequest[] _requests = null!;
    private int _next;

    [GlobalSetup]
    public async Task Setup()
    {
        _engine = await EngineForBenchmarks.StartAsync();
        _drafter = _engine.Services.GetRequiredService<ReplyDrafter>();
        var knowledge = _engine.Services.GetRequiredService<LiveKnowledge>().Current;
        _requests = BenchmarkData.Questions(knowledge.Knowledge)
            .Select(q => new DraftRequest(q, knowledge.Index.Search(q, 3).Hits, ShopperProfile.FromDisplayName("Ana")))
            .Where(r => r.Passages.Count > 0)
            .ToArray();
    }

    [GlobalCleanup]
    public async Task Cleanup() => await _engine.DisposeAsync();

    [Benchmark]
    // Returned as Task because the engine's Draft is internal; BenchmarkDotNet still awaits it.
    public Task Draft() => _drafter.DraftAsync(_requests[_next++ % _requests.Length]);
}
