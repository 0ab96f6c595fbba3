using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupportBot.Conversation.Schema;
using SupportBot.Knowledge;
using SupportBot.Storage;

namespace SupportBot.Handoff;

/// <summary>What the engine knew when it decided a person should take over.</summary>
public sealed record HandoffRequest(ConversationKey Conversation, Activity Inbound, HandoffVerdict Verdict, string? Intent, double Confidence, string Text,
    IReadOnlyDictionary<string, string> Slots, string? ShopperName)
{
    /// <summary>Who asked, as the channel adapter knows it: its network address keys the per-client handoff budget (else the conversation does).</summary>
    public ClientIdentity Client { get; init; } = ClientIdentity.Unknown;

    /// <summary>The shopper's messages before this one, oldest first.</summary>
    public IReadOnlyList<string> Earlier { get; init; } = [];
}

/// <summary>What the shopper is told, and the events for an external platform.</summary>
public sealed record HandoffOutcome(string Text, IReadOnlyList<CardAction>? Actions, string State, IReadOnlyList<Activity> Events, HandoffTicket? Ticket);

/// <summary>Why an agent's action was refused, in words for the console.</summary>
public sealed class HandoffConflictException(string message) : Exception(message);

/// <summary>
/// The handoff desk: puts conversations in the queue (or hands them to an external platform, or takes a message
/// when no one is available), tells the shopper where they stand, and carries out what agents do — claim, reply,
/// hand back, resolve — delivering each message to the shopper's channel. It keeps nothing in memory: whether a
/// person owns a conversation, a place in the queue and a pending rating question are read from the store, so every
/// instance gives the same answer.
/// </summary>
public sealed partial class HandoffDesk
{
    private static readonly HandoffStatus[] Claimable = [HandoffStatus.Queued, HandoffStatus.Ticket];

    private readonly IHandoffStore _store;
    private readonly IConversationStore _transcripts;
    private readonly IShopperChannel _channel;
    private readonly AgentPresence _presence;
    private readonly HandoffNotices _notices;
    private readonly LiveKnowledge _knowledge;
    private readonly TimeProvider _time;
    private readonly HandoffOptions _options;
    private readonly OpeningHours _hours;
    private readonly ILogger<HandoffDesk> _logger;
    private readonly HandoffBudget _budget;

    public HandoffDesk(IHandoffStore store, IConversationStore transcripts, IShopperChannel channel, AgentPresence presence, HandoffNotices notices,
        LiveKnowledge knowledge, TimeProvider time, IOptions<HandoffOptions> options, HandoffBudget budget, ILogger<HandoffDesk> logger)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _transcripts = transcripts;
        _channel = channel;
        _presence = presence;
        _notices = notices;
        _knowledge = knowledge;
        _time = time;
        _options = options.Value;
        _hours = OpeningHours.From(_options);
        _logger = logger;
        _budget = budget;
    }

    public HandoffOptions Options => _options;

    public AgentPresence Presence => _presence;

    /// <summary>The conversation's open handoff: queued, pending with a platform, or owned by an agent.</summary>
    public Task<HandoffTicket?> OpenForAsync(string conversationId, CancellationToken cancellationToken) => _store.FindOpenAsync(conversationId, cancellationToken);

    /// <summary>True while a person owns the conversation: the bot neither answers nor shows itself typing.</summary>
    public async Task<bool> BotIsSilentAsync(string conversationId, CancellationToken cancellationToken) =>
        (await OpenForAsync(conversationId, cancellationToken).ConfigureAwait(false))?.Status == HandoffStatus.Assigned;

    public async Task<HandoffOutcome> HandOffAsync(HandoffRequest request, HandoffMemory memory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(memory);
        var now = _time.GetUtcNow();
        if (!_budget.TryStart(request.Client.Address is { } address ? "address:" + address : "conversation:" + request.Inbound.Conversation?.Id))
        {
            return new HandoffOutcome(HandoffReplies.TooManyHandoffs(), null, HandoffReplies.BackToBotState, [], null);
        }

        if (_options.Target == HandoffTarget.External)
        {
            var pending = await AddAsync(request, HandoffStatus.Pending, null, now, cancellationToken).ConfigureAwait(false);
            var initiate = await InitiateEventAsync(request, pending, cancellationToken).ConfigureAwait(false);
            return new HandoffOutcome(HandoffReplies.ConnectingExternal(), null, HandoffReplies.QueuedState, [initiate], pending);
        }

        if (!_hours.IsOpen(now) || (_options.RequireAgentOnline && await _presence.OnlineAsync(request.Verdict.Reason, cancellationToken).ConfigureAwait(false) == 0))
        {
            memory.Offer = new PendingMessageOffer(request);
            return new HandoffOutcome(HandoffReplies.Offline(_knowledge.Current.Knowledge.Policies), [CardAction.Say("No thanks")], HandoffReplies.OfflineState, [], null);
        }

        var ticket = await AddAsync(request, HandoffStatus.Queued, null, now, cancellationToken).ConfigureAwait(false);
        var position = await PositionOfAsync(ticket, cancellationToken).ConfigureAwait(false);
        var wait = await EstimateWaitAsync(position, request.Verdict.Reason, cancellationToken).ConfigureAwait(false);
        return new HandoffOutcome(HandoffReplies.Connecting(position, wait), null, HandoffReplies.QueuedState, [], ticket);
    }

    /// <summary>The shopper answered the offer to leave a message with an e-mail address: it becomes a ticket in the queue.</summary>
    public async Task<HandoffTicket> LeaveMessageAsync(PendingMessageOffer offer, string email, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var request = offer.Request with { Text = message };
        return await AddAsync(request, HandoffStatus.Ticket, email, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> PositionOfAsync(HandoffTicket ticket, CancellationToken cancellationToken) =>
        1 + await _store.AheadOfAsync(ticket, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// The median wait of the last <see cref="HandoffOptions.WaitSampleSize"/> claimed chats, times the rounds of
    /// agents needed to reach this place in the queue; null until three chats have been claimed.
    /// </summary>
    public async Task<TimeSpan?> EstimateWaitAsync(int position, string reason, CancellationToken cancellationToken)
    {
        var waits = await _store.RecentWaitsAsync(_options.WaitSampleSize, cancellationToken).ConfigureAwait(false);
        if (waits.Count < 3)
        {
            return null;
        }

        var median = waits.Order().ElementAt(waits.Count / 2);
        var rounds = (int)Math.Ceiling(position / (double)Math.Max(1, await _presence.OnlineAsync(reason, cancellationToken).ConfigureAwait(false)));
        return median * rounds;
    }

    /// <summary>The shopper said "cancel" while waiting.</summary>
    public async Task LeaveQueueAsync(HandoffTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (await _store.TransitionAsync(ticket.Id, [HandoffStatus.Queued, HandoffStatus.Pending], HandoffStatus.Cancelled, new HandoffChange(_time.GetUtcNow()), cancellationToken).ConfigureAwait(false))
        {
            await _notices.PublishAsync(new HandoffNotice(ticket.Id, ticket.ConversationId, HandoffNotice.Updated), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A shopper's message reached the transcript of a conversation in a person's hands: the agent's console refreshes.</summary>
    public async Task ShopperWroteAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (await OpenForAsync(conversationId, cancellationToken).ConfigureAwait(false) is { } ticket)
        {
            await _notices.PublishAsync(new HandoffNotice(ticket.Id, conversationId, HandoffNotice.Message, ticket.AgentId), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A 1–5 reply right after an agent resolved the conversation is its rating.</summary>
    public async Task<int?> TryRateAsync(string conversationId, string text, CancellationToken cancellationToken)
    {
        if (await _store.TakeRatingQuestionAsync(conversationId, cancellationToken).ConfigureAwait(false) is not { } ticketId)
        {
            return null;
        }

        var digits = text.Trim().TrimEnd('.', '!').Replace("stars", "", StringComparison.OrdinalIgnoreCase).Replace("star", "", StringComparison.OrdinalIgnoreCase).Trim();
        if (digits.Length != 1 || digits[0] is < '1' or > '5')
        {
            return null;
        }

        var rating = digits[0] - '0';
        await _store.RateAsync(ticketId, rating, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return rating;
    }

    /// <summary>
    /// The Bot Framework <c>handoff.status</c> event from an external platform: <c>accepted</c> silences the bot,
    /// <c>failed</c> and <c>completed</c> give the conversation back (the latter with the rating question).
    /// Returns what the bot says, if anything.
    /// </summary>
    public async Task<(string Text, IReadOnlyList<CardAction>? Actions, string State)?> ExternalStatusAsync(string conversationId, string state, string? agentName, CancellationToken cancellationToken)
    {
        if (await OpenForAsync(conversationId, cancellationToken).ConfigureAwait(false) is not { } ticket)
        {
            return null;
        }

        var change = new HandoffChange(_time.GetUtcNow()) { AgentName = agentName };
        var persona = _knowledge.Current.Knowledge.Prompt.Persona;
        switch (state)
        {
            case "accepted" when await TransitionAsync(ticket, [HandoffStatus.Pending, HandoffStatus.Queued], HandoffStatus.Assigned, change, HandoffNotice.Claimed, cancellationToken).ConfigureAwait(false):
                return null;
            case "failed" when await TransitionAsync(ticket, [HandoffStatus.Pending, HandoffStatus.Queued, HandoffStatus.Assigned], HandoffStatus.Cancelled, change, HandoffNotice.Updated, cancellationToken).ConfigureAwait(false):
                return (HandoffReplies.ExternalFailed(persona), null, HandoffReplies.BackToBotState);
            case "completed" when await TransitionAsync(ticket, [HandoffStatus.Pending, HandoffStatus.Queued, HandoffStatus.Assigned], HandoffStatus.Resolved, change with { AskRating = true }, HandoffNotice.Resolved, cancellationToken).ConfigureAwait(false):
                return (HandoffReplies.Resolved(agentName ?? ticket.AgentName ?? "Our support team", persona), HandoffReplies.RatingButtons, HandoffReplies.BackToBotState);
            default:
                return null;
        }
    }

    // ── The agent's side ──────────────────────────────────────────────────────────────────────────────────────────

    /// <summary>What this agent may see: waiting entries of the reasons they handle, messages left, and their own chats.</summary>
    public async Task<IReadOnlyList<HandoffTicket>> QueueForAsync(AgentAccount agent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var work = await _store.ListWorkAsync(cancellationToken).ConfigureAwait(false);
        return work.Where(t => Visible(agent, t)).ToList();
    }

    /// <summary>The entry if this agent may see it; null when it does not exist or belongs to someone else.</summary>
    public async Task<HandoffTicket?> FindForAsync(AgentAccount agent, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var ticket = await _store.FindAsync(id, cancellationToken).ConfigureAwait(false);
        return ticket is not null && Visible(agent, ticket) ? ticket : null;
    }

    /// <summary>
    /// The entry an agent may try to claim: one of the reasons they handle, whatever became of it since their queue
    /// showed it, so losing a race is a conflict naming the winner rather than "no such conversation".
    /// </summary>
    public async Task<HandoffTicket?> FindClaimableForAsync(AgentAccount agent, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var ticket = await _store.FindAsync(id, cancellationToken).ConfigureAwait(false);
        return ticket is not null && (Visible(agent, ticket) || agent.Handles(ticket.Reason)) ? ticket : null;
    }

    public async Task<HandoffTicket> ClaimAsync(AgentAccount agent, HandoffTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(ticket);
        if (ticket.Status == HandoffStatus.Assigned && ticket.AgentId == agent.Id)
        {
            return ticket;
        }

        var change = new HandoffChange(_time.GetUtcNow()) { AgentId = agent.Id, AgentName = agent.Name };
        if (!await _store.TransitionAsync(ticket.Id, Claimable, HandoffStatus.Assigned, change, cancellationToken).ConfigureAwait(false))
        {
            var now = await _store.FindAsync(ticket.Id, cancellationToken).ConfigureAwait(false);
            throw new HandoffConflictException(now?.AgentName is { } other && now.Status == HandoffStatus.Assigned
                ? $"{other} has already taken this conversation."
                : "This conversation is no longer waiting.");
        }

        var claimed = ticket with { Status = HandoffStatus.Assigned, AgentId = agent.Id, AgentName = agent.Name, ClaimedAt = change.At };
        await _notices.PublishAsync(new HandoffNotice(ticket.Id, ticket.ConversationId, HandoffNotice.Claimed, agent.Id), cancellationToken).ConfigureAwait(false);
        LogClaimed(_logger, ticket.Id, agent.Id, ticket.Reason);
        await DeliverAsync(claimed, [BotMessage(claimed, HandoffReplies.AgentJoined(agent.Name), null, HandoffReplies.WithAgentState)], cancellationToken).ConfigureAwait(false);
        return claimed;
    }

    /// <summary>Sends the agent's message; a retry with the same client id is not sent twice. Returns its transcript sequence.</summary>
    public async Task<long> SendAsync(AgentAccount agent, HandoffTicket ticket, string text, string clientId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(ticket);
        await RequireOwnerAsync(agent, ticket, cancellationToken).ConfigureAwait(false);
        var message = Envelope(ticket) with
        {
            Type = ActivityTypes.Message,
            From = new ChannelAccount("agent:" + agent.Id, agent.Name, "bot"),
            Text = text,
            TextFormat = "plain",
            ChannelData = HandoffReplies.ChannelData("agent", agent.Name, clientActivityId: "agent:" + clientId),
        };
        return await DeliverAsync(ticket, [message], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Hands the conversation back to the bot.</summary>
    public async Task ReturnAsync(AgentAccount agent, HandoffTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(ticket);
        await RequireOwnerAsync(agent, ticket, cancellationToken).ConfigureAwait(false);
        if (await TransitionAsync(ticket, [HandoffStatus.Assigned], HandoffStatus.Returned, new HandoffChange(_time.GetUtcNow()), HandoffNotice.Returned, cancellationToken).ConfigureAwait(false))
        {
            var persona = _knowledge.Current.Knowledge.Prompt.Persona;
            await DeliverAsync(ticket, [BotMessage(ticket, HandoffReplies.ReturnedToBot(agent.Name, persona), null, HandoffReplies.BackToBotState)], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Closes the conversation as resolved; the bot takes over and asks for a rating.</summary>
    public async Task ResolveAsync(AgentAccount agent, HandoffTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(ticket);
        if (ticket.Status != HandoffStatus.Ticket)
        {
            await RequireOwnerAsync(agent, ticket, cancellationToken).ConfigureAwait(false);
        }

        // Only a conversation someone talked in gets the rating question (a message left is closed without one).
        var change = new HandoffChange(_time.GetUtcNow()) { AgentId = agent.Id, AgentName = agent.Name, AskRating = ticket.Status == HandoffStatus.Assigned };
        if (await TransitionAsync(ticket, [HandoffStatus.Assigned, HandoffStatus.Ticket], HandoffStatus.Resolved, change, HandoffNotice.Resolved, cancellationToken).ConfigureAwait(false)
            && ticket.Status == HandoffStatus.Assigned)
        {
            var persona = _knowledge.Current.Knowledge.Prompt.Persona;
            await DeliverAsync(ticket, [BotMessage(ticket, HandoffReplies.Resolved(agent.Name, persona), HandoffReplies.RatingButtons, HandoffReplies.BackToBotState)], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The conversation so far, as stored (empty for conversations that are not recorded, such as the terminal chat).</summary>
    public async Task<IReadOnlyList<StoredActivity>> TranscriptAsync(string conversationId, long after, CancellationToken cancellationToken) =>
        await _transcripts.ReadAfterAsync(conversationId, after, cancellationToken).ConfigureAwait(false);

    private static bool Visible(AgentAccount agent, HandoffTicket ticket) => ticket.Status switch
    {
        HandoffStatus.Queued or HandoffStatus.Ticket => agent.Handles(ticket.Reason),
        _ => string.Equals(ticket.AgentId, agent.Id, StringComparison.OrdinalIgnoreCase),
    };

    private async Task RequireOwnerAsync(AgentAccount agent, HandoffTicket ticket, CancellationToken cancellationToken)
    {
        var current = await _store.FindAsync(ticket.Id, cancellationToken).ConfigureAwait(false);
        if (current is null || current.Id != ticket.Id || current.Status != HandoffStatus.Assigned || !string.Equals(current.AgentId, agent.Id, StringComparison.OrdinalIgnoreCase))
        {
            throw new HandoffConflictException("You are not the agent of this conversation any more.");
        }
    }

    private async Task<bool> TransitionAsync(HandoffTicket ticket, HandoffStatus[] from, HandoffStatus to, HandoffChange change, string notice, CancellationToken cancellationToken)
    {
        if (!await _store.TransitionAsync(ticket.Id, from, to, change, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await _notices.PublishAsync(new HandoffNotice(ticket.Id, ticket.ConversationId, notice, change.AgentId ?? ticket.AgentId), cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<HandoffTicket> AddAsync(HandoffRequest request, HandoffStatus status, string? email, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var inbound = request.Inbound;
        var ticket = new HandoffTicket
        {
            Id = "h" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
            ConversationId = request.Conversation.Value,
            ChannelId = inbound.ChannelId,
            ServiceUrl = inbound.ServiceUrl,
            ShopperId = inbound.From?.Id,
            ShopperName = request.ShopperName,
            Reason = request.Verdict.Reason,
            Signals = request.Verdict.Signals,
            Intent = request.Intent,
            Confidence = request.Confidence,
            Summary = HandoffSummary.Write(request, _knowledge.Current.Knowledge),
            Slots = request.Slots,
            LastMessage = request.Text,
            Priority = _options.PriorityOf(request.Verdict.Reason),
            Status = status,
            Email = email,
            CreatedAt = now,
        };
        await _store.AddAsync(ticket, cancellationToken).ConfigureAwait(false);
        await _notices.PublishAsync(new HandoffNotice(ticket.Id, ticket.ConversationId, HandoffNotice.Added), cancellationToken).ConfigureAwait(false);
        LogHandedOff(_logger, ticket.Id, ticket.Reason, status);
        return ticket;
    }

    /// <summary>The Bot Framework <c>handoff.initiate</c> event: from the shopper, with the context and the transcript.</summary>
    private async Task<Activity> InitiateEventAsync(HandoffRequest request, HandoffTicket ticket, CancellationToken cancellationToken)
    {
        var inbound = request.Inbound;
        var stored = await _transcripts.ReadAfterAsync(ticket.ConversationId, -1, cancellationToken).ConfigureAwait(false);
        var activities = stored.Select(s => s.Activity).Where(a => a.Type is ActivityTypes.Message).Append(inbound).ToList();
        return new Activity
        {
            Type = ActivityTypes.Event,
            Name = "handoff.initiate",
            Timestamp = _time.GetUtcNow(),
            From = inbound.From,
            Recipient = inbound.Recipient,
            Conversation = inbound.Conversation,
            ReplyToId = inbound.Id,
            ServiceUrl = inbound.ServiceUrl,
            ChannelId = inbound.ChannelId,
            Value = JsonSerializer.SerializeToElement(new Dictionary<string, object?>
            {
                ["reason"] = ticket.Reason,
                ["reasonText"] = HandoffReasons.Describe(ticket.Reason),
                ["summary"] = ticket.Summary,
                ["intent"] = ticket.Intent,
                ["confidence"] = ticket.Confidence,
                ["signals"] = ticket.Signals,
                ["slots"] = ticket.Slots,
                ["handoffId"] = ticket.Id,
            }),
            Attachments = [new Attachment("application/json", new { activities }, Name: "Transcript")],
        };
    }

    private async Task<long> DeliverAsync(HandoffTicket ticket, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var sequence = await _channel.DeliverAsync(ticket, activities, cancellationToken).ConfigureAwait(false);
        await _notices.PublishAsync(new HandoffNotice(ticket.Id, ticket.ConversationId, HandoffNotice.Message, ticket.AgentId), cancellationToken).ConfigureAwait(false);
        return sequence;
    }

    private Activity Envelope(HandoffTicket ticket) => new()
    {
        Timestamp = _time.GetUtcNow(),
        ChannelId = ticket.ChannelId,
        ServiceUrl = ticket.ServiceUrl,
        Conversation = new ConversationAccount(ConversationKey.Parse(ticket.ConversationId).ChannelConversationId),
        Recipient = ticket.ShopperId is { } shopper ? new ChannelAccount(shopper, ticket.ShopperName, "user") : null,
    };

    private Activity BotMessage(HandoffTicket ticket, string text, IReadOnlyList<CardAction>? actions, string state) => Envelope(ticket) with
    {
        Type = ActivityTypes.Message,
        From = Participants.Bot,
        Text = text,
        TextFormat = "markdown",
        SuggestedActions = actions is { Count: > 0 } ? new SuggestedActions(actions) : null,
        ChannelData = HandoffReplies.ChannelData("bot", state == HandoffReplies.WithAgentState ? ticket.AgentName : null, state),
    };

    [LoggerMessage(EventId = 700, Level = LogLevel.Information, Message = "Conversation handed off as {HandoffId} ({Reason}), {Status}")]
    private static partial void LogHandedOff(ILogger logger, string handoffId, string reason, HandoffStatus status);

    [LoggerMessage(EventId = 701, Level = LogLevel.Information, Message = "Handoff {HandoffId} ({Reason}) claimed by agent {AgentId}")]
    private static partial void LogClaimed(ILogger logger, string handoffId, string agentId, string reason);
}
