using System.Text.RegularExpressions;
using SupportBot.Knowledge.Files;
using YamlDotNet.RepresentationModel;

namespace SupportBot.Knowledge.Intents;

/// <summary>An intent as an editor defines it in <c>knowledge/intents/*.yml</c>.</summary>
internal sealed record IntentDefinition(string Name, string? Description, IReadOnlyList<LocatedText> Examples, SourceLocation Source);

/// <summary>Reads one intent file: <c>intent</c>, optional <c>description</c>, and <c>examples</c>, each problem at its line.</summary>
internal static partial class IntentFileParser
{
    private static readonly string[] KnownFields = ["intent", "description", "examples"];

    public static IntentDefinition? Parse(string text, string displayPath, DiagnosticBag diagnostics)
    {
        var errorsBefore = diagnostics.ErrorCountFor(displayPath);
        var yaml = new YamlDocumentReader(displayPath, 1, diagnostics);
        var root = yaml.ParseMapping(text, "intent file");
        if (root is null)
        {
            return null;
        }

        string? name = null, description = null;
        IReadOnlyList<(string Text, int Line)> examples = [];
        var nameLine = 1;
        foreach (var (keyNode, value) in root.Children)
        {
            var key = YamlDocumentReader.KeyOf(keyNode);
            switch (key)
            {
                case "intent":
                    name = yaml.Scalar(value, key);
                    nameLine = yaml.LineOf(keyNode);
                    break;
                case "description": description = yaml.Scalar(value, key); break;
                case "examples": examples = yaml.List(value, key, allowCommaSeparated: false); break;
                default:
                    diagnostics.Warning(displayPath, yaml.LineOf(keyNode), $"unknown field '{key}' is ignored (known: {string.Join(", ", KnownFields)})");
                    break;
            }
        }

        if (name is null)
        {
            diagnostics.Error(displayPath, 1, "missing 'intent' (its name, e.g. order_status)");
        }
        else if (!NamePattern().IsMatch(name))
        {
            diagnostics.Error(displayPath, nameLine, $"intent '{name}' must be lowercase words joined by '_', e.g. 'order_status'");
        }

        if (examples.Count == 0)
        {
            diagnostics.Error(displayPath, root.Children.Count == 0 ? 1 : yaml.LineOf(root), "an intent needs 'examples': a list of things shoppers say");
        }

        return diagnostics.ErrorCountFor(displayPath) > errorsBefore
            ? null
            : new IntentDefinition(name!, description, examples.Select(e => new LocatedText(e.Text, e.Line)).ToList(), new SourceLocation(displayPath, nameLine));
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    internal static partial Regex NamePattern();
}
