using System.Text.Json;
using SupportBot.Conversation;
using SupportBot.Schema;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Orders;

/// <summary>The engine with its own data folder, so the demo store these tests change is theirs alone.</summary>
public sealed class OrderFlowFixture() : OwnDataEngineFixture;

/// <summary>One shopper's conversation with the engine, turn by turn.</summary>
internal sealed class ShopperChat(ConversationTurns engine, string channel = "test", string? name = null)
{
    private readonly string _conversation = "orders-" + Guid.NewGuid().ToString("N")[..8];
    private int _turn;

    public async Task<Turn> SayAsync(string text)
    {
        var replies = await engine.HandleAsync(new Activity
        {
            Type = ActivityTypes.Message,
            Id = $"{_conversation}|{++_turn}",
            Text = text,
            From = new ChannelAccount("shopper-" + _conversation, name, "user"),
            Recipient = ConversationEngine.Bot,
            Conversation = new ConversationAccount(_conversation),
            ChannelId = channel,
        });
        var message = Assert.Single(replies, r => r.Type == ActivityTypes.Message);
        var decision = Assert.Single(replies, r => r.Type == ActivityTypes.Trace).Value!.Value.Deserialize<TurnDecision>()!;
        return new Turn(message.Text!, decision, message.SuggestedActions?.Actions.Select(a => a.Title).ToList() ?? [], message);
    }
}

internal sealed record Turn(string Text, TurnDecision Decision, IReadOnlyList<string> Actions, Activity Message);
