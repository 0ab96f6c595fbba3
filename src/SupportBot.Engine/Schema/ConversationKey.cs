using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Schema;

/// <summary>
/// Which conversation a turn belongs to, as the channel adapter that received it names it. Everything kept per
/// conversation (the turn lock, retries already answered, order sessions, handoffs, the transcript) is keyed by
/// <see cref="Value"/>, so a Bot Connector activity that names a Direct Line conversation's id is another
/// conversation and never reaches its state, nor the reverse. The adapter is part of the key, not the activity's
/// <c>channelId</c>: Azure Bot Service has a channel that is itself called "directline".
/// </summary>
[JsonConverter(typeof(ConversationKeyJsonConverter))]
internal readonly record struct ConversationKey
{
    private const string BotConnectorPrefix = "bc:";

    private ConversationKey(string value, string channelConversationId, bool isAuthenticatedChannel)
    {
        Value = value;
        ChannelConversationId = channelConversationId;
        IsAuthenticatedChannel = isAuthenticatedChannel;
    }

    /// <summary>The key of everything stored about the conversation.</summary>
    public string Value { get; }

    /// <summary>The id the channel itself uses: replies and agents' messages go back under it.</summary>
    public string ChannelConversationId { get; }

    /// <summary>
    /// The adapter checked the channel's own credentials (a Bot Connector JWT). Only such a channel speaks for a
    /// contact centre (<c>handoff.*</c> events); a shopper's browser never does.
    /// </summary>
    public bool IsAuthenticatedChannel { get; }

    /// <summary>The conversation came through the Bot Connector endpoint (its replies go to a service URL).</summary>
    public bool IsBotConnector => Value.StartsWith(BotConnectorPrefix, StringComparison.Ordinal);

    /// <summary>
    /// Direct Line, and the in-process channels (terminal chat, evaluation): ids this server issued itself, used as
    /// they are, so stored transcripts and the agent console keep their ids.
    /// </summary>
    public static ConversationKey DirectLine(string conversationId)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        if (conversationId.StartsWith(BotConnectorPrefix, StringComparison.Ordinal))
        {
            throw new ArgumentException("A Direct Line conversation id never starts with the Bot Connector namespace.", nameof(conversationId));
        }

        return new ConversationKey(conversationId, conversationId, isAuthenticatedChannel: false);
    }

    /// <summary>A conversation of a Bot Connector channel, in a namespace of its own (<c>bc:{channel}:{id}</c>).</summary>
    public static ConversationKey BotConnector(string channelId, string conversationId, bool authenticated)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        if (!IsChannelId(channelId))
        {
            throw new ArgumentException($"'{channelId}' is not a channel id.", nameof(channelId));
        }

        return new ConversationKey($"{BotConnectorPrefix}{channelId}:{conversationId}", conversationId, authenticated);
    }

    /// <summary>The key of a stored conversation (a handoff ticket's), to reach its channel again outside a turn.</summary>
    public static ConversationKey Parse(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        if (!value.StartsWith(BotConnectorPrefix, StringComparison.Ordinal))
        {
            return DirectLine(value);
        }

        var rest = value[BotConnectorPrefix.Length..];
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && colon < rest.Length - 1
            ? new ConversationKey(value, rest[(colon + 1)..], isAuthenticatedChannel: false)
            : throw new FormatException($"'{value}' is not a conversation key.");
    }

    /// <summary>Bot Framework channel ids are short lowercase words (<c>msteams</c>, <c>webchat</c>, <c>twilio-sms</c>).</summary>
    public static bool IsChannelId(string? channelId) =>
        !string.IsNullOrEmpty(channelId) && channelId.Length <= 64 && channelId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <summary>The same key as read back from saved state, with the authentication its channel had.</summary>
    internal ConversationKey Authenticated(bool authenticated) => new(Value, ChannelConversationId, authenticated);

    public override string ToString() => Value;
}

/// <summary>Writes a key as its stored value and whether its channel was authenticated (a handoff offer in saved state carries one).</summary>
internal sealed class ConversationKeyJsonConverter : JsonConverter<ConversationKey>
{
    public override ConversationKey Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string? value = null;
        var authenticated = false;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A conversation key is an object.");
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            if (name == "value")
            {
                value = reader.GetString();
            }
            else if (name == "authenticated")
            {
                authenticated = reader.GetBoolean();
            }
        }

        var key = ConversationKey.Parse(value ?? throw new JsonException("A conversation key needs its value."));
        return key.IsBotConnector ? key.Authenticated(authenticated) : key;
    }

    public override void Write(Utf8JsonWriter writer, ConversationKey value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("value", value.Value);
        writer.WriteBoolean("authenticated", value.IsAuthenticatedChannel);
        writer.WriteEndObject();
    }
}
