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

        var store = policies.GetText("store.name") ?? "this store";
        var arguments = new KernelArguments();
        foreach (var variable in config.InputVariables)
        {
            arguments[variable.Name] = variable.Default?.ToString() ?? "";
        }

        arguments[StoreVariable] = store;
        string rendered;
        try
        {
            // Rendering fills variables only (functions are refused above), so it completes without waiting.
            rendered = new KernelPromptTemplateFactory { AllowDangerouslySetContent = true }.Create(config).RenderAsync(new Kernel(), arguments).GetAwaiter().GetResult();
        }
        catch (KernelException ex)
        {
            diagnostics.Error(displayPath, templateLine, $"the template cannot be rendered: {ex.Message}");
            return null;
        }

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
        var position = 0;
        while ((position = template.IndexOf("{{", position, StringComparison.Ordinal)) >= 0)
        {
            var line = firstLine + template.AsSpan(0, position).Count('\n');
            var end = template.IndexOf("}}", position + 2, StringComparison.Ordinal);
            if (end < 0)
            {
                diagnostics.Error(displayPath, line, "'{{' is never closed with '}}'");
                return;
            }

            var block = template[(position + 2)..end].Trim();
            var variable = VariableBlock().Match(block);
            if (!variable.Success)
            {
                diagnostics.Error(displayPath, line, $"'{{{{{block}}}}}' is not allowed: a reply prompt may only use variables such as {{{{$persona}}}}");
            }
            else if (!declared.Contains(variable.Groups["name"].Value))
            {
                diagnostics.Error(displayPath, line, $"variable '${variable.Groups["name"].Value}' is not declared in input_variables");
            }

            position = end + 2;
        }
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VariableName();

    [GeneratedRegex(@"^\$(?<name>[A-Za-z_][A-Za-z0-9_]*)$")]
    private static partial Regex VariableBlock();
}
