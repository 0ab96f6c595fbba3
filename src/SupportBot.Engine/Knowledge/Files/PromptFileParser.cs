using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.SemanticKernel;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SupportBot.Knowledge.Files;

/// <summary>
/// Reads a reply prompt in Semantic Kernel's YAML prompt format (<c>name</c>, <c>template</c>,
/// <c>input_variables</c>, <c>execution_settings</c>) and checks what would otherwise fail at the first model call:
/// the template syntax, variables that are used but not declared, function calls (a reply prompt may only use
/// variables), and the settings' ranges. Every problem is reported at its line.
/// </summary>
internal static partial class PromptFileParser
{
    /// <summary>Variables the product fills itself; an editor's default for them would be ignored.</summary>
    private const string StoreVariable = "store";

    private static readonly string[] KnownFields = ["name", "description", "template_format", "template", "input_variables", "execution_settings"];
    private static readonly string[] RequiredVariables = ["persona", "source_label"];

    public static ReplyPrompt? Parse(string text, string displayPath, StorePolicies policies, DiagnosticBag diagnostics)
    {
        var errorsBefore = diagnostics.ErrorCountFor(displayPath);
        var yaml = new YamlDocumentReader(displayPath, 1, diagnostics);
        var root = yaml.ParseMapping(text, "prompt file");
        if (root is null)
        {
            return null;
        }

        var config = new PromptTemplateConfig { AllowDangerouslySetContent = true };
        YamlScalarNode? templateNode = null;
        double? temperature = null;
        int? maxTokens = null;
        foreach (var (keyNode, value) in root.Children)
        {
            var key = YamlDocumentReader.KeyOf(keyNode);
            switch (key)
            {
                case "name": config.Name = yaml.Scalar(value, key); break;
                case "description": config.Description = yaml.Scalar(value, key); break;
                case "template_format":
                    var format = yaml.Scalar(value, key);
                    if (format is not null && format != PromptTemplateConfig.SemanticKernelTemplateFormat)
                    {
                        diagnostics.Error(displayPath, yaml.LineOf(value), $"template_format '{format}' is not supported; use '{PromptTemplateConfig.SemanticKernelTemplateFormat}'");
                    }

                    break;
                case "template":
                    templateNode = value as YamlScalarNode;
                    if (templateNode is null)
                    {
                        diagnostics.Error(displayPath, yaml.LineOf(value), "'template' must be text (write it as a block after 'template: |')");
                    }

                    break;
                case "input_variables": ReadVariables(value, yaml, config); break;
                case "execution_settings": (temperature, maxTokens) = ReadSettings(value, yaml); break;
                default:
                    diagnostics.Warning(displayPath, yaml.LineOf(keyNode), $"unknown field '{key}' is ignored (known: {string.Join(", ", KnownFields)})");
                    break;
            }
        }

        var template = templateNode?.Value?.Trim();
        if (string.IsNullOrEmpty(template))
        {
            diagnostics.Error(displayPath, templateNode is null ? 1 : yaml.LineOf(templateNode), "the prompt needs a 'template': the instructions for the model");
            return null;
        }

        config.Template = template;
        var templateLine = yaml.LineOf(templateNode!) + (templateNode!.Style is ScalarStyle.Literal or ScalarStyle.Folded ? 1 : 0);
        CheckTemplate(template, templateLine, config, displayPath, diagnostics);
        foreach (var required in RequiredVariables)
        {
            if (string.IsNullOrWhiteSpace(Default(config, required)))
            {
                diagnostics.Error(displayPath, yaml.LineOf(root), $"input_variables must give '{required}' a default value");
            }
        }

        if (diagnostics.ErrorCountFor(displayPath) > errorsBefore)
        {
            return null;
        }

        var values = config.InputVariables.ToDictionary(v => v.Name, v => v.Default?.ToString() ?? "", StringComparer.Ordinal);
        values[StoreVariable] = policies.GetText("store.name") ?? "this store";
        var rendered = Render(template, values);
        return new ReplyPrompt(config, rendered.Trim(), Default(config, "persona")!, Default(config, "source_label")!,
            Default(config, "sign_off") ?? "", temperature, maxTokens, new SourceLocation(displayPath, 1));
    }

    private static string? Default(PromptTemplateConfig config, string name) =>
        config.InputVariables.FirstOrDefault(v => v.Name == name)?.Default?.ToString()?.Trim();

    private static void ReadVariables(YamlNode value, YamlDocumentReader yaml, PromptTemplateConfig config)
    {
        if (value is not YamlSequenceNode list)
        {
            yaml.Diagnostics.Error(yaml.DisplayPath, yaml.LineOf(value), "'input_variables' must be a list of '- name: …' items");
            return;
        }

        foreach (var item in list.Children)
        {
            if (item is not YamlMappingNode map)
            {
                yaml.Diagnostics.Error(yaml.DisplayPath, yaml.LineOf(item), "each input variable must be a map with 'name', 'description' and 'default'");
                continue;
            }

            var variable = new InputVariable { AllowDangerouslySetContent = true };
            foreach (var (keyNode, field) in map.Children)
            {
                var key = YamlDocumentReader.KeyOf(keyNode);
                switch (key)
                {
                    case "name": variable.Name = yaml.Scalar(field, key) ?? ""; break;
                    case "description": variable.Description = yaml.Scalar(field, key) ?? ""; break;
                    case "default": variable.Default = field is YamlScalarNode s ? s.Value ?? "" : yaml.Scalar(field, key); break;
                    default:
                        yaml.Diagnostics.Warning(yaml.DisplayPath, yaml.LineOf(keyNode), $"unknown field '{key}' of an input variable is ignored");
                        break;
                }
            }

            if (!VariableName().IsMatch(variable.Name))
            {
                yaml.Diagnostics.Error(yaml.DisplayPath, yaml.LineOf(item), $"input variable name '{variable.Name}' must be letters, digits and '_'");
            }
            else if (config.InputVariables.Any(v => v.Name == variable.Name))
            {
                yaml.Diagnostics.Error(yaml.DisplayPath, yaml.LineOf(item), $"input variable '{variable.Name}' is declared twice");
            }
            else
            {
                if (variable.Name == StoreVariable && variable.Default is string { Length: > 0 })
                {
                    yaml.Diagnostics.Warning(yaml.DisplayPath, yaml.LineOf(item), "'store' is filled from policies.yml (store.name); this default is ignored");
                }

                config.InputVariables.Add(variable);
            }
        }
    }

    private static (double? Temperature, int? MaxTokens) ReadSettings(YamlNode value, YamlDocumentReader yaml)
    {
        double? temperature = null;
        int? maxTokens = null;
        if (value is not YamlMappingNode services)
        {
            yaml.Diagnostics.Error(yaml.DisplayPath, yaml.LineOf(value), "'execution_settings' must be a map, e.g. 'default:' with 'temperature' and 'max_tokens'");
            return (null, null);
        }

        foreach (var (serviceKey, settings) in services.Children)
        {
            if (settings is not YamlMappingNode map)
            {
                yaml.Diagnostics.Error(yaml.DisplayPath, yaml.LineOf(settings), $"execution settings '{YamlDocumentReader.KeyOf(serviceKey)}' must be a map");
                continue;
            }

            foreach (var (keyNode, field) in map.Children)
            {
                var key = YamlDocumentReader.KeyOf(keyNode);
                var text = yaml.Scalar(field, key);
                switch (key)
                {
                    case "temperature" when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var t) && t is >= 0 and <= 2:
                        temperature = t;
                        break;
                    case "temperature":
                        yaml.Diagnostics.Error(yaml.DisplayPath, yaml.LineOf(field), $"temperature must be a number from 0 to 2 (got '{text}')");
                        break;
                    case "max_tokens" when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is > 0 and <= 100_000:
                        maxTokens = m;
                        break;
                    case "max_tokens":
                        yaml.Diagnostics.Error(yaml.DisplayPath, yaml.LineOf(field), $"max_tokens must be a whole number above 0 (got '{text}')");
                        break;
                    default:
                        yaml.Diagnostics.Warning(yaml.DisplayPath, yaml.LineOf(keyNode), $"execution setting '{key}' is ignored (known: temperature, max_tokens)");
                        break;
                }
            }
        }

        return (temperature, maxTokens);
    }

    private static void CheckTemplate(string template, int firstLine, PromptTemplateConfig config, string displayPath, DiagnosticBag diagnostics)
    {
        var declared = config.InputVariables.Select(v => v.Name).Append(StoreVariable).ToHashSet(StringComparer.Ordinal);
        foreach (var block in Blocks(template))
        {
            var line = firstLine + template.AsSpan(0, block.Start).Count('\n');
            if (block.End < 0)
            {
                diagnostics.Error(displayPath, line, "'{{' is never closed with '}}'");
                return;
            }

            if (block.Variable is not { } name)
            {
                diagnostics.Error(displayPath, line, $"'{{{{{block.Text}}}}}' is not allowed: a reply prompt may only use variables such as {{{{$persona}}}}");
            }
            else if (!declared.Contains(name))
            {
                diagnostics.Error(displayPath, line, $"variable '${name}' is not declared in input_variables");
            }
        }
    }

    /// <summary>
    /// The template with each <c>{{$name}}</c> replaced by its value, as Semantic Kernel's template engine would with
    /// content allowed through unencoded; the template has been checked, so every block is a declared variable. Done
    /// here because the engine only renders asynchronously, and the knowledge loads synchronously.
    /// </summary>
    private static string Render(string template, Dictionary<string, string> values)
    {
        var rendered = new System.Text.StringBuilder(template.Length);
        var copied = 0;
        foreach (var block in Blocks(template))
        {
            rendered.Append(template, copied, block.Start - copied).Append(values[block.Variable!]);
            copied = block.End + 2;
        }

        return rendered.Append(template, copied, template.Length - copied).ToString();
    }

    /// <summary>The template's <c>{{ … }}</c> blocks in order; the last has <see cref="TemplateBlock.End"/> -1 when it is never closed.</summary>
    private static IEnumerable<TemplateBlock> Blocks(string template)
    {
        var position = 0;
        while ((position = template.IndexOf("{{", position, StringComparison.Ordinal)) >= 0)
        {
            var end = template.IndexOf("}}", position + 2, StringComparison.Ordinal);
            if (end < 0)
            {
                yield return new TemplateBlock(position, -1, "", null);
                yield break;
            }

            var text = template[(position + 2)..end].Trim();
            var variable = VariableBlock().Match(text);
            yield return new TemplateBlock(position, end, text, variable.Success ? variable.Groups["name"].Value : null);
            position = end + 2;
        }
    }

    /// <param name="Start">Where its <c>{{</c> is.</param>
    /// <param name="End">Where its <c>}}</c> is (-1: never closed).</param>
    /// <param name="Text">What is between them, trimmed.</param>
    /// <param name="Variable">The variable's name when the block is one (<c>$name</c>), else null.</param>
    private readonly record struct TemplateBlock(int Start, int End, string Text, string? Variable);

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VariableName();

    [GeneratedRegex(@"^\$(?<name>[A-Za-z_][A-Za-z0-9_]*)$")]
    private static partial Regex VariableBlock();
}
