using System.Text.Json;

namespace SupportBot.Evaluation.Conversations;

/// <summary>Compares a run with an earlier one (<c>--baseline run.json</c>): what broke since, and what got fixed.</summary>
internal static class BaselineComparer
{
    /// <summary>How a conversation is recognised across runs: its file and its name in the file.</summary>
    /// <remarks>Separators are made forward slashes so a baseline recorded on Windows still matches on a Linux CI runner.</remarks>
    public static string Key(ConversationResult conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return conversation.Path.Replace('\\', '/') + "#" + conversation.Name;
    }

    /// <summary>
    /// Regressions passed in the baseline and now fail, are flaky or error; fixes did not pass then and pass now.
    /// Conversations new since the baseline are neither. Both lists follow the current run's order.
    /// </summary>
    public static BaselineComparison Compare(ConversationRun baseline, ConversationRun current)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        var before = new Dictionary<string, ConversationOutcome>(StringComparer.Ordinal);
        foreach (var conversation in baseline.Conversations)
        {
            before.TryAdd(Key(conversation), conversation.Outcome);
        }

        var regressions = new List<string>();
        var fixes = new List<string>();
        foreach (var conversation in current.Conversations)
        {
            var key = Key(conversation);
            if (!before.TryGetValue(key, out var then))
            {
                continue;
            }

            var passedThen = then == ConversationOutcome.Passed;
            var passesNow = conversation.Outcome == ConversationOutcome.Passed;
            if (passedThen && !passesNow)
            {
                regressions.Add(key);
            }
            else if (!passedThen && passesNow)
            {
                fixes.Add(key);
            }
        }

        return new BaselineComparison(regressions, fixes);
    }

    /// <summary>Reads a run written with <see cref="ConversationJson.Options"/>; null and a one-line reason when it is not one.</summary>
    public static ConversationRun? ReadBaseline(string json, out string? error)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            var run = JsonSerializer.Deserialize<ConversationRun>(json, ConversationJson.Options);
            error = run is null ? "the baseline is JSON null, not a run" : null;
            return run;
        }
        catch (JsonException ex)
        {
            // The serializer's message ends with its own "Path: … | LineNumber: …" (zero-based); say it the way editors count.
            var reason = ex.Message.Split(" Path:")[0].TrimEnd('.').Replace(typeof(ConversationRun).Namespace + ".", "", StringComparison.Ordinal);
            var where = ex.LineNumber is { } line ? $"line {line + 1}, column {(ex.BytePositionInLine ?? 0) + 1}" : "the baseline";
            var path = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "" : $" (at {ex.Path})";
            error = $"not a conversation run: {where}{path}: {reason}";
            return null;
        }
    }

    /// <summary><see cref="ReadBaseline(string, out string?)"/> from a file; a file that cannot be read is an error too.</summary>
    public static ConversationRun? ReadBaselineFile(string path, out string? error)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = $"{path}: cannot read the baseline: {ex.Message}";
            return null;
        }

        var run = ReadBaseline(json, out var reason);
        error = reason is null ? null : $"{path}: {reason}";
        return run;
    }
}
