using System.Text.Json;
using BenchmarkDotNet.Attributes;
using SupportBot.Handoff;
using SupportBot.Knowledge.Frustration;

namespace SupportBot.Benchmarks;

/// <summary>
/// One frustration reading with the shipped lexicon, cycling through the labelled shop messages; each is compared with
/// three earlier shopper messages (its own when the set gives them), as a turn in a short conversation would be.
/// </summary>
[MemoryDiagnoser]
public class FrustrationBenchmarks
{
    private FrustrationLexicon _lexicon = null!;
    private (string Text, string[] Earlier)[] _turns = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _lexicon = BenchmarkData.Starter().Frustration;
        var rows = File.ReadLines(Path.Combine(BenchmarkData.Root, "eval", "frustration.jsonl"))
            .Select(line => JsonSerializer.Deserialize<Row>(line, JsonSerializerOptions.Web)!)
            .ToArray();
        _turns = rows
            .Select((row, i) => (row.Text, row.Earlier ?? [.. Enumerable.Range(1, 3).Select(back => rows[(i + rows.Length - back) % rows.Length].Text)]))
            .ToArray();
    }

    [Benchmark]
    // Returned as object because the engine's result types are internal; BenchmarkDotNet still consumes the value.
    public object Read()
    {
        var (text, earlier) = _turns[_next++ % _turns.Length];
        return FrustrationDetector.Read(_lexicon, text, earlier);
    }

    private sealed record Row(string Text, string[]? Earlier);
}
