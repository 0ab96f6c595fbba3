using System.Text.Json;
using System.Text.Json.Serialization;
using SupportBot.Languages;

namespace SupportBot.Evaluation;

/// <summary>One labelled message: its text, the language the conversation must be in after it, the language it was in before, the channel's locale.</summary>
internal sealed record LanguageExample(int Line, string Text, string Language, string? Previous, string? Channel);

/// <summary>A message whose language came out wrong.</summary>
internal sealed record LanguageMiss(int Line, string Text, string Expected, string Got, string? Previous, string Reason, string? Detected, double Confidence);

/// <summary>How the messages labelled one language fared.</summary>
internal sealed record LanguageScore(string Language, int Messages, int Correct, double Accuracy);

/// <summary>How many messages labelled <see cref="Expected"/> ended in <see cref="Got"/>.</summary>
internal sealed record LanguageConfusion(string Expected, string Got, int Count);

/// <summary>What loading the language models cost: how long, and the managed memory they hold.</summary>
internal sealed record ModelLoad(double Milliseconds, double Megabytes);

/// <summary>What <c>supportbot eval languages</c> reports (docs/LANGUAGES.md).</summary>
/// <param name="ShortMessages">Messages of fewer than three words (runs of non-spaces).</param>
/// <param name="ShortSwitches">Of those, the ones that changed the conversation's language: the gate is none.</param>
internal sealed record LanguageEvaluationReport(int Messages, int Correct, double Accuracy, int Switches, int ShortMessages, int ShortSwitches,
    IReadOnlyList<LanguageScore> PerLanguage, IReadOnlyList<LanguageConfusion> Confusion, IReadOnlyList<LanguageMiss> Misses, double P50Ms, double P99Ms)
{
    /// <summary>The models' load, when the caller measured it (the CLI does, before the first message).</summary>
    public ModelLoad? Models { get; init; }
}

/// <summary>
/// Runs the language rule (<see cref="LanguageResolver"/>) over a labelled set, each message as the next one of a
/// conversation that was in <c>previous</c> (null: a new conversation on a channel with locale <c>channel</c>).
/// </summary>
internal static class LanguageEvaluation
{
    private static readonly JsonSerializerOptions ReadOptions = new() { PropertyNameCaseInsensitive = true };

    private sealed record Row(string? Text, string? Language, string? Previous, string? Channel)
    {
        [JsonExtensionData]
        public Dictionary<string, JsonElement>? Other { get; init; }
    }

    /// <summary>Reads <c>{"text", "language", "previous", "channel"}</c> lines; a bad line stops the run as <c>path:line: message</c>.</summary>
    public static List<LanguageExample> Load(string path, IReadOnlyCollection<string> supported)
    {
        ArgumentNullException.ThrowIfNull(supported);
        var examples = new List<LanguageExample>();
        foreach (var (row, line) in JsonLines.Read<Row>(path, ReadOptions))
        {
            if (string.IsNullOrWhiteSpace(row.Text))
            {
                throw new DatasetException(path, line, "\"text\" is missing or empty");
            }

            if (row.Language is null || !supported.Contains(row.Language))
            {
                throw new DatasetException(path, line, $"\"language\" must be one of {string.Join(", ", supported)}");
            }

            if (row.Previous is not null && !supported.Contains(row.Previous))
            {
                throw new DatasetException(path, line, $"\"previous\" must be null or one of {string.Join(", ", supported)}");
            }

            if (row.Other is { Count: > 0 } other)
            {
                throw new DatasetException(path, line, $"unknown field \"{other.Keys.First()}\" (text, language, previous, channel)");
            }

            examples.Add(new LanguageExample(line, row.Text, row.Language, row.Previous, row.Channel));
        }

        return examples.Count > 0 ? examples : throw new DatasetException(path, 1, "the file has no examples");
    }

    public static async Task<LanguageEvaluationReport> RunAsync(LanguageResolver resolver, IReadOnlyList<LanguageExample> examples, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        ArgumentNullException.ThrowIfNull(examples);
        var misses = new List<LanguageMiss>();
        var pairs = new List<(string Expected, string Got)>();
        var took = new Latencies();
        int switches = 0, shortMessages = 0, shortSwitches = 0;
        foreach (var example in examples)
        {
            var start = resolver.Start(example.Previous, example.Channel);
            var decision = await took.TimeAsync(() => resolver.ResolveAsync(example.Previous, example.Channel, example.Text, pressed: false, cancellationToken)).ConfigureAwait(false);
            var switched = decision.Language != start;
            var isShort = example.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length < 3;
            switches += switched ? 1 : 0;
            shortMessages += isShort ? 1 : 0;
            shortSwitches += isShort && switched ? 1 : 0;
            pairs.Add((example.Language, decision.Language));
            if (decision.Language != example.Language)
            {
                misses.Add(new LanguageMiss(example.Line, example.Text, example.Language, decision.Language, example.Previous ?? start, decision.Reason,
                    decision.Guess?.Code, Math.Round(decision.Guess?.Confidence ?? 0, 3)));
            }
        }

        var correct = pairs.Count(p => p.Expected == p.Got);
        var perLanguage = pairs.GroupBy(p => p.Expected).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new LanguageScore(g.Key, g.Count(), g.Count(p => p.Expected == p.Got), Rate(g.Count(p => p.Expected == p.Got), g.Count())))
            .ToList();
        var confusion = pairs.GroupBy(p => p).OrderBy(g => g.Key.Expected, StringComparer.Ordinal).ThenBy(g => g.Key.Got, StringComparer.Ordinal)
            .Select(g => new LanguageConfusion(g.Key.Expected, g.Key.Got, g.Count()))
            .ToList();
        return new LanguageEvaluationReport(examples.Count, correct, Rate(correct, examples.Count), switches, shortMessages, shortSwitches, perLanguage, confusion, misses,
            took.Percentile(0.5), took.Percentile(0.99));
    }

    private static double Rate(int part, int whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 4);
}
