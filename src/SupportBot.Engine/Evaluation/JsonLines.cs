using System.Text.Json;

namespace SupportBot.Evaluation;

/// <summary>A labelled-data file problem, reported as <c>path:line: message</c>.</summary>
internal sealed class DatasetException(string path, int line, string message) : Exception($"{path}:{line}: {message}")
{
    public string FilePath { get; } = path;

    public int Line { get; } = line;
}

/// <summary>Reads JSON Lines datasets: one object per line, blank lines and <c>//</c> comments skipped.</summary>
internal static class JsonLines
{
    public static IEnumerable<(T Item, int Line)> Read<T>(string path, JsonSerializerOptions options)
    {
        if (!File.Exists(path))
        {
            throw new DatasetException(path, 1, "file not found");
        }

        var line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            var trimmed = text.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            T? item;
            try
            {
                item = JsonSerializer.Deserialize<T>(trimmed, options);
            }
            catch (JsonException ex)
            {
                throw new DatasetException(path, line, $"not a valid JSON object: {ex.Message.Split(" Path:")[0]}");
            }

            yield return (item ?? throw new DatasetException(path, line, "expected a JSON object, found null"), line);
        }
    }
}
