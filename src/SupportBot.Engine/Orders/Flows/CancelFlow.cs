namespace SupportBot.Orders.Flows;

/// <summary>Cancel an order that has not shipped: the shop's rule first, then a confirmation, then the backend.</summary>
internal sealed class CancelFlow : IOrderFlow
{
    public string Name => OrderFlow.Cancel;

    public bool ReadsOnly => false;

    public bool Answers(OrderSession session, DialogInput input) => session.Step == OrderDialog.Confirm && FlowSteps.Answer(input) is not null;

    public void Absorb(OrderSession session, DialogInput input)
    {
    }

    public string? Question(OrderSession session, OrderWords words) => session.Step == OrderDialog.Confirm ? words.Say("flow.go_ahead") : null;

    public async Task<DialogReply> ActAsync(FlowTurn turn, Order order, CancellationToken cancellationToken)
    {
        var (session, words) = (turn.Session, turn.Words);
        var number = ("order", order.Number);
        if (order.Status != OrderStatus.Placed)
        {
            return FlowSteps.Finish(session, words.Say(order.Status switch
            {
                OrderStatus.Cancelled => "cancel.already_cancelled",
                OrderStatus.Processing => "cancel.processing",
                _ => "cancel.shipped",
            }, number), []);
        }

        if (session.Step != OrderDialog.Confirm)
        {
            var items = string.Join(", ", order.Items.Select(OrderReplies.ItemTitle));
            return FlowSteps.Ask(session, OrderDialog.Confirm, words.Say("cancel.confirm", number, ("items", items), ("total", words.Money(order.Payment.Total))),
                FlowSteps.Buttons(words, "button.yes_cancel", "button.no_keep"));
        }

        if (FlowSteps.Answer(turn.Input) != true)
        {
            return FlowSteps.Finish(session, words.Say("cancel.kept", number), []);
        }

        try
        {
            await turn.Access.CancelAsync(session, order, cancellationToken).ConfigureAwait(false);
            return FlowSteps.Finish(session, words.Say("cancel.done", number), []) with { Change = new OrderChange(order.Number, "cancelled") };
        }
        catch (OrderActionRefusedException refused)
        {
            return FlowSteps.Finish(session, words.Say("cancel.refused", ("refusal", OrderReplies.Refusal(refused.Code, words))), []);
        }
    }
}
