using System.Text.Json;

namespace SupportBot.Benchmarks;

/// <summary>
/// What the load benchmark's shoppers say: every distinct message of the editors' labelled sets (FAQ questions,
/// intents, frustration, out of scope) and of the scripted conversations, about 1,400 in all, in a fixed shuffled
/// order. So many distinct texts keep any cache (vectors, spelling corrections, Lucene's) from flattering the figures.
/// The held-out FAQ set is left out: it is for measuring answers, not for load.
/// </summary>
internal static class LoadMessages
{
    private static readonly string[] LabelledSets = ["faq-questions.jsonl", "intents-test.jsonl", "intents-valid.jsonl", "frustration.jsonl", "out-of-scope.jsonl"];

    public static string[] Load()
    {
        var eval = Path.Combine(BenchmarkData.Root, "eval");
        var texts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var set in LabelledSets)
        {
            foreach (var line in File.ReadLines(Path.Combine(eval, set)).Where(l => l.Length > 0))
            {
                using var json = JsonDocument.Parse(line);
                if (json.RootElement.TryGetProperty("text", out var text) && text.GetString() is { Length: > 0 } value)
                {
                    texts.Add(value);
                }
            }
        }

        foreach (var script in Directory.EnumerateFiles(Path.Combine(eval, "conversations"), "*.chat", SearchOption.AllDirectories))
        {
            foreach (var line in File.ReadLines(script).Where(l => l.StartsWith("user: ", StringComparison.Ordinal)))
            {
                texts.Add(line["user: ".Length..].Trim());
            }
        }

        var shuffled = texts.Order(StringComparer.Ordinal).ToArray();
        new Random(20261205).Shuffle(shuffled);
        return shuffled;
    }
}
