using System.Text.Json;
using SupportBot.Schema;
using SupportBot.Storage;

namespace SupportBot.Handoff;

/// <summary>
/// The Bot Framework <c>handoff.initiate</c> event for an external contact centre (<c>Handoff:Target=External</c>):
/// from the shopper, with why the bot handed off, what it collected, and the transcript so far.
/// </summary>
internal sealed class HandoffInitiation(IConversationStore transcripts, TimeProvider time)
{
    public async Task<Activity> EventAsync(HandoffRequest request, HandoffTicket ticket, CancellationToken cancellationToken)
    {
        var inbound = request.Inbound;
        var stored = await transcripts.ReadAfterAsync(ticket.ConversationId, -1, cancellationToken).ConfigureAwait(false);
        var activities = stored.Select(s => s.Activity).Where(a => a.Type is ActivityTypes.Message).Append(inbound).ToList();
        return new Activity
        {
            Type = ActivityTypes.Event,
            Name = "handoff.initiate",
            Timestamp = time.GetUtcNow(),
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
}
