using SupportBot.Replies;

namespace SupportBot.Orders.Flows;

/// <summary>What one step of a flow works with: the session, the message, the words, the time, and the door to orders.</summary>
internal sealed record FlowTurn(OrderSession Session, DialogInput Input, OrderWords Words, DateTimeOffset Now, OrderAccess Access);

/// <summary>
/// One order flow (status, return, exchange, cancel, address change, return/refund status) once its order is known
/// and proved: <see cref="OrderDialog"/> and <see cref="OrderVerification"/> establish the order, the flow does the rest.
/// </summary>
internal interface IOrderFlow
{
    /// <summary>The flow's name, as saved in the state and shown in decisions (<see cref="OrderFlow"/>).</summary>
    string Name { get; }

    /// <summary>Whether a ZIP/postal code is proof enough (reading only); the flows that change an order need the e-mail.</summary>
    bool ReadsOnly { get; }

    /// <summary>Whether the message answers the question of the flow's own current step.</summary>
    bool Answers(OrderSession session, DialogInput input);

    /// <summary>Keeps what the message says about the flow's own slots (item, size, reason) whenever it says it.</summary>
    void Absorb(OrderSession session, DialogInput input);

    /// <summary>The question of the flow's own current step, to ask again after a digression; null for a step it does not own.</summary>
    string? Question(OrderSession session, OrderWords words);

    /// <summary>The next step on the proved order.</summary>
    Task<DialogReply> ActAsync(FlowTurn turn, Order order, CancellationToken cancellationToken);
}

/// <summary>What every flow's steps share: ending, asking, reading yes and no.</summary>
internal static class FlowSteps
{
    public static DialogReply Finish(OrderSession session, string text, IReadOnlyList<ReplyChoice> actions)
    {
        session.EndFlow();
        return new DialogReply(text, actions, []);
    }

    public static DialogReply Ask(OrderSession session, string step, string text, IReadOnlyList<ReplyChoice>? choices = null)
    {
        session.Step = step;
        return new DialogReply(text, choices ?? [], []);
    }

    /// <summary>
    /// Returns and exchanges begin once an order has arrived: before that the shopper hears its status (<paramref name="key"/>)
    /// and what can be done instead, and the flow ends. Null when the order was delivered.
    /// </summary>
    public static DialogReply? UnlessDelivered(FlowTurn turn, Order order, string key) => order.Status == OrderStatus.Delivered
        ? null
        : Finish(turn.Session, turn.Words.Say(key, ("order", order.Number), ("status", OrderReplies.Status(order, turn.Words, turn.Now))),
            OrderReplies.NextSteps(order, turn.Words, turn.Now));

    public static IReadOnlyList<ReplyChoice> Buttons(OrderWords words, params string[] keys) => [.. keys.Select(k => new ReplyChoice(words.Say(k)))];

    /// <summary>Yes (true), no (false), or neither (null) — from the words or the affirm/deny intents.</summary>
    public static bool? Answer(DialogInput input)
    {
        var text = input.Text.Trim().TrimEnd('.', '!').ToLowerInvariant();
        if (text.StartsWith("yes", StringComparison.Ordinal) || text.StartsWith("yep", StringComparison.Ordinal) || text.StartsWith("yeah", StringComparison.Ordinal)
            || text.StartsWith("ya ", StringComparison.Ordinal) || text is "ya" or "yup" or "sure" or "ok" or "okay" or "k" or "please do" or "do it" or "confirm" or "go ahead" or "sounds good" or "correct"
            || text.StartsWith("oui", StringComparison.Ordinal) || text.StartsWith("sí", StringComparison.Ordinal) || text.StartsWith("si,", StringComparison.Ordinal)
            || text is "si" or "ouais" or "d'accord" or "dac" or "ok d'accord" or "vas-y" or "allez-y" or "confirmer" or "je confirme" or "claro" or "vale" or "de acuerdo" or "dale" or "confirmo" or "adelante"
            || input.Intent == "affirm")
        {
            return true;
        }

        return text.StartsWith("no", StringComparison.Ordinal) || text.StartsWith("nah", StringComparison.Ordinal) || text is "nope" or "don't" or "dont" or "cancel that" or "pas question" or "surtout pas" or "para nada" or "mejor no"
            || input.Intent == "deny" ? false : null;
    }
}
