using YamlDotNet.RepresentationModel;

namespace SupportBot.Knowledge.Files;

/// <summary>Reads <c>policies.yml</c>: nested maps flattened to dotted paths; list items by index (<c>shipping.options.0.name</c>).</summary>
internal static class PolicyFileParser
{
    public static StorePolicies Parse(string text, string displayPath, DiagnosticBag diagnostics)
    {
        var reader = new YamlDocumentReader(displayPath, 1, diagnostics);
        var root = reader.ParseMapping(text, "policies.yml");
        if (root is null)
        {
            return StorePolicies.Empty;
        }

        var facts = new Dictionary<string, PolicyFact>(StringComparer.Ordinal);
        Flatten(root, "", reader, facts);
        return new StorePolicies(facts);
    }

    private static void Flatten(YamlNode node, string path, YamlDocumentReader reader, Dictionary<string, PolicyFact> facts)
    {
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    var name = YamlDocumentReader.KeyOf(key);
                    if (name.Length == 0 || name.Contains('.', StringComparison.Ordinal) || name.Any(char.IsWhiteSpace))
                    {
                        reader.Diagnostics.Error(reader.DisplayPath, reader.LineOf(key), $"policy name '{name}' must be one word without dots or spaces");
                        continue;
                    }

                    Flatten(value, path.Length == 0 ? name : $"{path}.{name}", reader, facts);
                }

                break;
            case YamlSequenceNode list:
                for (var i = 0; i < list.Children.Count; i++)
                {
                    Flatten(list.Children[i], $"{path}.{i}", reader, facts);
                }

                break;
            case YamlScalarNode scalar:
                if (!facts.TryAdd(path, new PolicyFact(path, scalar.Value ?? "", new SourceLocation(reader.DisplayPath, reader.LineOf(scalar)))))
                {
                    reader.Diagnostics.Error(reader.DisplayPath, reader.LineOf(scalar), $"policy '{path}' is defined twice");
                }

                break;
        }
    }
}
