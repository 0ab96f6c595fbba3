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
/// A Bot Framework activity with the schema's exact JSON names, so Web Chat, the Emulator and Azure Bot Service
/// read what we write. Unknown fields a client sends are kept in <see cref="Extra"/> and written back unchanged.
/// </summary>
internal sealed record Activity
{
    [JsonPropertyName("type")] public string Type { get; init; } = ActivityTypes.Message;

    [JsonPropertyName("id")] public string? Id { get; init; }

    [JsonPropertyName("timestamp")] public DateTimeOffset? Timestamp { get; init; }

    [JsonPropertyName("localTimestamp")] public DateTimeOffset? LocalTimestamp { get; init; }

    [JsonPropertyName("serviceUrl")] public string? ServiceUrl { get; init; }

    [JsonPropertyName("channelId")] public string? ChannelId { get; init; }

    [JsonPropertyName("from")] public ChannelAccount? From { get; init; }

    [JsonPropertyName("conversation")] public ConversationAccount? Conversation { get; init; }

    [JsonPropertyName("recipient")] public ChannelAccount? Recipient { get; init; }

    [JsonPropertyName("membersAdded")] public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }

    [JsonPropertyName("textFormat")] public string? TextFormat { get; init; }

    [JsonPropertyName("attachmentLayout")] public string? AttachmentLayout { get; init; }

    [JsonPropertyName("locale")] public string? Locale { get; init; }

    [JsonPropertyName("text")] public string? Text { get; init; }

    [JsonPropertyName("speak")] public string? Speak { get; init; }

    [JsonPropertyName("inputHint")] public string? InputHint { get; init; }

    [JsonPropertyName("suggestedActions")] public SuggestedActions? SuggestedActions { get; init; }

    [JsonPropertyName("attachments")] public IReadOnlyList<Attachment>? Attachments { get; init; }

    [JsonPropertyName("entities")] public IReadOnlyList<JsonElement>? Entities { get; init; }

    [JsonPropertyName("channelData")] public JsonElement? ChannelData { get; init; }

    [JsonPropertyName("replyToId")] public string? ReplyToId { get; init; }

    [JsonPropertyName("name")] public string? Name { get; init; }

    [JsonPropertyName("value")] public JsonElement? Value { get; init; }

    [JsonPropertyName("valueType")] public string? ValueType { get; init; }

    [JsonPropertyName("label")] public string? Label { get; init; }

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
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string? Name = null,
    [property: JsonPropertyName("role")] string? Role = null);

/// <summary>The conversation an activity belongs to.</summary>
internal sealed record ConversationAccount(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string? Name = null,
    [property: JsonPropertyName("isGroup")] bool? IsGroup = null);

/// <summary>Buttons under the latest bot message.</summary>
internal sealed record SuggestedActions(
    [property: JsonPropertyName("actions")] IReadOnlyList<CardAction> Actions,
    [property: JsonPropertyName("to")] IReadOnlyList<string>? To = null);

/// <summary>What a button does; <c>imBack</c> sends its value as the shopper's message.</summary>
internal sealed record CardAction(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("value")] object? Value = null,
    [property: JsonPropertyName("text")] string? Text = null,
    [property: JsonPropertyName("displayText")] string? DisplayText = null,
    [property: JsonPropertyName("image")] string? Image = null)
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
    [property: JsonPropertyName("contentType")] string ContentType,
    [property: JsonPropertyName("content")] object? Content = null,
    [property: JsonPropertyName("contentUrl")] string? ContentUrl = null,
    [property: JsonPropertyName("name")] string? Name = null,
    [property: JsonPropertyName("thumbnailUrl")] string? ThumbnailUrl = null)
{
    public const string HeroCardType = "application/vnd.microsoft.card.hero";
    public const string AdaptiveCardType = "application/vnd.microsoft.card.adaptive";
}

/// <summary>The hero card's content: a title, text and buttons.</summary>
internal sealed record HeroCard(
    [property: JsonPropertyName("title")] string? Title = null,
    [property: JsonPropertyName("subtitle")] string? Subtitle = null,
    [property: JsonPropertyName("text")] string? Text = null,
    [property: JsonPropertyName("buttons")] IReadOnlyList<CardAction>? Buttons = null,
    [property: JsonPropertyName("tap")] CardAction? Tap = null);

/// <summary>Serializer settings for activities on the wire: the schema's names, nulls left out.</summary>
internal static class ActivityJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// Whether a received activity can be stored and sent on: the reader accepts an escaped lone surrogate
    /// (<c>"\uD800"</c>) inside <c>channelData</c> or <c>value</c>, which no writer can write back, so such an
    /// activity is refused as bad input at the door instead of failing when it is committed.
    /// </summary>
    public static bool CanBeWritten(Activity activity)
    {
        try
        {
            JsonSerializer.Serialize(Stream.Null, activity, Options);
            return true;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return false;
        }
    }
}
