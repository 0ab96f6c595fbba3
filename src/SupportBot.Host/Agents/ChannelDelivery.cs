using Microsoft.Extensions.Http;
using SupportBot.Conversation;
using SupportBot.Schema;
using SupportBot.Handoff;
using SupportBot.Host.BotConnector;
using SupportBot.Host.DirectLine;
using SupportBot.Host.Security;
using SupportBot.Storage;

namespace SupportBot.Host.Agents;

/// <summary>
/// Delivers what agents write to the shopper's own channel: Direct Line conversations get it on their stream (and
/// polls); Bot Connector channels get it posted to their service URL under the channel's own conversation id.
/// Either way it is in the transcript first.
/// </summary>
internal sealed class ChannelDelivery(ITurnStore turns, IConversationStore store, DirectLineStreams directLine, IHostEnvironment environment,
    IHttpClientFactory httpClients, ITypedHttpClientFactory<ConnectorClient> connectors, TimeProvider time) : IShopperChannel
{
    private readonly TranscriptShopperChannel _transcript = new(turns, store, time);

    public async Task<long> DeliverAsync(HandoffTicket ticket, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(activities);
        // By the adapter the conversation came through, not its channel id: Azure Bot Service has a "directline" channel too.
        if (!ConversationKey.Parse(ticket.ConversationId).IsBotConnector)
        {
            return await directLine.DeliverAsync(ticket.ConversationId, activities, cancellationToken).ConfigureAwait(false);
        }

        var (sequence, recorded) = await _transcript.RecordAsync(ticket, activities, cancellationToken).ConfigureAwait(false);
        if (recorded && ticket.ServiceUrl is { } serviceUrl)
        {
            // A typed client made per delivery from the factory's pooled handler, so the handler rotates as HttpClientFactory intends.
            var connector = connectors.CreateClient(httpClients.CreateClient(nameof(ConnectorClient)));
            foreach (var activity in DecisionTraces.For(ticket.ChannelId, environment, activities))
            {
                await connector.SendAsync(serviceUrl, activity, cancellationToken).ConfigureAwait(false);
            }
        }

        return sequence;
    }
}
