namespace SupportBot.Schema;

/// <summary>Who speaks for the shop: the bot's own account on every channel.</summary>
internal static class Participants
{
    public static ChannelAccount Bot { get; } = new("supportbot", "SupportBot", "bot");
}
