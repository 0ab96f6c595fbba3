using SupportBot.Knowledge.Files;

namespace SupportBot.Knowledge;

/// <summary>
/// The starter <c>knowledge/prompts/reply.yaml</c>, compiled into the engine so a knowledge folder without prompts
/// (or with a broken one, which is reported) still has a persona and rules.
/// </summary>
internal static class BuiltInPrompt
{
    private const string ResourceName = "SupportBot.BuiltInReplyPrompt.yaml";

    public static ReplyPrompt Load(StorePolicies policies)
    {
        using var stream = typeof(BuiltInPrompt).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"resource {ResourceName} is missing from the build");
        using var reader = new StreamReader(stream);
        var diagnostics = new DiagnosticBag();
        return PromptFileParser.Parse(reader.ReadToEnd(), "(built-in reply prompt)", policies, diagnostics)
            ?? throw new InvalidOperationException("the built-in reply prompt is invalid: " + string.Join("; ", diagnostics.Items));
    }
}
