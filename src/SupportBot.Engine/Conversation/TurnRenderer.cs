using SupportBot.Feedback;
using SupportBot.Replies;
using SupportBot.Schema;
using SupportBot.Storage;

namespace SupportBot.Conversation;

/// <summary>
/// A turn's result as the activities its channel gets: the bot's message (with the thumbs of
/// <see cref="AnswerFeedback"/> when it answers a stored message), then a contact centre's
/// <c>handoff.initiate</c> if the turn asked for one, then the trace of the decision. All are addressed back to
/// the sender of <c>inbound</c>, in its conversation and language.
/// </summary>
internal sealed class TurnRenderer(TimeProvider time)
{
    public IReadOnlyList<Activity> Render(Activity inbound, TurnResult result)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        ArgumentNullException.ThrowIfNull(result);
        var envelope = Envelope(inbound);
        var activities = new List<Activity>(3);
        if (result.Reply is { } reply)
        {
            var message = ActivityRenderer.Message(envelope, reply) with { Locale = inbound.Locale };
            activities.Add(AnswerFeedback.Invites(result.Decision) && SqlConversationStore.SequenceOf(inbound.Id) is { } asked
                ? message with { Entities = [AnswerFeedback.EntityFor(asked)] }
                : message);
        }

        activities.AddRange(result.Events.OfType<HandoffRequested>().Select(e => e.ContactCentreEvent).OfType<Activity>());
        if (result.Decision is { } decision)
        {
            activities.Add(ActivityRenderer.Trace(envelope, decision));
        }

        return activities;
    }

    private Activity Envelope(Activity inbound) => new()
    {
        Timestamp = time.GetUtcNow(),
        ChannelId = inbound.ChannelId,
        From = Participants.Bot,
        Recipient = inbound.From,
        Conversation = inbound.Conversation,
        ReplyToId = inbound.Id,
    };
}
