namespace SupportBot.Knowledge.Files;

/// <summary>A Markdown file split into its YAML front matter and its body, with the lines each starts on.</summary>
internal sealed record FrontMatterDocument(string Yaml, int YamlFirstLine, string Body, int BodyFirstLine)
{
    private const string Fence = "---";

    /// <summary>Splits <paramref name="text"/>; reports and returns null when the front matter is missing or unclosed.</summary>
    public static FrontMatterDocument? Split(string text, string displayPath, DiagnosticBag diagnostics)
    {
        var lines = text.Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != Fence)
        {
            diagnostics.Error(displayPath, 1, "missing front matter: the file must start with a line '---', then YAML, then '---'");
            return null;
        }

        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd() == Fence)
            {
                var yaml = string.Join('\n', lines, 1, i - 1);
                var body = string.Join('\n', lines, i + 1, lines.Length - i - 1);
                return new FrontMatterDocument(yaml, 2, body, i + 2);
            }
        }

        diagnostics.Error(displayPath, 1, "front matter is not closed: add a line '---' after the YAML");
        return null;
    }
}
