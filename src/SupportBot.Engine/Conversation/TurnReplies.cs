using SupportBot.Schema;
using SupportBot.Knowledge.Search;
using SupportBot.Replies;
using SupportBot.Orders;
using SupportBot.Understanding.Intents;

namespace SupportBot.Conversation;

/// <summary>What the bot decided to say, before it becomes the turn's reply (a handoff may still replace it).</summary>
internal sealed record Outcome(string Text, IReadOnlyList<ReplyChoice>? Choices, TurnDecision Decision, IReadOnlyList<ReplyCard>? Cards)
{
    /// <summary>Set when an order flow cannot finish without a person (its reason).</summary>
    public string? FlowHandoff { get; init; }

    /// <summary>Set when an order flow changed the order.</summary>
    public OrderChanged? Change { get; init; }

    public BotReply Reply => new(Text, Choices ?? [], Cards ?? []);
}

/// <summary>What one turn knows, so every reply records the same facts about it.</summary>
internal sealed record TurnContext(ConversationKey Key, Activity Inbound, string Text, IntentPrediction Intent, IReadOnlyList<string> Entities, ConversationState State)
{
    /// <summary>The message embedded once for the turn (intents and retrieval share it); null without embeddings.</summary>
    public float[]? Vector { get; init; }

    /// <summary>The message as the understanding reads it: misspelled words the knowledge could correct, corrected.</summary>
    public string Understood { get; init; } = Text;

    /// <summary>The conversation's language for this turn (two letters: <c>en</c>, <c>fr</c>, <c>es</c>), as <see cref="Languages.LanguageResolver"/> settled it.</summary>
    public required string Language { get; init; }

    /// <summary>How the turn's replies are worded: its <see cref="Language"/>'s catalogues, days, amounts and plurals.</summary>
    public ReplyLanguage Speaks => ReplyLanguage.Of(Language);

    /// <summary>The flow (or <see cref="FlowButtons.Handoff"/>) whose button the message's text is the label of, if any.</summary>
    public string? Pressed { get; init; }

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

/// <summary>The words and buttons every turn shares, and how an <see cref="Outcome"/> becomes a <see cref="TurnResult"/>.</summary>
internal static class TurnReplies
{
    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "cancel", "stop", "start over", "never mind", "nevermind", "forget it", "quit", "exit",
        "annuler", "arrêter", "arreter", "arrête", "arrete", "laisse tomber", "laissez tomber", "recommencer",
        "cancelar", "parar", "para", "olvídalo", "olvidalo", "déjalo", "dejalo", "empezar de nuevo",
    };

    /// <summary>"cancel", "stop", "start over"…: the shopper wants out of whatever is going on.</summary>
    public static bool IsStop(string text) => StopWords.Contains(text.TrimEnd('.', '!'));

    public static Outcome Say(string text, IReadOnlyList<ReplyChoice>? choices, TurnDecision decision, IReadOnlyList<ReplyCard>? cards = null) =>
        new(text, choices, decision, cards);

    /// <summary>The turn's result: the outcome's reply and decision, and the order change it made, if any.</summary>
    public static TurnResult Result(ConversationState state, Outcome outcome) =>
        new(state, outcome.Reply, outcome.Decision, outcome.Change is { } change ? [change] : []);

    public static TurnResult Result(ConversationState state, BotReply reply, TurnDecision decision, params TurnEvent[] events) => new(state, reply, decision, events);

    /// <summary>Part of a long message was not read: the bot's message says so after what it answered.</summary>
    public static TurnResult NoteReadOnlyTheStart(TurnResult result, ReplyWriter words) =>
        result.Reply is { } reply ? result with { Reply = reply.Append("\n\n" + words.ReadOnlyTheStart()) } : result;

    public static TurnDecision Decision(string action) => new(action, null, 0, null, 0, [], []);
}
