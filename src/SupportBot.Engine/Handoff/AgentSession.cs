using Microsoft.Extensions.Logging;
using SupportBot.Replies;
using SupportBot.Schema;
using SupportBot.Knowledge;
using SupportBot.Storage;
using SupportBot.Telemetry;

namespace SupportBot.Handoff;

/// <inheritdoc cref="IAgentSession"/>
internal sealed partial class AgentSession(IHandoffStore store, IConversationStore transcripts, TicketChanges changes, ShopperDelivery delivery,
    HandoffNotices notices, LiveKnowledge knowledge, BotTelemetry telemetry, TimeProvider time, ILogger<AgentSession> logger) : IAgentSession
{
    private static readonly HandoffStatus[] Claimable = [HandoffStatus.Queued, HandoffStatus.Ticket];

    private static readonly HandoffStatus[] ExternallyOpen = [HandoffStatus.Pending, HandoffStatus.Queued, HandoffStatus.Assigned];

    /// <summary>
    /// How long "how did we do? 1–5" stays asked: as long as the conversation's idle lifetime, after which the shopper
    /// starts afresh and a lone "5" is an answer to something else.
    /// </summary>
    internal static readonly TimeSpan RatingLapse = TimeSpan.FromMinutes(30);

    private HandoffWords WordsFor(HandoffTicket ticket) => HandoffWords.Of(knowledge.Current.Knowledge, ReplyLanguage.Of(ticket.Language));

    public async Task<IReadOnlyList<HandoffTicket>> QueueForAsync(AgentAccount agent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var work = await store.ListWorkAsync(cancellationToken).ConfigureAwait(false);
        return work.Where(t => Visible(agent, t)).ToList();
    }

    public async Task<HandoffTicket?> FindForAsync(AgentAccount agent, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var ticket = await store.FindAsync(id, cancellationToken).ConfigureAwait(false);
        return ticket is not null && Visible(agent, ticket) ? ticket : null;
    }

    public async Task<HandoffTicket?> FindClaimableForAsync(AgentAccount agent, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var ticket = await store.FindAsync(id, cancellationToken).ConfigureAwait(false);
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

        // The store's conditional update picks the one winner, on whichever instance each claim arrives.
        var change = new HandoffChange(time.GetUtcNow()) { AgentId = agent.Id, AgentName = agent.Name };
        if (!await changes.MoveAsync(ticket, Claimable, HandoffStatus.Assigned, change, HandoffNotice.Claimed, cancellationToken).ConfigureAwait(false))
        {
            var now = await store.FindAsync(ticket.Id, cancellationToken).ConfigureAwait(false);
            throw new HandoffConflictException(now?.AgentName is { } other && now.Status == HandoffStatus.Assigned
                ? $"{other} has already taken this conversation."
                : "This conversation is no longer waiting.");
        }

        var claimed = ticket with { Status = HandoffStatus.Assigned, AgentId = agent.Id, AgentName = agent.Name, ClaimedAt = change.At };
        LogClaimed(logger, ticket.Id, agent.Id, ticket.Reason);
        telemetry.QueueWait.Record((change.At - ticket.CreatedAt).TotalSeconds, new KeyValuePair<string, object?>("reason", ticket.Reason));
        await delivery.DeliverAsync(claimed, [delivery.BotMessage(claimed, WordsFor(claimed).AgentJoined(agent.Name), null, HandoffStates.WithAgent)], cancellationToken).ConfigureAwait(false);
        return claimed;
    }

    public async Task<long> SendAsync(AgentAccount agent, HandoffTicket ticket, string text, string clientId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(ticket);
        await RequireOwnerAsync(agent, ticket, cancellationToken).ConfigureAwait(false);
        return await delivery.DeliverAsync(ticket, [delivery.AgentMessage(ticket, agent, text, clientId)], cancellationToken).ConfigureAwait(false);
    }

    public async Task ReturnAsync(AgentAccount agent, HandoffTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(ticket);
        await RequireOwnerAsync(agent, ticket, cancellationToken).ConfigureAwait(false);
        if (await changes.MoveAsync(ticket, [HandoffStatus.Assigned], HandoffStatus.Returned, new HandoffChange(time.GetUtcNow()), HandoffNotice.Returned, cancellationToken).ConfigureAwait(false))
        {
            await delivery.DeliverAsync(ticket, [delivery.BotMessage(ticket, WordsFor(ticket).ReturnedToBot(agent.Name), null, HandoffStates.BackToBot)], cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task ResolveAsync(AgentAccount agent, HandoffTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(ticket);
        if (ticket.Status != HandoffStatus.Ticket)
        {
            await RequireOwnerAsync(agent, ticket, cancellationToken).ConfigureAwait(false);
        }

        // Only a conversation someone talked in gets the rating question (a message left is closed without one).
        var talked = ticket.Status == HandoffStatus.Assigned;
        var change = new HandoffChange(time.GetUtcNow()) { AgentId = agent.Id, AgentName = agent.Name, AskRating = talked };
        if (await changes.MoveAsync(ticket, [HandoffStatus.Assigned, HandoffStatus.Ticket], HandoffStatus.Resolved, change, HandoffNotice.Resolved, cancellationToken).ConfigureAwait(false) && talked)
        {
            await delivery.DeliverAsync(ticket, [delivery.BotMessage(ticket, WordsFor(ticket).Resolved(agent.Name), HandoffWords.RatingButtons, HandoffStates.BackToBot)], cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<StoredActivity>> TranscriptAsync(string conversationId, long after, CancellationToken cancellationToken) =>
        await transcripts.ReadAfterAsync(conversationId, after, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<AnswerVote>> VotesAsync(string conversationId, CancellationToken cancellationToken) =>
        await transcripts.VotesAsync(conversationId, cancellationToken).ConfigureAwait(false);

    public async Task ShopperWroteAsync(HandoffTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        await notices.PublishAsync(new HandoffNotice(ticket.Id, ticket.ConversationId, HandoffNotice.Message, ticket.AgentId), cancellationToken).ConfigureAwait(false);
    }

    public async Task<int?> TryRateAsync(string conversationId, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (await store.TakeRatingQuestionAsync(conversationId, time.GetUtcNow() - RatingLapse, cancellationToken).ConfigureAwait(false) is not { } ticketId)
        {
            return null;
        }

        var digits = text.Trim().TrimEnd('.', '!').Replace("stars", "", StringComparison.OrdinalIgnoreCase).Replace("star", "", StringComparison.OrdinalIgnoreCase).Trim();
        if (digits.Length != 1 || digits[0] is < '1' or > '5')
        {
            return null;
        }

        var rating = digits[0] - '0';
        await store.RateAsync(ticketId, rating, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return rating;
    }

    public async Task<(string Text, IReadOnlyList<ReplyChoice>? Choices, string State)?> ExternalStatusAsync(string conversationId, string state, string? agentName, CancellationToken cancellationToken)
    {
        if (await store.FindOpenAsync(conversationId, cancellationToken).ConfigureAwait(false) is not { } ticket)
        {
            return null;
        }

        var change = new HandoffChange(time.GetUtcNow()) { AgentName = agentName };
        switch (state)
        {
            case "accepted" when await changes.MoveAsync(ticket, [HandoffStatus.Pending, HandoffStatus.Queued], HandoffStatus.Assigned, change, HandoffNotice.Claimed, cancellationToken).ConfigureAwait(false):
                return null;
            case "failed" when await changes.MoveAsync(ticket, ExternallyOpen, HandoffStatus.Cancelled, change, HandoffNotice.Updated, cancellationToken).ConfigureAwait(false):
                return (WordsFor(ticket).ExternalFailed(), null, HandoffStates.BackToBot);
            case "completed" when await changes.MoveAsync(ticket, ExternallyOpen, HandoffStatus.Resolved, change with { AskRating = true }, HandoffNotice.Resolved, cancellationToken).ConfigureAwait(false):
                return (WordsFor(ticket).Resolved(agentName ?? ticket.AgentName), HandoffWords.RatingButtons, HandoffStates.BackToBot);
            default:
                return null;
        }
    }

    private static bool Visible(AgentAccount agent, HandoffTicket ticket) => ticket.Status switch
    {
        HandoffStatus.Queued or HandoffStatus.Ticket => agent.Handles(ticket.Reason),
        _ => string.Equals(ticket.AgentId, agent.Id, StringComparison.OrdinalIgnoreCase),
    };

    /// <summary>The ticket as the agent's console last saw it may be stale: the store says who owns it now.</summary>
    private async Task RequireOwnerAsync(AgentAccount agent, HandoffTicket ticket, CancellationToken cancellationToken)
    {
        var current = await store.FindAsync(ticket.Id, cancellationToken).ConfigureAwait(false);
        if (current is null || current.Status != HandoffStatus.Assigned || !string.Equals(current.AgentId, agent.Id, StringComparison.OrdinalIgnoreCase))
        {
            throw new HandoffConflictException("You are not the agent of this conversation any more.");
        }
    }

    [LoggerMessage(EventId = 701, Level = LogLevel.Information, Message = "Handoff {HandoffId} ({Reason}) claimed by agent {AgentId}")]
    private static partial void LogClaimed(ILogger logger, string handoffId, string agentId, string reason);
}
