using Microsoft.Extensions.Logging;
using SupportBot.Knowledge.Responses;
using SupportBot.Orders.Flows;
using SupportBot.Replies;
using SupportBot.Understanding.Entities;

namespace SupportBot.Orders;

/// <summary>A shopper's message as the order flows see it, with the editors' words of the knowledge version in service.</summary>
internal sealed record DialogInput(string Text, string? Intent, IReadOnlyList<Entity> Entities, OrderPolicies Policies)
{
    /// <summary>The catalogues of <c>knowledge/responses/</c> the flows word their replies from.</summary>
    public ResponseCatalog Responses { get; init; } = ResponseCatalog.Empty;

    /// <summary>The language of the turn: the flows word their replies and read their buttons in it.</summary>
    public ReplyLanguage Language { get; init; } = ReplyLanguage.English;
}

/// <summary>
/// What the order flows answer. <see cref="HandoffReason"/> is set when the conversation must go to a person
/// (verification failed, a lost parcel to replace, the order system is down, an exchange the shop's system cannot make).
/// </summary>
internal sealed record DialogReply(string Text, IReadOnlyList<ReplyChoice> Choices, IReadOnlyList<ReplyCard> Cards, string? HandoffReason = null)
{
    /// <summary>Set when the flow changed the order in the shop's backend.</summary>
    public OrderChange? Change { get; init; }
}

/// <summary>What a flow changed: <see cref="Kind"/> is <c>return_created</c>, <c>exchange_created</c>, <c>cancelled</c> or <c>address_changed</c>.</summary>
internal sealed record OrderChange(string OrderNumber, string Kind);

/// <summary>
/// The order flows' front door: starts a flow, routes each message to it (slots are taken in any order, see
/// <see cref="SlotReader"/>), ends or restarts it when the shopper says so, and asks its question again after a
/// digression. Which order and whose it is, is <see cref="OrderVerification"/>'s; what happens next, each
/// <see cref="IOrderFlow"/>'s. A message that fits no step is left to the caller (an FAQ question, small talk).
/// </summary>
internal sealed partial class OrderDialog
{
    public const string NeedNumber = "need_number";
    public const string NeedProof = "need_proof";
    public const string NeedEmail = "need_email";
    public const string ChooseOrder = "choose_order";
    public const string ChooseItems = "choose_items";
    public const string ChooseReason = "choose_reason";
    public const string NeedSize = "need_size";
    public const string Confirm = "confirm";
    public const string NeedAddress = "need_address";
    public const string LostOptions = "lost_options";

    public const string HandoffVerificationFailed = "verification_failed";
    public const string HandoffLostParcel = "lost_parcel_claim";
    public const string HandoffBackendDown = "order_system_unavailable";
    public const string HandoffExchange = ExchangeFlow.HandoffExchange;

    /// <summary>The flow each intent starts.</summary>
    public static readonly IReadOnlyDictionary<string, string> FlowOfIntent = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["order_status"] = OrderFlow.Status,
        ["missing_package"] = OrderFlow.Status,
        ["start_return"] = OrderFlow.Return,
        ["exchange"] = OrderFlow.Exchange,
        ["return_status"] = OrderFlow.ReturnStatus,
        ["refund_status"] = OrderFlow.ReturnStatus,
        ["cancel_order"] = OrderFlow.Cancel,
        ["change_address"] = OrderFlow.ChangeAddress,
    };

    /// <summary>
    /// The flow a message asks for, given the one its intent suggests: a message that swaps an item for another size
    /// or colour is an exchange, whatever else it shares with a return or a status question.
    /// </summary>
    public static string? Refine(string? flow, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return flow is null or OrderFlow.Return or OrderFlow.Status && ExchangeWords().IsMatch(text) ? OrderFlow.Exchange : flow;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:exchang\w*|exchnag\w*|swap\w*|switch (?:it|them|the \w+) for|trade (?:it|them|the \w+) for|(?:bigger|smaller|larger|different) (?:size|one|colou?r)|size (?:up|down)|[ée]chang\w*|cambi(?:ar|o|arlo|arla|arlos|en)\b|une autre taille|autre taille|autre couleur|otra talla|otro color|otra talla)\b",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ExchangeWords();

    private static readonly Dictionary<string, IOrderFlow> Flows = new IOrderFlow[]
    {
        new StatusFlow(), new ReturnFlow(), new ExchangeFlow(), new ReturnStatusFlow(), new CancelFlow(), new AddressChangeFlow(),
    }.ToDictionary(f => f.Name, StringComparer.Ordinal);

    private readonly OrderAccess _access;
    private readonly OrderVerification _verification;
    private readonly TimeProvider _time;
    private readonly ILogger<OrderDialog> _logger;

    public OrderDialog(OrderAccess access, TimeProvider time, ILogger<OrderDialog> logger)
    {
        _access = access;
        _verification = new OrderVerification(access);
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Starts a flow. With <paramref name="keepOrder"/> (a button under an order's status) it is about the order in
    /// hand; otherwise about the order the message names, or one the shopper picks.
    /// </summary>
    public Task<DialogReply> StartAsync(OrderSession session, string flow, DialogInput input, bool keepOrder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(input);
        session.EndFlow();
        session.Flow = flow;
        if (!keepOrder)
        {
            session.OrderNumber = null;
        }

        var taken = SlotReader.Absorb(session, input);
        FlowOf(session).Absorb(session, input);
        return GuardedAsync(session, input, taken, cancellationToken);
    }

    /// <summary>Continues the current flow with the message, or returns null when the message does not answer the step.</summary>
    public Task<DialogReply>? TryContinue(OrderSession session, DialogInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(input);
        var flow = FlowOf(session);
        var fits = session.Step switch
        {
            NeedNumber or ChooseOrder or NeedProof or NeedEmail => SlotReader.HasSlot(session, input),
            _ => flow.Answers(session, input) || input.Entities.Any(e => e.Kind == EntityKind.OrderNumber),
        };
        if (!fits)
        {
            return null;
        }

        var taken = SlotReader.Absorb(session, input);
        flow.Absorb(session, input);
        return GuardedAsync(session, input, taken, cancellationToken);
    }

    /// <summary>
    /// "never mind", "actually i'll just keep it", "start over": the flow ends (saying so) or starts again. Null when
    /// the message is none of these, or is one of the step's own buttons ("No, keep it" answers a confirmation).
    /// </summary>
    public async Task<(FlowExit Exit, DialogReply Reply)?> TryLeaveAsync(OrderSession session, DialogInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(input);
        if (session.Flow is not { } flow || session.PendingActions.Any(a => a.Title.Equals(input.Text.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var words = Words(input);
        switch (Digressions.ExitOf(input.Text))
        {
            case FlowExit.Stop:
                session.EndFlow();
                return (FlowExit.Stop, new DialogReply(words.Say("flow.stopped"), [], []));
            case FlowExit.Keep:
                session.EndFlow();
                return (FlowExit.Keep, new DialogReply(words.Say("flow.kept"), [], []));
            case FlowExit.Restart:
                var again = await StartAsync(session, flow, input with { Entities = [] }, keepOrder: false, cancellationToken).ConfigureAwait(false);
                return (FlowExit.Restart, again with { Text = words.Say("flow.restarted", ("reply", again.Text)) });
            default:
                return null;
        }
    }

    /// <summary>The question of the current step again, after a digression, with its buttons.</summary>
    public static DialogReply Reprompt(OrderSession session, DialogInput input)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(input);
        var words = Words(input);
        var text = session.Step switch
        {
            NeedNumber => words.Say("verify.ask_number"),
            NeedProof => words.Say("verify.ask_proof"),
            NeedEmail => words.Say("verify.step_up", ("action", words.Say("step_up_action." + (session.Flow ?? OrderFlow.Status))), ("order", session.OrderNumber ?? "")),
            ChooseOrder => words.Say("verify.choose_order"),
            _ => (session.Flow is null ? null : FlowOf(session).Question(session, words)) ?? words.Say("flow.what_next"),
        };
        return new DialogReply(text, session.PendingActions, []);
    }

    /// <summary>"Now, back to where we were: …" after a digression was answered.</summary>
    public static string Resume(DialogInput input, string question) => Words(input).Say("flow.resume", ("question", question));

    private static OrderWords Words(DialogInput input) => new(input.Responses, input.Policies, input.Language);

    private static IOrderFlow FlowOf(OrderSession session) =>
        Flows.TryGetValue(session.Flow ?? OrderFlow.Status, out var flow) ? flow : Flows[OrderFlow.Status];

    private async Task<DialogReply> GuardedAsync(OrderSession session, DialogInput input, SlotReader.Taken taken, CancellationToken cancellationToken)
    {
        var words = Words(input);
        try
        {
            var reply = await AdvanceAsync(session, input, words, cancellationToken).ConfigureAwait(false);
            reply = Confirmed(session, taken, reply, words);
            session.PendingActions = reply.Choices;
            return reply;
        }
        catch (OrderBackendUnavailableException unavailable)
        {
            LogBackendUnavailable(unavailable.Message);
            session.PendingActions = [];
            return new DialogReply(words.Say("flow.backend_down"), [], [], HandoffBackendDown);
        }
    }

    private async Task<DialogReply> AdvanceAsync(OrderSession session, DialogInput input, OrderWords words, CancellationToken cancellationToken)
    {
        var flow = FlowOf(session);
        var turn = new FlowTurn(session, input, words, _time.GetUtcNow(), _access);
        var established = await _verification.EstablishAsync(flow, turn, cancellationToken).ConfigureAwait(false);
        var reply = established.Reply ?? await flow.ActAsync(turn, established.Order!, cancellationToken).ConfigureAwait(false);
        return established.GreetName is { } name ? reply with { Text = words.Say("verify.thanks", ("first_name", name), ("reply", reply.Text)) } : reply;
    }

    /// <summary>
    /// A proof given before the order number is kept, and said back, so the shopper knows it was not lost: "Thanks —
    /// ZIP/postal code 97205. What's your order number?"
    /// </summary>
    private static DialogReply Confirmed(OrderSession session, SlotReader.Taken taken, DialogReply reply, OrderWords words)
    {
        if (taken.Proof is null || session.Proof != taken.Proof || session.OrderNumber is not null || session.Step != NeedNumber || reply.HandoffReason is not null)
        {
            return reply;
        }

        var slot = OrderAccess.IsEmail(taken.Proof) ? words.Say("verify.took_email", ("email", taken.Proof)) : words.Say("verify.took_zip", ("zip", taken.Proof));
        return reply with { Text = words.Say("verify.took", ("slots", slot), ("reply", reply.Text)) };
    }

    [LoggerMessage(EventId = 600, Level = LogLevel.Warning, Message = "The order backend is unavailable; the conversation goes to a person: {Detail}")]
    private partial void LogBackendUnavailable(string detail);
}
