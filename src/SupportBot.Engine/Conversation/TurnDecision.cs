using System.Text.Json.Serialization;

namespace SupportBot.Conversation;

/// <summary>How the bot chose its reply; sent as a trace activity for evaluation and debugging.</summary>
public sealed record TurnDecision(
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("intent")] string? Intent,
    [property: JsonPropertyName("intentConfidence")] double IntentConfidence,
    [property: JsonPropertyName("faqId")] string? FaqId,
    [property: JsonPropertyName("faqConfidence")] double FaqConfidence,
    [property: JsonPropertyName("sources")] IReadOnlyList<string> Sources,
    [property: JsonPropertyName("entities")] IReadOnlyList<string> Entities)
{
    public const string Welcome = "welcome";
    public const string Answer = "answer";
    public const string Clarify = "clarify";
    public const string SmallTalk = "small_talk";
    public const string OutOfScope = "out_of_scope";
    public const string HumanContact = "human_contact";
    public const string NotUnderstood = "not_understood";
    public const string Ignored = "ignored";
}
