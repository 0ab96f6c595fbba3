using SupportBot.Schema;
using SupportBot.Storage;

namespace SupportBot.Feedback;

/// <summary>
/// Holds a feedback event's claim against the conversation's own transcript, as a stranger's input: the vote counts
/// only when the activity right after the named message is the bot's answer to it and carries the very action the
/// event names. The turn reads inside the conversation it was posted to, so another conversation's answers cannot be
/// reached, and a made-up, reused or altered action finds nothing to match.
/// </summary>
internal static class FeedbackCheck
{
    /// <returns>The vote to store with the turn, or null to store none (the event stays in the transcript as sent).</returns>
    public static async Task<AnswerVote?> VoteAsync(Activity feedback, ITurnTransaction turn, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (AnswerFeedback.Read(feedback) is not { } claim)
        {
            return null;
        }

        // The bot's message is stored right after the shopper's, in the same commit (ConversationTurns).
        var stored = await turn.ReadAsync(claim.MessageSequence, claim.MessageSequence + 1, cancellationToken).ConfigureAwait(false);
        if (stored is not [{ Activity: var message }, { Activity: var answer } reply])
        {
            return null;
        }

        var answersIt = answer is { Type: ActivityTypes.Message } && answer.From?.Id == Participants.Bot.Id && message.Id is not null
            && answer.ReplyToId == message.Id && AnswerFeedback.Offers(answer, claim);
        return answersIt ? new AnswerVote(claim.MessageSequence, reply.Sequence, claim.Vote, at) : null;
    }
}
