namespace SupportBot.Evaluation.Conversations;

/// <summary>
/// Finds and reads the conversations of a run: <c>.chat</c> and <c>.transcript</c> files given one by one or in
/// folders (searched recursively, in name order). A file that cannot be read becomes a problem; the rest still run.
/// </summary>
internal static class ConversationFiles
{
    public static readonly string[] Extensions = [".chat", ".transcript"];

    public static (IReadOnlyList<ScriptedConversation> Scripts, IReadOnlyList<FileProblem> Problems) Load(IEnumerable<string> paths, string relativeTo)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var scripts = new List<ScriptedConversation>();
        var problems = new List<FileProblem>();
        foreach (var file in paths.SelectMany(Expand).Distinct(StringComparer.Ordinal))
        {
            var display = Path.GetRelativePath(relativeTo, file).Replace('\\', '/');
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problems.Add(new FileProblem(display, 1, "cannot be read: " + ex.Message));
                continue;
            }

            var (script, found) = file.EndsWith(".transcript", StringComparison.OrdinalIgnoreCase)
                ? TranscriptFileParser.Parse(text, display)
                : ChatFileParser.Parse(text, display);
            problems.AddRange(found);
            if (script is not null)
            {
                scripts.Add(script);
            }
        }

        return (scripts, problems);
    }

    private static IEnumerable<string> Expand(string path)
    {
        if (Directory.Exists(path))
        {
            return Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Where(f => Extensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
                .Select(Path.GetFullPath)
                .Order(StringComparer.Ordinal);
        }

        return File.Exists(path) ? [Path.GetFullPath(path)] : throw new FileNotFoundException($"'{path}' is neither a file nor a folder", path);
    }
}
