using System.Text.Json;
using SupportBot.Schema;
using SupportBot.Handoff;
using SupportBot.Orders;

namespace SupportBot.Conversation;

/// <summary>
/// Everything the bot remembers about one conversation between turns: the order flow (flow, step, slots, who the
/// shopper proved to be) and what the handoff rules count. Read from the store when a turn starts and saved with the
/// turn's transcript entries when it ends, so a restart or another instance carries on at the same step.
/// </summary>
internal sealed class ConversationState
{
    /// <summary>A conversation idle for this long starts afresh: flows and verifications lapse with it.</summary>
    public static readonly TimeSpan IdleLifetime = TimeSpan.FromMinutes(30);

    public OrderSession Order { get; init; } = new();

    public HandoffMemory Handoff { get; init; } = new();

    /// <summary>
    /// The language the conversation is in (two letters, docs/LANGUAGES.md): set by the channel's locale or the default
    /// at its start, changed only when the shopper clearly writes another. Also kept on the conversation's row, which
    /// outlives this state's idle expiry.
    /// </summary>
    public string? Language { get; set; }

    public string ToJson() => JsonSerializer.Serialize(this, ActivityJson.Options);

    /// <summary>The state saved as <paramref name="json"/>; a new conversation's when there is none.</summary>
    public static ConversationState FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? new ConversationState() : JsonSerializer.Deserialize<ConversationState>(json, ActivityJson.Options) ?? new ConversationState();
}
