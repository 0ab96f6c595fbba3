using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Conversation;
using SupportBot.Schema;
using SupportBot.Handoff;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Handoff;

/// <summary>The engine with its own data folder (its own queue) and the support team always open.</summary>
public sealed class HandoffFixture() : OwnDataEngineFixture(AlwaysOpen)
{
    internal static readonly string[] AlwaysOpen = ["--Handoff:Hours:0", "Mon-Sun 00:00-24:00", "--Handoff:Hours:1", "Mon-Sun 00:00-24:00"];

    internal IHandoffLine Line => Host.Services.GetRequiredService<IHandoffLine>();

    internal IAgentSession Agents => Host.Services.GetRequiredService<IAgentSession>();

    internal IHandoffStore Store => Host.Services.GetRequiredService<IHandoffStore>();

    internal static AgentAccount Tess { get; } = new() { Id = "tess", Name = "Tess", ApiKey = "k" };

    /// <summary>An agent with the console open, until disposed.</summary>
    internal IDisposable AgentOnline(AgentAccount? agent = null) => Host.Services.GetRequiredService<AgentPresence>().Connect(agent ?? Tess);
}

/// <summary>
/// One shopper's conversation with the engine, keeping every activity the bot sends back; over an authenticated Bot
/// Connector channel when <paramref name="botConnector"/> (where a contact centre's handoff events come from).
/// </summary>
internal sealed class HandoffChat(ConversationTurns engine, string channel = "directline", string? name = "Ana Lima", bool botConnector = false)
{
    private int _turn;

    public string Conversation { get; } = "handoff-" + Guid.NewGuid().ToString("N")[..10];

    public ConversationKey Key => botConnector ? ConversationKey.BotConnector(channel, Conversation, authenticated: true) : ConversationKey.DirectLine(Conversation);

    public ChannelAccount Shopper => new("shopper-" + Conversation, name, "user");

    public Task<Replies> SayAsync(string text) => SendAsync(new Activity { Type = ActivityTypes.Message, Text = text });

    public async Task<Replies> SendAsync(Activity activity)
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
        return new Replies(replies);
    }
}

internal sealed record Replies(IReadOnlyList<Activity> All)
{
    public Activity? Message => All.SingleOrDefault(a => a.Type == ActivityTypes.Message);

    public string Text => Message?.Text ?? "";

    public TurnDecision Decision => All.Single(a => a.Type == ActivityTypes.Trace).Value!.Value.Deserialize<TurnDecision>()!;

    public IReadOnlyList<string> Actions => Message?.SuggestedActions?.Actions.Select(a => a.Title).ToList() ?? [];

    /// <summary>The <c>channelData.supportbot</c> of the message: who speaks and where the handoff stands.</summary>
    public string? Speaker => Supportbot("speaker");

    public string? HandoffState => Supportbot("handoff");

    private string? Supportbot(string key) =>
        Message?.ChannelData is { } data && data.TryGetProperty("supportbot", out var sb) && sb.TryGetProperty(key, out var value) ? value.GetString() : null;
}
