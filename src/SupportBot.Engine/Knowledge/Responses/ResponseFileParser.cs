using SupportBot.Knowledge.Files;
using YamlDotNet.RepresentationModel;

namespace SupportBot.Knowledge.Responses;

/// <summary>
/// Reads one catalogue file: nested YAML maps whose dotted paths are the keys (<c>verify: ask_number: "…"</c> is
/// <c>verify.ask_number</c>), a text per key, or <c>one:</c> / <c>other:</c> for a sentence with a count. Checked
/// against the catalogue's <see cref="ResponseSchema"/>: unknown keys and placeholders are errors, a placeholder left
/// out is a warning, and a key the code needs is an error when the default file lacks it (what a translation lacks
/// is reported against the default file, by <see cref="TranslationChecks"/>).
/// </summary>
internal static class ResponseFileParser
{
    private static readonly string[] PluralForms = ["one", "other"];

    public static Dictionary<string, ResponseTemplate> Parse(string text, string displayPath, ResponseSchema schema, bool isDefault, DiagnosticBag diagnostics)
    {
        var yaml = new YamlDocumentReader(displayPath, 1, diagnostics);
        var texts = new Dictionary<string, ResponseTemplate>(StringComparer.Ordinal);
        var root = yaml.ParseMapping(text, $"the '{schema.Name}' catalogue");
        if (root is null)
        {
            return texts;
        }

        Read(root, "", yaml, schema, texts);
        foreach (var key in schema.Keys.Keys.Where(k => isDefault && !texts.ContainsKey(k)).Order(StringComparer.Ordinal))
        {
            diagnostics.Error(displayPath, 1, $"missing key '{key}': the bot needs this sentence");
        }

        return texts;
    }

    private static void Read(YamlMappingNode map, string prefix, YamlDocumentReader yaml, ResponseSchema schema, Dictionary<string, ResponseTemplate> texts)
    {
        foreach (var (keyNode, value) in map.Children)
        {
            var key = prefix + YamlDocumentReader.KeyOf(keyNode);
            var line = yaml.LineOf(keyNode);
            if (value is YamlMappingNode plural && IsPlural(plural))
            {
                Add(key, line, Text(plural, "other"), Text(plural, "one"), yaml, schema, texts);
            }
            else if (value is YamlMappingNode section)
            {
                Read(section, key + ".", yaml, schema, texts);
            }
            else if (value is YamlScalarNode { Value: { } scalar })
            {
                Add(key, line, scalar, null, yaml, schema, texts);
            }
            else
            {
                yaml.Diagnostics.Error(yaml.DisplayPath, line, $"'{key}' must be a text, a map of keys, or 'one:' and 'other:' texts");
            }
        }
    }

    private static bool IsPlural(YamlMappingNode map) =>
        map.Children.Keys.All(k => PluralForms.Contains(YamlDocumentReader.KeyOf(k), StringComparer.Ordinal))
        && map.Children.Keys.Any(k => YamlDocumentReader.KeyOf(k) == "other");

    private static string? Text(YamlMappingNode map, string form) =>
        map.Children.FirstOrDefault(c => YamlDocumentReader.KeyOf(c.Key) == form).Value is YamlScalarNode { Value: { } text } ? text : null;

    private static void Add(string key, int line, string? text, string? one, YamlDocumentReader yaml, ResponseSchema schema, Dictionary<string, ResponseTemplate> texts)
    {
        var (path, diagnostics) = (yaml.DisplayPath, yaml.Diagnostics);
        if (!schema.Keys.TryGetValue(key, out var allowed))
        {
            var section = key.Contains('.', StringComparison.Ordinal) ? key[..key.LastIndexOf('.')] + "." : "";
            var siblings = schema.Keys.Keys.Where(k => section.Length > 0 && k.StartsWith(section, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
            diagnostics.Error(path, line, $"unknown key '{key}'" + (siblings.Count > 0 ? $" (known in '{section.TrimEnd('.')}': {string.Join(", ", siblings.Select(s => s[section.Length..]))})" : ""));
            return;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Error(path, line, $"'{key}' is empty");
            return;
        }

        var template = new ResponseTemplate(text, one, line);
        var usable = allowed.Append(ResponseTemplate.CountPlaceholder).ToHashSet(StringComparer.Ordinal);
        foreach (var unknown in template.Placeholders.Where(p => !usable.Contains(p)))
        {
            diagnostics.Error(path, line, $"'{key}' uses unknown placeholder {{{unknown}}}"
                + (allowed.Count > 0 ? $" (it may use: {string.Join(", ", allowed.Select(a => "{" + a + "}"))})" : " (it takes none)"));
        }

        foreach (var missing in allowed.Where(a => !template.Placeholders.Contains(a, StringComparer.Ordinal)))
        {
            diagnostics.Warning(path, line, $"'{key}' does not use {{{missing}}}: the shopper won't see it");
        }

        texts[key] = template;
    }
}
