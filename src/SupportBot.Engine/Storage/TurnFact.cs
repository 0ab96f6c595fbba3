using System.Data.Common;

namespace SupportBot.Storage;

/// <summary>
/// What one shopper message led to, as the insights count it (docs/INSIGHTS.md): written in the same commit as the
/// turn's transcript entries, so a fact exists exactly for each stored message. No message text: the transcript has it.
/// </summary>
/// <param name="RepliedAt">When the bot's first reply was committed; null when the bot stayed silent (an agent owns the chat).</param>
/// <param name="Action">The decision's action (<c>answer</c>, <c>clarify</c>, <c>handoff</c>, …).</param>
internal sealed record TurnFact(DateTimeOffset ReceivedAt, DateTimeOffset? RepliedAt, string? ShopperId, string Action)
{
    public string? OrderNumber { get; init; }

    public string? Intent { get; init; }

    public double IntentConfidence { get; init; }

    public string? FaqId { get; init; }

    public double FaqConfidence { get; init; }

    public bool LowConfidence { get; init; }

    /// <summary>The bot answered "Did you mean …?" with choices.</summary>
    public bool DidYouMean { get; init; }

    /// <summary>The message is one of the choices the bot's previous reply offered (a pressed button).</summary>
    public bool PickedOffer { get; init; }

    /// <summary>The order flow and its step after the turn.</summary>
    public string? Flow { get; init; }

    public string? Step { get; init; }

    /// <summary>The flow this turn started, if any.</summary>
    public string? FlowStarted { get; init; }

    /// <summary>The flow in progress before this turn that ended in it, if any.</summary>
    public string? FlowEnded { get; init; }

    /// <summary>How <see cref="FlowEnded"/> ended (<see cref="FlowEnds"/>).</summary>
    public string? FlowOutcome { get; init; }

    public string? HandoffReason { get; init; }

    public string? HandoffState { get; init; }
}

/// <summary>How an order flow ends in a turn.</summary>
internal static class FlowEnds
{
    /// <summary>The flow did its job (the status shown, the return created…).</summary>
    public const string Completed = "completed";

    /// <summary>The flow went to a person (verification failed, the order system was down…).</summary>
    public const string HandedOff = "handed_off";

    /// <summary>The shopper left it: "never mind", another topic, another flow.</summary>
    public const string Left = "left";
}

internal static class TurnFacts
{
    /// <summary>Adds the fact's insert, for the message stored at <paramref name="sequence"/>, to the turn's one command.</summary>
    /// <param name="prefix">Names the fact's parameters, so that one command can carry several facts (a bulk load).</param>
    public static void AddInsert(DbCommand command, string conversationId, long sequence, TurnFact fact, string prefix = "fact")
    {
        var p = "@" + prefix;
        command.CommandText += $"""
            INSERT INTO turn_facts (conversation_id, seq, received_at, replied_at, shopper_id, order_number, action, intent, intent_confidence, faq_id,
                faq_confidence, low_confidence, did_you_mean, picked_offer, flow, step, flow_started, flow_ended, flow_outcome, handoff_reason, handoff_state)
            VALUES ({p}_conversation, {p}_seq, {p}_received, {p}_replied, {p}_shopper, {p}_order, {p}_action, {p}_intent, {p}_intent_confidence,
                {p}_faq, {p}_faq_confidence, {p}_low, {p}_did_you_mean, {p}_picked, {p}_flow, {p}_step, {p}_flow_started, {p}_flow_ended, {p}_flow_outcome,
                {p}_handoff_reason, {p}_handoff_state)
            """ + ";\n";
        command.With(prefix + "_conversation", conversationId).With(prefix + "_seq", sequence).WithTime(prefix + "_received", fact.ReceivedAt)
            .WithTime(prefix + "_replied", fact.RepliedAt).With(prefix + "_shopper", fact.ShopperId).With(prefix + "_order", fact.OrderNumber)
            .With(prefix + "_action", fact.Action).With(prefix + "_intent", fact.Intent).With(prefix + "_intent_confidence", fact.IntentConfidence)
            .With(prefix + "_faq", fact.FaqId).With(prefix + "_faq_confidence", fact.FaqConfidence).With(prefix + "_low", fact.LowConfidence ? 1 : 0)
            .With(prefix + "_did_you_mean", fact.DidYouMean ? 1 : 0).With(prefix + "_picked", fact.PickedOffer ? 1 : 0).With(prefix + "_flow", fact.Flow)
            .With(prefix + "_step", fact.Step).With(prefix + "_flow_started", fact.FlowStarted).With(prefix + "_flow_ended", fact.FlowEnded)
            .With(prefix + "_flow_outcome", fact.FlowOutcome).With(prefix + "_handoff_reason", fact.HandoffReason).With(prefix + "_handoff_state", fact.HandoffState);
    }
}
