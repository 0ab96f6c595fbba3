using Microsoft.SemanticKernel;

namespace SupportBot.Knowledge;

/// <summary>
/// The editors' reply prompt (<c>knowledge/prompts/reply.yaml</c>): the persona and wording the local drafter uses,
/// and the system prompt a language model gets, rendered once per knowledge version because none of its variables
/// change between turns.
/// </summary>
internal sealed record ReplyPrompt(
    PromptTemplateConfig Config,
    string SystemPrompt,
    string Persona,
    string SourceLabel,
    string SignOff,
    double? Temperature,
    int? MaxTokens,
    SourceLocation Source)
{
    public const string FileName = "reply.yaml";
}
