using BenchmarkDotNet.Attributes;
using SupportBot.Knowledge;
using SupportBot.Knowledge.Search;

namespace SupportBot.Benchmarks;

/// <summary>One knowledge query (typo correction cache warm), cycling through real shoppers' questions.</summary>
[MemoryDiagnoser]
public class KnowledgeQueryBenchmarks
{
    private KnowledgeIndex _index = null!;
    private string[] _questions = null!;
    private int _next;

    [Params("starter", "10k")]
    public string Size { get; set; } = "starter";

    [GlobalSetup]
    public void Setup()
    {
        var knowledge = BenchmarkData.OfSize(Size);
        _index = KnowledgeIndex.Build(knowledge, new SearchOptions());
        _questions = BenchmarkData.Questions(knowledge);
        foreach (var question in _questions)
        {
            _index.Search(question);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _index.Dispose();

    [Benchmark]
    // Returned as object because the engine's result types are internal; BenchmarkDotNet still consumes the value.
    public object Query() => _index.Search(_questions[_next++ % _questions.Length]);
}

/// <summary>Building the index from loaded entries, as a reload does.</summary>
public class KnowledgeBuildBenchmarks
{
    private KnowledgeBase _knowledge = null!;

    [Params("starter", "10k")]
    public string Size { get; set; } = "starter";

    [GlobalSetup]
    public void Setup() => _knowledge = BenchmarkData.OfSize(Size);

    [Benchmark]
    public int Build()
    {
        using var index = KnowledgeIndex.Build(_knowledge, new SearchOptions());
        return index.Count;
    }
}
