using SupportBot.Orders;
using SupportBot.Schema;
using SupportBot.Storage;

namespace SupportBot.Conversation;

/// <summary>What the insights need to know from before a turn runs (the engine changes the state it is given).</summary>
internal readonly record struct TurnBefore(string? Flow, bool PickedOffer)
{
    public static TurnBefore Of(ConversationState state, Activity inbound) =>
        new(state.Order.Flow, inbound.Text?.Trim() is { Length: > 0 } text && state.Handoff.WasOffered(text));
}

/// <summary>The <see cref="TurnFact"/> of a shopper's message: the decision, flattened, and what changed in the flow.</summary>
internal static class TurnFactOf
{
    public static TurnFact Of(Activity inbound, TurnBefore before, TurnResult result, DateTimeOffset committedAt)
    {
        var decision = result.Decision;
        var action = decision?.Action ?? "none";
        var after = result.State.Order.Flow;
        var (started, ended, outcome) = FlowChange(before.Flow, after, action, decision?.Intent);
        return new TurnFact(inbound.Timestamp ?? committedAt, result.Reply is null ? null : committedAt, inbound.From?.Id, action)
        {
            OrderNumber = result.State.Order.OrderNumber,
            Intent = decision?.Intent,
            IntentConfidence = decision?.IntentConfidence ?? 0,
            FaqId = decision?.FaqId,
            FaqConfidence = decision?.FaqConfidence ?? 0,
            LowConfidence = decision?.LowConfidence ?? false,
            DidYouMean = action == TurnDecision.Clarify,
            PickedOffer = before.PickedOffer,
            Flow = after,
            Step = result.State.Order.Step,
            FlowStarted = started,
            FlowEnded = ended,
            FlowOutcome = outcome,
            HandoffReason = decision?.Handoff,
            HandoffState = decision?.HandoffState,
        };
    }

    private static (string? Started, string? Ended, string? Outcome) FlowChange(string? before, string? after, string action, string? intent)
    {
        if (before is null && after is null && action == TurnDecision.OrderFlow)
        {
            // Started and done in one turn (an order already verified in this conversation): the flow is the intent's.
            var flow = intent is not null && OrderDialog.FlowOfIntent.TryGetValue(intent, out var of) ? of : OrderFlow.Status;
            return (flow, flow, FlowEnds.Completed);
        }

        var started = after is not null && after != before ? after : null;
        if (before is null || after == before)
        {
            return (started, null, null);
        }

        var outcome = action switch
        {
            TurnDecision.Transfer => FlowEnds.HandedOff,
            TurnDecision.OrderFlow when after is null => FlowEnds.Completed,
            _ => FlowEnds.Left,
        };
        return (started, before, outcome);
    }
}
