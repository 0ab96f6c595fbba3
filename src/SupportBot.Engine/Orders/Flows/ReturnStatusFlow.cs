namespace SupportBot.Orders.Flows;

/// <summary>Where is my return or refund: the order's returns and their refunds; with none yet, what can be done next.</summary>
internal sealed class ReturnStatusFlow : IOrderFlow
{
    public string Name => OrderFlow.ReturnStatus;

    public bool ReadsOnly => false;

    public bool Answers(OrderSession session, DialogInput input) => false;

    public void Absorb(OrderSession session, DialogInput input)
    {
    }

    public string? Question(OrderSession session, OrderWords words) => null;

    public Task<DialogReply> ActAsync(FlowTurn turn, Order order, CancellationToken cancellationToken) =>
        Task.FromResult(FlowSteps.Finish(turn.Session, OrderReplies.Returns(order, turn.Words),
            order.Returns.Count == 0 ? OrderReplies.NextSteps(order, turn.Words, turn.Now) : []));
}
