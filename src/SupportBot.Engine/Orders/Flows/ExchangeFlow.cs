using SupportBot.Replies;

namespace SupportBot.Orders.Flows;

/// <summary>
/// Swap an item for another size or colour — its own flow, not a return: which item, which size or colour, a
/// confirmation, then the exchange from the backend. The rule is the store's (<c>returns.exchange_window_days</c>:
/// free within 45 days of delivery, final-sale items excepted). A backend that cannot create exchanges hands the
/// conversation to a person with the order, the item and the size filled in.
/// </summary>
internal sealed class ExchangeFlow : IOrderFlow
{
    /// <summary>The handoff reason when the shop's backend cannot create the exchange itself.</summary>
    public const string HandoffExchange = "exchange_request";

    public string Name => OrderFlow.Exchange;

    public bool ReadsOnly => false;

    public bool Answers(OrderSession session, DialogInput input) => session.Step switch
    {
        OrderDialog.ChooseItems => ItemReader.Lines(session.PendingLines, input.Text, "\u0000") is { Count: 1 },
        OrderDialog.NeedSize => ItemReader.Size(input.Text, CurrentSize(session)) is not null,
        OrderDialog.Confirm => FlowSteps.Answer(input) is not null,
        _ => false,
    };

    public void Absorb(OrderSession session, DialogInput input)
    {
        if (session.Step is not (OrderDialog.ChooseItems or OrderDialog.NeedSize or OrderDialog.Confirm))
        {
            session.ItemHint = ItemHint.Add(session.ItemHint, input.Text);
        }

        // A size is taken whenever it is said; a relative one ("bigger") waits for the item's own size.
        if (session.Step is not (OrderDialog.NeedSize or OrderDialog.Confirm) && ItemReader.AsksForSize(input.Text))
        {
            session.NewSize = ItemReader.Size(input.Text, CurrentSize(session)) is { } absolute && session.SelectedLines.Count > 0 ? absolute : input.Text;
        }
    }

    public string? Question(OrderSession session, OrderWords words) => session.Step switch
    {
        OrderDialog.ChooseItems => words.Say("exchange.ask_item"),
        OrderDialog.NeedSize => words.Say("exchange.ask_size", ("item", session.PendingLines.FirstOrDefault(i => session.SelectedLines.Contains(i.LineId))?.Name ?? "")),
        OrderDialog.Confirm => words.Say("flow.go_ahead"),
        _ => null,
    };

    public async Task<DialogReply> ActAsync(FlowTurn turn, Order order, CancellationToken cancellationToken)
    {
        var (session, words, input) = (turn.Session, turn.Words, turn.Input);
        var number = ("order", order.Number);
        if (FlowSteps.UnlessDelivered(turn, order, "exchange.not_delivered") is { } notYet)
        {
            return notYet;
        }

        var lines = ReturnEligibility.Of(order, words.Policies.ExchangeWindowDays, turn.Now);
        var eligible = lines.Where(l => l.Eligible && l.Item.Size is not null).ToList();
        if (eligible.Count == 0)
        {
            return FlowSteps.Finish(session, words.Say("exchange.nothing_eligible", number, ("lines", OrderReplies.Eligibility(lines, words, exchange: true))),
                FlowSteps.Buttons(words, "button.talk_to_person"));
        }

        session.PendingLines = eligible.Select(l => l.Item).ToList();
        switch (session.Step)
        {
            case OrderDialog.ChooseItems:
                session.SelectedLines.Clear();
                session.SelectedLines.AddRange(ItemReader.Lines(session.PendingLines, input.Text, "\u0000") ?? []);
                break;
            case OrderDialog.NeedSize:
                session.NewSize = ItemReader.Size(input.Text, CurrentSize(session));
                break;
            case OrderDialog.Confirm:
                return await ConfirmedAsync(turn, order, cancellationToken).ConfigureAwait(false);
            default:
                if (session.ItemHint is { } hint && ItemReader.Lines(session.PendingLines, hint, "\u0000") is { Count: 1 } early)
                {
                    session.SelectedLines.Clear();
                    session.SelectedLines.AddRange(early);
                }
                else if (session.PendingLines.Count == 1)
                {
                    session.SelectedLines.Add(session.PendingLines[0].LineId);
                }

                break;
        }

        if (session.SelectedLines.Count != 1)
        {
            session.SelectedLines.Clear();
            var note = lines.Count > eligible.Count
                ? words.Say("return.for_your_information", ("lines", OrderReplies.Eligibility(lines.Where(l => !eligible.Contains(l)), words, exchange: true)))
                : "";
            return FlowSteps.Ask(session, OrderDialog.ChooseItems, words.Say("exchange.choose_item", number, ("note", note)),
                [.. eligible.Select(l => new ReplyChoice(OrderReplies.ItemTitle(l.Item)))]);
        }

        var item = order.Items.First(i => i.LineId == session.SelectedLines[0]);
        // A size said before the item was known ("a bigger one") is read again against the item's own size.
        if (session.NewSize is { } said && ItemReader.Size(said, item.Size) is { } size)
        {
            session.NewSize = size;
        }

        if (session.NewSize is null || string.Equals(session.NewSize, item.Size, StringComparison.OrdinalIgnoreCase))
        {
            session.NewSize = null;
            return FlowSteps.Ask(session, OrderDialog.NeedSize, words.Say("exchange.ask_size", ("item", OrderReplies.ItemTitle(item))));
        }

        return FlowSteps.Ask(session, OrderDialog.Confirm, words.Say("exchange.confirm", number, ("item", OrderReplies.ItemTitle(item)), ("size", session.NewSize)),
            FlowSteps.Buttons(words, "button.yes_exchange", "button.no"));
    }

    private static async Task<DialogReply> ConfirmedAsync(FlowTurn turn, Order order, CancellationToken cancellationToken)
    {
        var (session, words) = (turn.Session, turn.Words);
        if (FlowSteps.Answer(turn.Input) != true)
        {
            return FlowSteps.Finish(session, words.Say("exchange.declined"), []);
        }

        var item = order.Items.First(i => i.LineId == session.SelectedLines[0]);
        (string, string)[] facts = [("order", order.Number), ("item", OrderReplies.ItemTitle(item)), ("size", session.NewSize!)];
        try
        {
            var created = await turn.Access.CreateExchangeAsync(session, order, new ExchangeLine(item.LineId, 1, session.NewSize!), "Exchange for " + session.NewSize, cancellationToken)
                .ConfigureAwait(false);
            return FlowSteps.Finish(session, words.Say("exchange.created", [.. facts, ("rma", created.Rma), ("label_url", created.LabelUrl), ("drop_off", OrderReplies.DropOff(order, words.Policies))]), [])
                with { Change = new OrderChange(order.Number, "exchange_created") };
        }
        catch (OrderActionRefusedException refused) when (refused.Code == OrderActionRefusedException.NotSupported)
        {
            // The shop's system cannot do it: a person can, with everything the shopper said.
            var text = words.Say("exchange.handoff", facts);
            return new DialogReply(text, [], [], HandoffExchange);
        }
        catch (OrderActionRefusedException refused)
        {
            return FlowSteps.Finish(session, words.Say("exchange.refused", ("refusal", OrderReplies.Refusal(refused.Code == ReturnEligibility.OutsideWindow ? "outside_exchange_window" : refused.Code, words))),
                FlowSteps.Buttons(words, "button.talk_to_person"));
        }
    }

    private static string? CurrentSize(OrderSession session) =>
        session.PendingLines.FirstOrDefault(i => session.SelectedLines.Contains(i.LineId))?.Size;
}
