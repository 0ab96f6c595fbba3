using System.Text.Json;
using SupportBot.Conversation;
using SupportBot.Schema;

namespace SupportBot.Tests.Support;

/// <summary>
/// The activities tests send, built one way: typed ones for the engine in process, and the wire shape a Bot
/// Connector channel posts to <c>/api/messages</c>. Each fills in only what a real client would.
/// </summary>
internal static class Activities
{
    /// <summary>A conversation id no other test uses: conversations are durable, and a shared one remembers earlier tests.</summary>
    public static string NewConversationId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    public static ChannelAccount Shopper(string id = "shopper", string? name = null) => new(id, name, "user");

    /// <summary>A shopper's message to the bot; <paramref name="clientActivityId"/> is Web Chat's own id for a retry.</summary>
    public static Activity Message(string text, string conversation, ChannelAccount? from = null, string? id = null, string channel = "test",
        string? clientActivityId = null) => new()
    {
        Type = ActivityTypes.Message,
        Id = id ?? conversation + "|1",
        Text = text,
        From = from ?? Shopper(),
        Recipient = ConversationEngine.Bot,
        Conversation = new ConversationAccount(conversation),
        ChannelId = channel,
        ChannelData = clientActivityId is null ? null : JsonSerializer.SerializeToElement(new { clientActivityID = clientActivityId }),
    };

    /// <summary>The conversation update a channel sends when <paramref name="member"/> joins.</summary>
    public static Activity Joined(string conversation, ChannelAccount member) => new()
    {
        Type = ActivityTypes.ConversationUpdate,
        Conversation = new ConversationAccount(conversation),
        MembersAdded = [member],
    };

    /// <summary>An event from the channel (a contact centre's <c>handoff.status</c>, say).</summary>
    public static Activity Event(string name, JsonElement value) => new() { Type = ActivityTypes.Event, Name = name, Value = value };

    /// <summary>A shopper's message as a Bot Connector channel posts it, for <c>PostAsJsonAsync("/api/messages", ...)</c>.</summary>
    public static object PostedByChannel(string serviceUrl, string conversation, string text, string? id = null, string channelId = "emulator") => new
    {
        type = ActivityTypes.Message,
        id = id ?? "act-" + Guid.NewGuid().ToString("N")[..6],
        text,
        serviceUrl,
        channelId,
        from = new { id = "user-1", name = "Sam", role = "user" },
        recipient = new { id = "bot-1", name = "Pip", role = "bot" },
        conversation = new { id = conversation },
    };
}
