namespace SupportBot.Orders.Flows;

/// <summary>Where is my order: the status with its next step, and for a lost parcel the replacement-or-refund claim.</summary>
internal sealed class StatusFlow : IOrderFlow
{
    public string Name => OrderFlow.Status;

    public bool ReadsOnly => true;

    public bool Answers(OrderSession session, DialogInput input) =>
        session.Step == OrderDialog.LostOptions
        && (input.Text.Contains("replace", StringComparison.OrdinalIgnoreCase) || input.Text.Contains("refund", StringComparison.OrdinalIgnoreCase));

    public void Absorb(OrderSession session, DialogInput input)
    {
    }

    public string? Question(OrderSession session, OrderWords words) => session.Step == OrderDialog.LostOptions ? words.Say("status.lost_options") : null;

    public Task<DialogReply> ActAsync(FlowTurn turn, Order order, CancellationToken cancellationToken)
    {
        var (session, words) = (turn.Session, turn.Words);
        if (session.Step == OrderDialog.LostOptions)
        {
            session.EndFlow();
            return Task.FromResult(new DialogReply(words.Say("status.lost_claim"), [], [], OrderDialog.HandoffLostParcel));
        }

        var next = OrderReplies.NextSteps(order, words, turn.Now);
        var text = OrderReplies.Status(order, words, turn.Now);
        var card = OrderReplies.Card(order, words);
        if (order.Shipment?.Status == ShipmentStatus.Lost && order.Status == OrderStatus.Shipped)
        {
            session.Step = OrderDialog.LostOptions;
        }
        else
        {
            session.EndFlow();
        }

        return Task.FromResult(new DialogReply(text, next, [card]));
    }
}
