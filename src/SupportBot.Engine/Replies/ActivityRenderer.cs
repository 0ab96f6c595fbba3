using System.Text.Json;
using SupportBot.Schema;

namespace SupportBot.Replies;

/// <summary>
/// The one place replies become Bot Framework activities, for turns and for what the handoff desk sends outside
/// them: Markdown text, buttons as suggested actions, cards as hero cards on channels that draw them (others read
/// the same facts in the text), and the <c>channelData.supportbot</c> the store page reads to show who is talking.
/// </summary>
internal static class ActivityRenderer
{
    /// <summary>Channels that draw hero cards.</summary>
    private static readonly HashSet<string> CardChannels = new(StringComparer.OrdinalIgnoreCase) { "directline", "webchat", "emulator", "msteams" };

    /// <summary>The <c>channelData</c> of the bot's ordinary replies, made once.</summary>
    private static readonly JsonElement BotSpeaks = ChannelData(Speaker.Bot);

    public const string DecisionTraceName = "SupportBot.Decision";

    /// <summary>The bot's message on <paramref name="envelope"/> (who it goes to, on which channel, in reply to what).</summary>
    public static Activity Message(Activity envelope, BotReply reply)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(reply);
        IReadOnlyList<Attachment> cards = DrawsCards(envelope.ChannelId) ? [.. reply.Cards.Select(HeroCardOf)] : [];
        return envelope with
        {
            Type = ActivityTypes.Message,
            From = Participants.Bot,
            Text = reply.Text,
            TextFormat = "markdown",
            InputHint = "acceptingInput",
            SuggestedActions = reply.Choices.Count > 0 ? new SuggestedActions([.. reply.Choices.Select(ButtonOf)]) : null,
            Attachments = cards.Count > 0 ? cards : null,
            ChannelData = reply.HandoffState is null && reply.AgentName is null ? BotSpeaks : ChannelData(Speaker.Bot, reply.AgentName, reply.HandoffState),
        };
    }

    /// <summary>An agent's own words: plain text from their bot-side account; the client id makes a retried send land once.</summary>
    public static Activity AgentMessage(Activity envelope, string agentId, string agentName, string text, string clientId)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return envelope with
        {
            Type = ActivityTypes.Message,
            From = new ChannelAccount("agent:" + agentId, agentName, "bot"),
            Text = text,
            TextFormat = "plain",
            ChannelData = ChannelData(Speaker.Agent, agentName, clientActivityId: "agent:" + clientId),
        };
    }

    /// <summary>The trace that records how the bot chose its reply (read by evaluation, the Emulator and the agent console).</summary>
    public static Activity Trace(Activity envelope, TurnDecision decision)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return envelope with
        {
            Type = ActivityTypes.Trace,
            From = Participants.Bot,
            Name = DecisionTraceName,
            Label = decision.Action,
            ValueType = "https://supportbot/schemas/decision",
            Value = ActivityJson.TraceValue(decision),
        };
    }

    public static CardAction ButtonOf(ReplyChoice choice)
    {
        ArgumentNullException.ThrowIfNull(choice);
        return CardAction.Say(choice.Title, choice.Sends);
    }

    /// <summary>
    /// The <c>channelData.supportbot</c> the page reads to show who is talking: <c>speaker</c> bot or agent, and
    /// where the handoff stands.
    /// </summary>
    public static JsonElement ChannelData(Speaker speaker, string? agentName = null, string? handoff = null, string? clientActivityId = null)
    {
        var supportbot = new Dictionary<string, string> { ["speaker"] = speaker == Speaker.Agent ? "agent" : "bot" };
        if (agentName is not null)
        {
            supportbot["agentName"] = agentName;
        }

        if (handoff is not null)
        {
            supportbot["handoff"] = handoff;
        }

        var data = new Dictionary<string, object> { ["supportbot"] = supportbot };
        if (clientActivityId is not null)
        {
            data["clientActivityID"] = clientActivityId;
        }

        return JsonSerializer.SerializeToElement(data, ActivityJson.Options);
    }

    private static bool DrawsCards(string? channelId) => channelId is not null && CardChannels.Contains(channelId);

    private static Attachment HeroCardOf(ReplyCard card) => new(Attachment.HeroCardType,
        new HeroCard(card.Title, card.Subtitle, card.Text, card.Links.Count > 0 ? [.. card.Links.Select(l => new CardAction(CardAction.OpenUrl, l.Title, l.Url))] : null));
}
