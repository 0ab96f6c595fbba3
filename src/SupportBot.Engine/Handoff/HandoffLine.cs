using Microsoft.Extensions.Options;
using SupportBot.Replies;
using SupportBot.Knowledge;

namespace SupportBot.Handoff;

/// <inheritdoc cref="IHandoffLine"/>
internal sealed class HandoffLine(IHandoffStore store, TicketChanges changes, HandoffInitiation initiation, AgentPresence presence, LiveKnowledge knowledge,
    TimeProvider time, IOptions<HandoffOptions> options, HandoffBudget budget) : IHandoffLine
{
    private readonly HandoffOptions _options = options.Value;
    private readonly OpeningHours _hours = OpeningHours.From(options.Value);

    private HandoffWords WordsFor(HandoffRequest request) => HandoffWords.Of(knowledge.Current.Knowledge, ReplyLanguage.Of(request.Language));

    public Task<HandoffTicket?> OpenForAsync(string conversationId, CancellationToken cancellationToken) => store.FindOpenAsync(conversationId, cancellationToken);

    public async Task<HandoffOutcome> HandOffAsync(HandoffRequest request, HandoffMemory memory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(memory);
        var now = time.GetUtcNow();
        if (!budget.TryStart(request.Client.Address is { } address ? "address:" + address : "conversation:" + request.Inbound.Conversation?.Id))
        {
            return new HandoffOutcome(WordsFor(request).TooManyHandoffs(), null, HandoffStates.BackToBot, null, null);
        }

        if (_options.Target == HandoffTarget.External)
        {
            var pending = await AddAsync(request, HandoffStatus.Pending, null, now, cancellationToken).ConfigureAwait(false);
            var initiate = await initiation.EventAsync(request, pending, cancellationToken).ConfigureAwait(false);
            return new HandoffOutcome(WordsFor(request).ConnectingExternal(), null, HandoffStates.Queued, initiate, pending);
        }

        if (!_hours.IsOpen(now) || (_options.RequireAgentOnline && await presence.OnlineAsync(request.Verdict.Reason, cancellationToken).ConfigureAwait(false) == 0))
        {
            memory.Offer = new PendingMessageOffer(request);
            return new HandoffOutcome(WordsFor(request).Offline(), ReplyChoice.Of(WordsFor(request).NoThanks), HandoffStates.Offline, null, null);
        }

        var ticket = await AddAsync(request, HandoffStatus.Queued, null, now, cancellationToken).ConfigureAwait(false);
        var position = await PositionOfAsync(ticket, cancellationToken).ConfigureAwait(false);
        var wait = await EstimateWaitAsync(position, request.Verdict.Reason, cancellationToken).ConfigureAwait(false);
        return new HandoffOutcome(WordsFor(request).Connecting(position, wait), null, HandoffStates.Queued, null, ticket);
    }

    public async Task<HandoffTicket> LeaveMessageAsync(PendingMessageOffer offer, string email, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var request = offer.Request with { Text = message };
        return await AddAsync(request, HandoffStatus.Ticket, email, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> PositionOfAsync(HandoffTicket ticket, CancellationToken cancellationToken) =>
        1 + await store.AheadOfAsync(ticket, cancellationToken).ConfigureAwait(false);

    public async Task LeaveQueueAsync(HandoffTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        await changes.MoveAsync(ticket, [HandoffStatus.Queued, HandoffStatus.Pending], HandoffStatus.Cancelled, new HandoffChange(time.GetUtcNow()), HandoffNotice.Updated, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The median wait of the last <see cref="HandoffOptions.WaitSampleSize"/> claimed chats, times the rounds of
    /// agents needed to reach this place in the queue; null until three chats have been claimed.
    /// </summary>
    private async Task<TimeSpan?> EstimateWaitAsync(int position, string reason, CancellationToken cancellationToken)
    {
        var waits = await store.RecentWaitsAsync(_options.WaitSampleSize, cancellationToken).ConfigureAwait(false);
        if (waits.Count < 3)
        {
            return null;
        }

        var median = waits.Order().ElementAt(waits.Count / 2);
        var rounds = (int)Math.Ceiling(position / (double)Math.Max(1, await presence.OnlineAsync(reason, cancellationToken).ConfigureAwait(false)));
        return median * rounds;
    }

    private async Task<HandoffTicket> AddAsync(HandoffRequest request, HandoffStatus status, string? email, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var inbound = request.Inbound;
        var ticket = new HandoffTicket
        {
            Id = TicketChanges.NewId(),
            ConversationId = request.Conversation.Value,
            ChannelId = inbound.ChannelId,
            ServiceUrl = inbound.ServiceUrl,
            ShopperId = inbound.From?.Id,
            ShopperName = request.ShopperName,
            Reason = request.Verdict.Reason,
            Signals = request.Verdict.Signals,
            Intent = request.Intent,
            Confidence = request.Confidence,
            Summary = HandoffSummary.Write(request, knowledge.Current.Knowledge),
            Slots = request.Slots,
            LastMessage = request.Text,
            Priority = _options.PriorityOf(request.Verdict.Reason),
            Status = status,
            Email = email,
            CreatedAt = now,
        };
        await changes.AddAsync(ticket, cancellationToken).ConfigureAwait(false);
        return ticket;
    }
}
