using SupportBot.Knowledge;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Knowledge;

/// <summary>The editors' reply prompt: the starter one loads clean, and every broken one is a located error with the built-in prompt kept in service.</summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class PromptFileTests
{
    private const string Valid = """
        name: reply
        template_format: semantic-kernel
        template: |
          You are {{$persona}} of {{$store}}.
          Tone: {{$tone}}
        input_variables:
          - name: persona
            default: Juniper
          - name: tone
            default: calm
          - name: sign_off
            default: "Happy shopping, the Larkspur team"
          - name: source_label
            default: Source
        execution_settings:
          default:
            temperature: 0.4
            max_tokens: 300
        """;

    private static KnowledgeBase Load(TempFolder folder) => new KnowledgeLoader(new KnowledgeOptions()).Load(folder.Path);

    [Fact]
    public void StarterPrompt_LoadsWithoutDiagnostics_AndRendersThePersonaAndStore()
    {
        var knowledge = new KnowledgeLoader(new KnowledgeOptions()).Load(RepoPaths.Knowledge);

        Assert.DoesNotContain(knowledge.Diagnostics, d => d.Path.Contains("prompts", StringComparison.Ordinal));
        Assert.Equal("Pip", knowledge.Prompt.Persona);
        Assert.Equal("From our help centre", knowledge.Prompt.SourceLabel);
        Assert.StartsWith("You are Pip, the virtual assistant of Larkspur & Pine.", knowledge.Prompt.SystemPrompt, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", knowledge.Prompt.SystemPrompt, StringComparison.Ordinal);
    }

    [Fact]
    public void EditorsPrompt_SetsPersonaSignOffLabelAndModelSettings()
    {
        using var folder = TempFolder.Create();
        folder.Write("policies.yml", "store:\n  name: Fern & Co\n");
        folder.Write("prompts/reply.yaml", Valid);

        var prompt = Load(folder).Prompt;

        Assert.Equal(("Juniper", "Happy shopping, the Larkspur team", "Source"), (prompt.Persona, prompt.SignOff, prompt.SourceLabel));
        Assert.Equal("You are Juniper of Fern & Co.\nTone: calm", prompt.SystemPrompt);
        Assert.Equal((0.4, 300), (prompt.Temperature, prompt.MaxTokens));
    }

    [Fact]
    public void NoPromptFile_UsesTheBuiltInPromptSilently()
    {
        using var folder = TempFolder.Create();
        folder.Write("faq/a.md", new FaqFile().ToString());

        var knowledge = Load(folder);

        Assert.Empty(knowledge.Diagnostics);
        Assert.Equal("Pip", knowledge.Prompt.Persona);
        Assert.Contains("[source:ID]", knowledge.Prompt.SystemPrompt, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, int, string> Broken() => new()
    {
        { "undeclared variable", Valid.Replace("Tone: {{$tone}}", "Tone: {{$mood}}", StringComparison.Ordinal), 5, "variable '$mood' is not declared" },
        { "function call", Valid.Replace("Tone: {{$tone}}", "Tone: {{time.now}}", StringComparison.Ordinal), 5, "may only use variables" },
        { "unclosed braces", Valid.Replace("Tone: {{$tone}}", "Tone: {{$tone", StringComparison.Ordinal), 5, "never closed" },
        { "temperature out of range", Valid.Replace("0.4", "7", StringComparison.Ordinal), 17, "temperature must be a number from 0 to 2" },
        { "max_tokens not a number", Valid.Replace("300", "lots", StringComparison.Ordinal), 18, "max_tokens must be a whole number" },
        { "no persona", Valid.Replace("default: Juniper", "default: \"\"", StringComparison.Ordinal), 1, "must give 'persona' a default" },
        { "handlebars", Valid.Replace("semantic-kernel", "handlebars", StringComparison.Ordinal), 2, "template_format 'handlebars' is not supported" },
        { "no template", "name: reply\ninput_variables: []\n", 1, "needs a 'template'" },
        { "variables as a map", "template: Hi {{$persona}}\ninput_variables:\n  persona: Pip\n", 3, "'input_variables' must be a list" },
        { "not YAML", "template: |\n  ok\nname: [a, b\n", 4, "invalid YAML" },
        { "a list", "- a\n- b\n", 1, "must be a YAML map" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void BrokenPrompt_IsALocatedError_AndTheBuiltInPromptStaysInService(string description, string text, int line, string expected)
    {
        using var folder = TempFolder.Create();
        folder.Write("prompts/reply.yaml", text);

        var knowledge = Load(folder);

        Assert.All(knowledge.Errors, e => Assert.EndsWith(Path.Combine("prompts", "reply.yaml"), e.Path, StringComparison.Ordinal));
        Assert.True(knowledge.Errors.Any(e => e.Line == line && e.Message.Contains(expected, StringComparison.Ordinal)),
            $"{description}: {string.Join("; ", knowledge.Errors)}");
        Assert.Equal("Pip", knowledge.Prompt.Persona);
    }

    [Fact]
    public void StrayFileInPrompts_IsAWarning()
    {
        using var folder = TempFolder.Create();
        folder.Write("faq/a.md", new FaqFile().ToString());
        folder.Write("prompts/reply.yaml", Valid);
        folder.Write("prompts/notes.txt", "ideas");

        var warning = Assert.Single(Load(folder).Diagnostics);

        Assert.Contains("unknown prompt file", warning.Message, StringComparison.Ordinal);
    }
}
