using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SupportBot.Knowledge.Files;

/// <summary>
/// Parses YAML with the representation model so every value keeps its line, and turns parser failures
/// into diagnostics. Lines are reported in file coordinates: <c>firstLine</c> is where the YAML starts.
/// </summary>
internal sealed class YamlDocumentReader(string displayPath, int firstLine, DiagnosticBag diagnostics)
{
    public string DisplayPath => displayPath;

    public DiagnosticBag Diagnostics => diagnostics;

    public YamlMappingNode? ParseMapping(string yaml, string whatItIs)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            diagnostics.Error(displayPath, LineOf(ex.Start), $"invalid YAML: {Describe(ex)}");
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            diagnostics.Error(displayPath, firstLine, $"{whatItIs} is empty");
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            diagnostics.Error(displayPath, LineOf(stream.Documents[1].RootNode.Start), "only one YAML document is allowed here");
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode mapping)
        {
            diagnostics.Error(displayPath, LineOf(stream.Documents[0].RootNode.Start), $"{whatItIs} must be a YAML map of 'key: value' lines");
            return null;
        }

        return mapping;
    }

    public int LineOf(Mark mark) => firstLine + (int)Math.Max(0, mark.Line - 1);

    public int LineOf(YamlNode node) => LineOf(node.Start);

    public static string KeyOf(YamlNode key) => key is YamlScalarNode scalar ? scalar.Value ?? "" : key.ToString();

    /// <summary>A scalar value as trimmed text; reports a list or map where text was expected.</summary>
    public string? Scalar(YamlNode value, string key)
    {
        if (value is YamlScalarNode scalar)
        {
            var text = scalar.Value?.Trim();
            return string.IsNullOrEmpty(text) ? null : text;
        }

        diagnostics.Error(displayPath, LineOf(value), $"'{key}' must be a single value, not a list or map");
        return null;
    }

    /// <summary>
    /// A list of text values, written either as a YAML list or as one comma-separated value; each item keeps its line.
    /// </summary>
    public IReadOnlyList<(string Text, int Line)> List(YamlNode value, string key, bool allowCommaSeparated)
    {
        var items = new List<(string, int)>();
        switch (value)
        {
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children)
                {
                    if (item is YamlScalarNode { Value: { } text } && text.Trim().Length > 0)
                    {
                        items.Add((text.Trim(), LineOf(item)));
                    }
                    else if (item is YamlScalarNode)
                    {
                        diagnostics.Error(displayPath, LineOf(item), $"'{key}' has an empty item");
                    }
                    else
                    {
                        diagnostics.Error(displayPath, LineOf(item), $"each item of '{key}' must be text, not a list or map");
                    }
                }

                break;
            case YamlScalarNode { Value: { } text } when allowCommaSeparated:
                items.AddRange(text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(t => (t, LineOf(value))));
                break;
            case YamlScalarNode { Value: null or "" }:
                break;
            default:
                diagnostics.Error(displayPath, LineOf(value), $"'{key}' must be a list (one '- item' per line)");
                break;
        }

        return items;
    }

    private static string Describe(YamlException ex)
    {
        // YamlDotNet prefixes messages with "(Line: x, Col: y, Idx: z) - (…): "; the line is already in our prefix.
        var message = ex.InnerException?.Message ?? ex.Message;
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        message = cut >= 0 ? message[(cut + 3)..] : message;
        return message.Length == 0 ? "the YAML could not be parsed" : char.ToLowerInvariant(message[0]) + message[1..];
    }
}
