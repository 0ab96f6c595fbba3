using System.Data.Common;

namespace SupportBot.Storage;

/// <summary>
/// What one shopper message led to, as the insights count it (docs/INSIGHTS.md): written in the same commit as the
/// turn's transcript entries, so a fact exists exactly for each stored message. No message text: the transcript has it.
/// </summary>
/// <param name="RepliedAt">When the bot's first reply was committed; null when the bot stayed silent (an agent owns the chat).</param>
/// <param name="Action">The decision's action (<c>answer</c>, <c>clarify</c>, <c>handoff</c>, …).</param>
public sealed record TurnFact(DateTimeOffset ReceivedAt, DateTimeOffset? RepliedAt, string? ShopperId, string Action)
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
public static class FlowEnds
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
    public static void AddInsert(DbCommand command, string conversationId, long sequence, TurnFact fact)
    {
        command.CommandText += """
            INSERT INTO turn_facts (conversation_id, seq, received_at, replied_at, shopper_id, order_number, action, intent, intent_confidence, faq_id,
                faq_confidence, low_confidence, did_you_mean, picked_offer, flow, step, flow_started, flow_ended, flow_outcome, handoff_reason, handoff_state)
            VALUES (@fact_conversation, @fact_seq, @fact_received, @fact_replied, @fact_shopper, @fact_order, @fact_action, @fact_intent, @fact_intent_confidence,
                @fact_faq, @fact_faq_confidence, @fact_low, @fact_did_you_mean, @fact_picked, @fact_flow, @fact_step, @fact_flow_started, @fact_flow_ended, @fact_flow_outcome,
                @fact_handoff_reason, @fact_handoff_state)
            """ + ";\n";
        command.With("fact_conversation", conversationId).With("fact_seq", sequence).WithTime("fact_received", fact.ReceivedAt).WithTime("fact_replied", fact.RepliedAt)
            .With("fact_shopper", fact.ShopperId).With("fact_order", fact.OrderNumber).With("fact_action", fact.Action).With("fact_intent", fact.Intent)
            .With("fact_intent_confidence", fact.IntentConfidence).With("fact_faq", fact.FaqId).With("fact_faq_confidence", fact.FaqConfidence)
            .With("fact_low", fact.LowConfidence ? 1 : 0).With("fact_did_you_mean", fact.DidYouMean ? 1 : 0).With("fact_picked", fact.PickedOffer ? 1 : 0)
            .With("fact_flow", fact.Flow).With("fact_step", fact.Step).With("fact_flow_started", fact.FlowStarted).With("fact_flow_ended", fact.FlowEnded).With("fact_flow_outcome", fact.FlowOutcome)
            .With("fact_handoff_reason", fact.HandoffReason).With("fact_handoff_state", fact.HandoffState);
    }
}
