using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Schema;

/// <summary>The Bot Framework activity types this bot sends or understands.</summary>
internal static class ActivityTypes
{
    public const string Message = "message";
    public const string Typing = "typing";
    public const string Event = "event";
    public const string ConversationUpdate = "conversationUpdate";
    public const string EndOfConversation = "endOfConversation";
    public const string Trace = "trace";
}

/// <summary>
/// A Bot Framework activity. Its JSON names are the schema's (camelCase, from <see cref="ActivityJson"/>), so Web Chat,
/// the Emulator and Azure Bot Service read what we write. Unknown fields a client sends are kept in <see cref="Extra"/> and written back unchanged.
/// </summary>
internal sealed record Activity
{
    public string Type { get; init; } = ActivityTypes.Message;

    public string? Id { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public DateTimeOffset? LocalTimestamp { get; init; }

    public string? ServiceUrl { get; init; }

    public string? ChannelId { get; init; }

    public ChannelAccount? From { get; init; }

    public ConversationAccount? Conversation { get; init; }

    public ChannelAccount? Recipient { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }

    public string? TextFormat { get; init; }

    public string? AttachmentLayout { get; init; }

    public string? Locale { get; init; }

    public string? Text { get; init; }

    public string? Speak { get; init; }

    public string? InputHint { get; init; }

    public SuggestedActions? SuggestedActions { get; init; }

    public IReadOnlyList<Attachment>? Attachments { get; init; }

    public IReadOnlyList<JsonElement>? Entities { get; init; }

    public JsonElement? ChannelData { get; init; }

    public string? ReplyToId { get; init; }

    public string? Name { get; init; }

    public JsonElement? Value { get; init; }

    public string? ValueType { get; init; }

    public string? Label { get; init; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; init; }

    /// <summary>The client's own id for a message it sent (Web Chat's <c>channelData.clientActivityID</c>), for idempotent retries.</summary>
    [JsonIgnore]
    public string? ClientActivityId =>
        ChannelData is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty("clientActivityID", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
}

/// <summary>A participant: the shopper, the bot, or an agent.</summary>
internal sealed record ChannelAccount(
    string Id,
    string? Name = null,
    string? Role = null);

/// <summary>The conversation an activity belongs to.</summary>
internal sealed record ConversationAccount(
    string Id,
    string? Name = null,
    bool? IsGroup = null);

/// <summary>Buttons under the latest bot message.</summary>
internal sealed record SuggestedActions(
    IReadOnlyList<CardAction> Actions,
    IReadOnlyList<string>? To = null);

/// <summary>What a button does; <c>imBack</c> sends its value as the shopper's message.</summary>
internal sealed record CardAction(
    string Type,
    string Title,
    object? Value = null,
    string? Text = null,
    string? DisplayText = null,
    string? Image = null)
{
    public const string ImBack = "imBack";
    public const string PostBack = "postBack";
    public const string OpenUrl = "openUrl";

    public static CardAction Say(string title, string? value = null) => new(ImBack, title, value ?? title);

    /// <summary>What pressing the button sends: its string value (as built, or as read back from JSON), else its title.</summary>
    public string ValueOrTitle() => Value switch
    {
        string text => text,
        JsonElement { ValueKind: JsonValueKind.String } element => element.GetString()!,
        _ => Title,
    };
}

/// <summary>A card or file attached to a message.</summary>
internal sealed record Attachment(
    string ContentType,
    object? Content = null,
    string? ContentUrl = null,
    string? Name = null,
    string? ThumbnailUrl = null)
{
    public const string HeroCardType = "application/vnd.microsoft.card.hero";
    public const string AdaptiveCardType = "application/vnd.microsoft.card.adaptive";
}

/// <summary>The hero card's content: a title, text and buttons.</summary>
internal sealed record HeroCard(
    string? Title = null,
    string? Subtitle = null,
    string? Text = null,
    IReadOnlyList<CardAction>? Buttons = null,
    CardAction? Tap = null);
