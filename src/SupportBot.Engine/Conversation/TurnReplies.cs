using System.Text.Json;
using SupportBot.Conversation.Schema;
using SupportBot.Handoff;
using SupportBot.Knowledge.Search;
using SupportBot.Orders;
using SupportBot.Understanding.Intents;

namespace SupportBot.Conversation;

/// <summary>What the bot decided to say, before it becomes activities (a handoff may still replace it).</summary>
internal sealed record Outcome(string Text, IReadOnlyList<CardAction>? Actions, TurnDecision Decision, IReadOnlyList<Attachment>? Attachments)
{
    /// <summary>Set when an order flow cannot finish without a person (its reason).</summary>
    public string? FlowHandoff { get; init; }
}

/// <summary>What one turn knows, so every reply records the same facts about it.</summary>
internal sealed record TurnContext(ConversationKey Key, Activity Inbound, string Text, IntentPrediction Intent, IReadOnlyList<string> Entities, ConversationState State)
{
    /// <summary>The message embedded once for the turn (intents and retrieval share it); null without embeddings.</summary>
    public float[]? Vector { get; init; }

    public OrderSession Session => State.Order;

    public TurnDecision Decision(string action, KnowledgeAnswer? answer = null) => new(
        action,
        Intent.Intent,
        Intent.Confidence,
        answer?.Best?.Entry.Id,
        answer?.Confidence ?? 0,
        answer?.Hits.Select(h => h.Entry.Id).ToList() ?? [],
        Entities)
    {
        Flow = Session.Flow,
        Step = Session.Step,
        Verified = Session.IsVerified,
        Slots = Session.Flow is not null || Session.OrderNumber is not null ? Session.Summary() : null,
    };
}

/// <summary>Turns what the bot decided into activities: the message (with who speaks) and the trace of the decision.</summary>
internal sealed class TurnReplies(TimeProvider time)
{
    /// <summary>The <c>channelData</c> of the bot's ordinary replies, made once.</summary>
    private static readonly JsonElement BotSpeaks = HandoffReplies.ChannelData("bot");

    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "cancel", "stop", "start over", "never mind", "nevermind", "forget it", "quit", "exit",
    };

    /// <summary>"cancel", "stop", "start over"…: the shopper wants out of whatever is going on.</summary>
    public static bool IsStop(string text) => StopWords.Contains(text.TrimEnd('.', '!'));

    public static Outcome Say(string text, IReadOnlyList<CardAction>? actions, TurnDecision decision, IReadOnlyList<Attachment>? attachments = null) =>
        new(text, actions, decision, attachments);

    public Activity Envelope(Activity inbound) => new()
    {
        Timestamp = time.GetUtcNow(),
        ChannelId = inbound.ChannelId,
        From = ConversationEngine.Bot,
        Recipient = inbound.From,
        Conversation = inbound.Conversation,
        ReplyToId = inbound.Id,
    };

    /// <summary>The reply message and the trace of the decision; the message says who speaks (the page shows it) and where a handoff stands.</summary>
    public List<Activity> Reply(Activity inbound, Outcome outcome, string? handoffState = null)
    {
        var envelope = Envelope(inbound);
        var message = envelope with
        {
            Type = ActivityTypes.Message,
            Locale = inbound.Locale,
            Text = outcome.Text,
            TextFormat = "markdown",
            InputHint = "acceptingInput",
            SuggestedActions = outcome.Actions is { Count: > 0 } ? new SuggestedActions(outcome.Actions) : null,
            Attachments = outcome.Attachments is { Count: > 0 } ? outcome.Attachments : null,
            ChannelData = handoffState is null ? BotSpeaks : HandoffReplies.ChannelData("bot", handoff: handoffState),
        };
        return [message, Trace(envelope, outcome.Decision)];
    }

    public static Activity Trace(Activity envelope, TurnDecision decision) => envelope with
    {
        Type = ActivityTypes.Trace,
        Name = "SupportBot.Decision",
        Label = decision.Action,
        ValueType = "https://supportbot/schemas/decision",
        Value = JsonSerializer.SerializeToElement(decision),
    };

    /// <summary>Part of a long message was not read: the bot's message says so after what it answered.</summary>
    public static List<Activity> NoteReadOnlyTheStart(List<Activity> replies)
    {
        var message = replies.FindIndex(a => a.Type == ActivityTypes.Message);
        if (message >= 0)
        {
            replies[message] = replies[message] with { Text = replies[message].Text + "\n\n" + ReplyWriter.ReadOnlyTheStart() };
        }

        return replies;
    }

    public static List<CardAction> Topics() => ReplyWriter.Topics.Select(t => CardAction.Say(t.Title, t.Sends)).ToList();

    public static TurnDecision Decision(string action) => new(action, null, 0, null, 0, [], []);
}
