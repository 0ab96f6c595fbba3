using System.Text.Json;
using SupportBot.Tests.Understanding;

namespace SupportBot.Benchmarks;

/// <summary>
/// Writes the tests' 150-intent synthetic corpus (<see cref="SyntheticIntentCorpus"/>: the public benchmarks' shape,
/// 100 training, 20 validation and 30 test messages per intent, 100 / 100 / 1,000 out of scope) as the JSONL files
/// <c>supportbot eval intents --train … --valid … --test …</c> reads, so that command can be timed at that size.
/// </summary>
internal static class SyntheticIntents
{
    public static void Write(string folder)
    {
        Directory.CreateDirectory(folder);
        var (train, valid, test) = SyntheticIntentCorpus.Generate(intents: 150, oosTest: 1000);
        foreach (var (name, rows) in new[] { ("train", train), ("valid", valid), ("test", test) })
        {
            File.WriteAllLines(Path.Combine(folder, name + ".jsonl"), rows.Select(r => JsonSerializer.Serialize(new { text = r.Text, intent = r.Intent })));
        }
    }
}
