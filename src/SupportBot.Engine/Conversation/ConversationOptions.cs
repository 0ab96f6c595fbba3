using System.ComponentModel.DataAnnotations;

namespace SupportBot.Conversation;

/// <summary>Settings of the <c>Conversation</c> section: how the bot presents itself and when it offers choices.</summary>
public sealed class ConversationOptions
{
    public const string SectionName = "Conversation";

    /// <summary>Small talk (greeting, thanks…) is answered only when the intent is at least this sure.</summary>
    /// <value>Default 0.5.</value>
    [Range(0.0, 1.0)]
    public double SmallTalkConfidence { get; set; } = 0.5;

    /// <summary>An order intent at least this sure starts its flow (status, return, cancellation…).</summary>
    /// <value>Default 0.5.</value>
    [Range(0.0, 1.0)]
    public double FlowConfidence { get; set; } = 0.5;

    /// <summary>Answers whose confidence is within this margin of the best are offered as "Did you mean …?".</summary>
    /// <value>Default 0.08.</value>
    [Range(0.0, 1.0)]
    public double AmbiguityMargin { get; set; } = 0.08;

    /// <summary>Below the answer bar but above this, the best answers are offered as choices instead of a guess.</summary>
    /// <value>Default 0.25.</value>
    [Range(0.0, 1.0)]
    public double SuggestionConfidence { get; set; } = 0.25;
}
