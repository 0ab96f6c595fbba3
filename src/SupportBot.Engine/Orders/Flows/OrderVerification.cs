using SupportBot.Replies;

namespace SupportBot.Orders.Flows;

/// <summary>
/// Establishes which order a flow is about and that it is the shopper's, through <see cref="OrderAccess"/>: the
/// order number (or a pick among the verified customer's orders), then the e-mail or ZIP/postal code on it; a flow
/// that changes the order asks again for the e-mail when a ZIP proved it. Every failure says the same whether the
/// order exists or not, and what the shopper can do next.
/// </summary>
internal sealed class OrderVerification(OrderAccess access)
{
    /// <summary>The proved order, or the question to ask to get there.</summary>
    internal sealed record Outcome(Order? Order, DialogReply? Reply, string? GreetName);

    public async Task<Outcome> EstablishAsync(IOrderFlow flow, FlowTurn turn, CancellationToken cancellationToken)
    {
        var (session, words) = (turn.Session, turn.Words);
        string? greet = null;
        var order = session.OrderNumber is { } number ? await access.FindVerifiedAsync(session, number, cancellationToken).ConfigureAwait(false) : null;
        if (order is null)
        {
            if (session.OrderNumber is null)
            {
                var mine = await access.VerifiedOrdersAsync(session, cancellationToken).ConfigureAwait(false);
                if (mine.Count > 0)
                {
                    var choices = mine.Take(5).Select(o => new ReplyChoice(words.Say("verify.order_choice", ("order", o.Number), ("summary", Summary(o, words))), o.Number)).ToList();
                    return Ask(FlowSteps.Ask(session, OrderDialog.ChooseOrder, words.Say("verify.choose_order"), choices));
                }

                var question = words.Say("verify.ask_number");
                return Ask(FlowSteps.Ask(session, OrderDialog.NeedNumber, session.Step is null ? words.Say("preface." + flow.Name, ("question", question)) : question));
            }

            if (session.Proof is null)
            {
                return Ask(FlowSteps.Ask(session, OrderDialog.NeedProof, words.Say("verify.ask_proof")));
            }

            var result = await access.VerifyAsync(session, session.OrderNumber, session.Proof, cancellationToken).ConfigureAwait(false);
            session.Proof = null;
            if (result.Outcome != Verification.Verified)
            {
                return Ask(NotVerified(session, result, OrderDialog.NeedNumber, words));
            }

            order = result.Order!;
            greet = order.FirstName;
        }

        if (!flow.ReadsOnly && !session.MayChange(order))
        {
            // Proved by its postal code, which shows status and tracking only: a change needs the e-mail too.
            var proof = session.Proof;
            session.Proof = null;
            if (proof is null || !OrderAccess.IsEmail(proof))
            {
                var action = words.Say("step_up_action." + flow.Name);
                return new Outcome(null, FlowSteps.Ask(session, OrderDialog.NeedEmail, words.Say("verify.step_up", ("action", action), ("order", order.Number))), greet);
            }

            var result = await access.VerifyAsync(session, order.Number, proof, cancellationToken).ConfigureAwait(false);
            if (result.Outcome != Verification.Verified)
            {
                return new Outcome(null, NotVerified(session, result, OrderDialog.NeedEmail, words), greet);
            }

            order = result.Order!;
        }

        return new Outcome(order, null, greet);
    }

    private static Outcome Ask(DialogReply reply) => new(null, reply, null);

    /// <param name="retryStep">The step a plain mismatch goes back to: the order number again, or the e-mail of the order in hand.</param>
    private DialogReply NotVerified(OrderSession session, VerificationResult result, string retryStep, OrderWords words)
    {
        switch (result.Outcome)
        {
            case Verification.Locked:
                session.EndFlow();
                return new DialogReply(words.Say("verify.locked"), [], [], OrderDialog.HandoffVerificationFailed);
            case Verification.TryLater:
                session.EndFlow();
                var minutes = Math.Max(1, (int)Math.Ceiling(result.RetryAfter.TotalMinutes));
                return new DialogReply(words.Count("verify.try_later", minutes), FlowSteps.Buttons(words, "button.talk_to_person"), []);
            case Verification.EmailRequired:
                session.Step = retryStep == OrderDialog.NeedEmail ? OrderDialog.NeedEmail : OrderDialog.NeedProof;
                return new DialogReply(words.Say("verify.email_required"), FlowSteps.Buttons(words, "button.talk_to_person"), []);
            default:
                if (retryStep == OrderDialog.NeedNumber)
                {
                    session.OrderNumber = null;
                }

                session.Step = retryStep;
                return new DialogReply(words.Count("verify.mismatch", access.MaxAttempts - session.FailedVerifications), [], []);
        }
    }

    private static string Summary(Order order, OrderWords words) => order.Status switch
    {
        OrderStatus.Delivered => words.Say("summary.delivered", ("date", order.Shipment?.DeliveredAt is { } at ? words.ShortDay(at) : "")),
        OrderStatus.Shipped => words.Say("summary.shipped"),
        OrderStatus.Placed => words.Say("summary.placed"),
        OrderStatus.Processing => words.Say("summary.processing"),
        _ => words.Say("summary.cancelled"),
    };
}
