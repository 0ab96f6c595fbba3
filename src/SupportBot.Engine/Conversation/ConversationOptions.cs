using System.ComponentModel.DataAnnotations;

namespace SupportBot.Conversation;

/// <summary>Settings of the <c>Conversation</c> section: how the bot presents itself and when it offers choices.</summary>
internal sealed class ConversationOptions
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

}
