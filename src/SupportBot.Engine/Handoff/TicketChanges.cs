using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace SupportBot.Handoff;

/// <summary>
/// The one way a ticket enters or changes in the store: every write is followed by a notice, so consoles on every
/// instance hear of it; a write that lost a race (the ticket was no longer in a <c>from</c> status) says nothing.
/// </summary>
internal sealed partial class TicketChanges(IHandoffStore store, HandoffNotices notices, ILogger<TicketChanges> logger)
{
    public static string NewId() => "h" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public async Task AddAsync(HandoffTicket ticket, CancellationToken cancellationToken)
    {
        await store.AddAsync(ticket, cancellationToken).ConfigureAwait(false);
        await notices.PublishAsync(new HandoffNotice(ticket.Id, ticket.ConversationId, HandoffNotice.Added), cancellationToken).ConfigureAwait(false);
        LogHandedOff(logger, ticket.Id, ticket.Reason, ticket.Status);
    }

    /// <summary>True when this call moved the ticket; false when it was not in one of <paramref name="from"/> any more.</summary>
    public async Task<bool> MoveAsync(HandoffTicket ticket, HandoffStatus[] from, HandoffStatus to, HandoffChange change, string notice, CancellationToken cancellationToken)
    {
        if (!await store.TransitionAsync(ticket.Id, from, to, change, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await notices.PublishAsync(new HandoffNotice(ticket.Id, ticket.ConversationId, notice, change.AgentId ?? ticket.AgentId), cancellationToken).ConfigureAwait(false);
        return true;
    }

    [LoggerMessage(EventId = 700, Level = LogLevel.Information, Message = "Conversation handed off as {HandoffId} ({Reason}), {Status}")]
    private static partial void LogHandedOff(ILogger logger, string handoffId, string reason, HandoffStatus status);
}
