using System.Text.Json;
using SupportBot.Conversation;
using SupportBot.Schema;

namespace SupportBot.Tests.Support;

/// <summary>
/// One shopper's conversation with the engine in process, turn by turn, keeping every activity the bot sends back;
/// over an authenticated Bot Connector channel when <paramref name="botConnector"/> (where a contact centre's handoff
/// events come from).
/// </summary>
internal sealed class EngineChat(ConversationTurns engine, string channel = "test", string? name = null, bool botConnector = false)
{
    private int _turn;

    public string Conversation { get; } = Activities.NewConversationId("chat");

    public ConversationKey Key => botConnector ? ConversationKey.BotConnector(channel, Conversation, authenticated: true) : ConversationKey.DirectLine(Conversation);

    public ChannelAccount Shopper => Activities.Shopper("shopper-" + Conversation, name);

    public Task<BotReplies> SayAsync(string text) => SendAsync(Activities.Message(text, Conversation, Shopper));

    /// <summary>Sends <paramref name="activity"/> as this conversation's next turn, from the shopper unless it says otherwise.</summary>
    public async Task<BotReplies> SendAsync(Activity activity)
    {
        var replies = await engine.HandleAsync(Key, activity with
        {
            Id = $"{Conversation}|{++_turn}",
            From = activity.From ?? Shopper,
            Recipient = ConversationEngine.Bot,
            Conversation = new ConversationAccount(Conversation),
            ChannelId = channel,
            ServiceUrl = "http://127.0.0.1:9/connector",
        });
        return new BotReplies(replies);
    }
}

/// <summary>What the engine sent back for one turn: the message, its buttons, and the decision trace.</summary>
internal sealed record BotReplies(IReadOnlyList<Activity> All)
{
    public Activity? Message => All.SingleOrDefault(a => a.Type == ActivityTypes.Message);

    public string Text => Message?.Text ?? "";

    public TurnDecision Decision => DecisionOf(All);

    public IReadOnlyList<string> Actions => Message?.SuggestedActions?.Actions.Select(a => a.Title).ToList() ?? [];

    /// <summary>The <c>channelData.supportbot</c> of the message: who speaks and where the handoff stands.</summary>
    public string? Speaker => Supportbot("speaker");

    public string? HandoffState => Supportbot("handoff");

    /// <summary>The turn's decision, from the one trace activity every turn carries.</summary>
    public static TurnDecision DecisionOf(IReadOnlyList<Activity> replies) =>
        ActivityJson.Decision(Assert.Single(replies, r => r.Type == ActivityTypes.Trace).Value!.Value)!;

    private string? Supportbot(string key) =>
        Message?.ChannelData is { } data && data.TryGetProperty("supportbot", out var sb) && sb.TryGetProperty(key, out var value) ? value.GetString() : null;
}
