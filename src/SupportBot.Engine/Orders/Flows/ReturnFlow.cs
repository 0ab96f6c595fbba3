using SupportBot.Replies;

namespace SupportBot.Orders.Flows;

/// <summary>
/// Start a return: which items (every eligible line, by any word of its name), the reason, a confirmation, then the
/// RMA and prepaid label from the backend. An item or a reason given early ("return the sweater, too small") skips
/// its question.
/// </summary>
internal sealed class ReturnFlow : IOrderFlow
{
    public string Name => OrderFlow.Return;

    public bool ReadsOnly => false;

    public bool Answers(OrderSession session, DialogInput input) => session.Step switch
    {
        OrderDialog.ChooseItems => ItemReader.Lines(session.PendingLines, input.Text, AllItems(input)) is not null,
        OrderDialog.ChooseReason => Reason(input) is not null,
        OrderDialog.Confirm => FlowSteps.Answer(input) is not null,
        _ => false,
    };

    public void Absorb(OrderSession session, DialogInput input)
    {
        if (session.Step is not (OrderDialog.ChooseItems or OrderDialog.ChooseReason or OrderDialog.Confirm))
        {
            session.ItemHint = ItemHint.Add(session.ItemHint, input.Text);
        }

        if (session.Step is not (OrderDialog.ChooseReason or OrderDialog.Confirm) && session.ReturnReason is null && ItemReader.ReasonKey(input.Text) is { } key)
        {
            session.ReturnReason = new OrderWords(input.Responses, input.Policies, input.Language).Say(key);
        }
    }

    public string? Question(OrderSession session, OrderWords words) => session.Step switch
    {
        OrderDialog.ChooseItems => words.Say("return.ask_items"),
        OrderDialog.ChooseReason => words.Say("return.ask_reason_again"),
        OrderDialog.Confirm => words.Say("flow.go_ahead"),
        _ => null,
    };

    public async Task<DialogReply> ActAsync(FlowTurn turn, Order order, CancellationToken cancellationToken)
    {
        var (session, words, input) = (turn.Session, turn.Words, turn.Input);
        var number = ("order", order.Number);
        if (FlowSteps.UnlessDelivered(turn, order, "return.not_delivered") is { } notYet)
        {
            return notYet;
        }

        var lines = ReturnEligibility.Of(order, words.Policies, turn.Now);
        var eligible = lines.Where(l => l.Eligible).ToList();
        if (eligible.Count == 0)
        {
            return FlowSteps.Finish(session, words.Say("return.nothing_eligible", number, ("lines", OrderReplies.Eligibility(lines, words))),
                FlowSteps.Buttons(words, "button.talk_to_person"));
        }

        if (session.Step == OrderDialog.ChooseItems)
        {
            session.SelectedLines.AddRange(ItemReader.Lines(session.PendingLines, input.Text, AllItems(input)) ?? []);
        }
        else if (session.Step == OrderDialog.ChooseReason)
        {
            session.ReturnReason = Reason(input);
        }
        else if (session.Step is null or OrderDialog.NeedNumber or OrderDialog.NeedProof or OrderDialog.NeedEmail or OrderDialog.ChooseOrder
            && session.SelectedLines.Count == 0 && session.ItemHint is { } hint && ItemReader.Lines([.. eligible.Select(l => l.Item)], hint, words.Say("button.all_items")) is { } early)
        {
            // The item came before the order was in hand ("return the sweater from LP10000001").
            session.SelectedLines.AddRange(early);
        }

        if (session.Step == OrderDialog.Confirm)
        {
            return await ConfirmedAsync(turn, order, eligible, cancellationToken).ConfigureAwait(false);
        }

        if (session.SelectedLines.Count == 0)
        {
            session.PendingLines = eligible.Select(l => l.Item).ToList();
            var choices = eligible.Select(l => new ReplyChoice(OrderReplies.ItemTitle(l.Item))).ToList();
            if (eligible.Count > 1)
            {
                choices.Add(new ReplyChoice(words.Say("button.all_items")));
            }

            var note = lines.Count > eligible.Count ? words.Say("return.for_your_information", ("lines", OrderReplies.Eligibility(lines.Where(l => !l.Eligible), words))) : "";
            return FlowSteps.Ask(session, OrderDialog.ChooseItems, words.Say("return.choose_items", number, ("note", note)), choices);
        }

        if (session.ReturnReason is null)
        {
            return FlowSteps.Ask(session, OrderDialog.ChooseReason, words.Say("return.ask_reason"),
                [.. ItemReader.Reasons.Select(r => new ReplyChoice(words.Say(r.Key)))]);
        }

        var items = string.Join(", ", session.SelectedLines.Select(id => OrderReplies.ItemTitle(order.Items.First(i => i.LineId == id))));
        return FlowSteps.Ask(session, OrderDialog.Confirm, words.Say("return.confirm", number, ("items", items), ("reason", session.ReturnReason.ToLowerInvariant())),
            FlowSteps.Buttons(words, "button.yes_return", "button.no"));
    }

    private static async Task<DialogReply> ConfirmedAsync(FlowTurn turn, Order order, List<LineEligibility> eligible, CancellationToken cancellationToken)
    {
        var (session, words) = (turn.Session, turn.Words);
        if (FlowSteps.Answer(turn.Input) != true)
        {
            return FlowSteps.Finish(session, words.Say("return.declined"), []);
        }

        try
        {
            var lineQuantities = session.SelectedLines.Select(id => new ReturnLine(id, eligible.First(l => l.Item.LineId == id).ReturnableQuantity)).ToList();
            var created = await turn.Access.CreateReturnAsync(session, order, lineQuantities, session.ReturnReason!, cancellationToken).ConfigureAwait(false);
            return FlowSteps.Finish(session, OrderReplies.ReturnCreated(created, order, words), []) with { Change = new OrderChange(order.Number, "return_created") };
        }
        catch (OrderActionRefusedException refused)
        {
            return FlowSteps.Finish(session, words.Say("return.refused", ("refusal", OrderReplies.Refusal(refused.Code, words))), FlowSteps.Buttons(words, "button.talk_to_person"));
        }
    }

    private static string AllItems(DialogInput input) => new OrderWords(input.Responses, input.Policies, input.Language).Say("button.all_items");

    /// <summary>A reason button, words that name one, or a short free-text reason; never a question (that is a digression).</summary>
    private static string? Reason(DialogInput input)
    {
        var trimmed = input.Text.Trim();
        if (ItemReader.ReasonKey(trimmed) is { } key)
        {
            return new OrderWords(input.Responses, input.Policies, input.Language).Say(key);
        }

        return trimmed.Length is > 2 and <= 80 && !Digressions.IsQuestion(trimmed) ? trimmed : null;
    }
}
