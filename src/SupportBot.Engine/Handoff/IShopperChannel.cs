using SupportBot.Schema;

namespace SupportBot.Handoff;

/// <summary>
/// Sends what agents write (and the bot's announcements about them) to the shopper's channel, outside a turn:
/// the host delivers over Direct Line or the Bot Connector; the transcript records it either way.
/// </summary>
internal interface IShopperChannel
{
    /// <summary>
    /// Records and sends the activities in order; returns the transcript sequence of the first. When the first carries a
    /// client activity id already in the transcript, nothing is sent again and that activity's sequence is returned.
    /// </summary>
    Task<long> DeliverAsync(HandoffTicket ticket, IReadOnlyList<Activity> activities, CancellationToken cancellationToken);
}
