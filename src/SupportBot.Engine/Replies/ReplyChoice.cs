using System.Text.Json.Serialization;

namespace SupportBot.Replies;

/// <summary>
/// A button under a reply: pressing it sends <see cref="Sends"/> as the shopper's message. Saved in the conversation
/// state (the flow's pending choices), under the names older saved states used, so they still read.
/// </summary>
internal sealed record ReplyChoice(string Title, string? Value = null)
{
    /// <summary>What pressing it sends: its value, else its title.</summary>
    [JsonIgnore]
    public string Sends => Value ?? Title;

    /// <summary>The choices, one per title, each sending its title.</summary>
    public static IReadOnlyList<ReplyChoice> Of(params string[] titles) => [.. titles.Select(t => new ReplyChoice(t))];
}

/// <summary>A link a card offers (a carrier's tracking page).</summary>
internal sealed record ReplyLink(string Title, string Url);

/// <summary>A summary drawn as a card where the channel draws cards (an order's status); the reply's text carries the same facts.</summary>
internal sealed record ReplyCard(string Title, string? Subtitle, string? Text, IReadOnlyList<ReplyLink> Links);

/// <summary>Who a message is from, as the store page shows it.</summary>
internal enum Speaker
{
    Bot,
    Agent,
}

/// <summary>
/// What the bot says to the shopper, as plain values: the engine and the handoff desk decide these, and
/// <see cref="ActivityRenderer"/> alone turns them into a channel's activities.
/// </summary>
internal sealed record BotReply(string Text, IReadOnlyList<ReplyChoice> Choices, IReadOnlyList<ReplyCard> Cards)
{
    public BotReply(string text, IReadOnlyList<ReplyChoice>? choices = null)
        : this(text, choices ?? [], [])
    {
    }

    /// <summary>Where a handoff stands after this reply (queued, with an agent, back to the bot…), for the page; null when nothing changed.</summary>
    public string? HandoffState { get; init; }

    /// <summary>The agent a <see cref="HandoffState"/> names (who joined).</summary>
    public string? AgentName { get; init; }

    /// <summary>The same reply with <paramref name="more"/> after its text.</summary>
    public BotReply Append(string more) => this with { Text = Text + more };
}
