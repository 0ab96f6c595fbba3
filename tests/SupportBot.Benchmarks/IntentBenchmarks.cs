using BenchmarkDotNet.Attributes;
using SupportBot.Understanding.Intents;

namespace SupportBot.Benchmarks;

/// <summary>One intent prediction with the model trained from the shipped knowledge, cycling through real messages.</summary>
[MemoryDiagnoser]
public class IntentPredictionBenchmarks
{
    private IntentModel _model = null!;
    private string[] _messages = null!;
    private int _next;

    [GlobalSetup]
    public async Task Setup()
    {
        var knowledge = BenchmarkData.Starter();
        _model = await IntentClassifierTrainer.TrainAsync(IntentTrainingSet.From(knowledge), null, new IntentOptions());
        _messages = BenchmarkData.Questions(knowledge);
        foreach (var message in _messages)
        {
            _model.Predict(message);
        }
    }

    [Benchmark]
    // Returned as object because the engine's result types are internal; BenchmarkDotNet still consumes the value.
    public object Predict() => _model.Predict(_messages[_next++ % _messages.Length]);
}
