using SupportBot.Feedback;
using SupportBot.Handoff;
using SupportBot.Schema;
using SupportBot.Storage;

namespace SupportBot.Tests.Insights;

/// <summary>Six conversations in the day after <see cref="Start"/> (two with a thumbs on an answer), one the week before and one after, as the server would have stored them (KpiCalculatorTests works out their KPIs).</summary>
internal static class FixedConversations
{
    /// <summary>The day the set is about: every time in it is relative to this.</summary>
    public static readonly DateTimeOffset Start = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    public static async Task StoreAsync(Database database)
    {
        var turns = new SqlTurnStore(database, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Start));
        var handoffs = new SqlHandoffStore(database);
        var conversations = new SqlConversationStore(database);

        // The week before: the same shopper as c6, and a rating outside the period.
        await SayAsync(turns, conversations, "c0", "u6", -2 * 86400, 1, "answer", f => f with { FaqId = "returns-window" });
        await HandoffAsync(handoffs, "h0", "c0", -2 * 86400, claimedAfter: 10, closedAfter: 20, HandoffStatus.Resolved, rating: 1);

        // c1: answered, a thumbs up, then thanked: contained and confirmed.
        await SayAsync(turns, conversations, "c1", "u1", 0, 2, "answer", f => f with { Intent = "return_policy", FaqId = "returns-window" });
        await VoteAsync(turns, "c1", "u1", 0, AnswerFeedback.Up, 30);
        await SayAsync(turns, conversations, "c1", "u1", 60, 1, "small_talk", f => f with { Intent = "thanks" });

        // c2: "did you mean", the choice picked and answered, and a thumbs down on that answer: contained, disputed.
        await SayAsync(turns, conversations, "c2", "u2", 3600, 4, "clarify", f => f with { Intent = "shipping", FaqId = "shipping-times", DidYouMean = true });
        await SayAsync(turns, conversations, "c2", "u2", 3660, 1, "answer", f => f with { Intent = "shipping", FaqId = "shipping-times", PickedOffer = true });
        await VoteAsync(turns, "c2", "u2", 2, AnswerFeedback.Down, 3700);

        // c3: the shopper of c1 again, asks for a person; claimed after 2 min, resolved 10 min later, rated 5.
        await SayAsync(turns, conversations, "c3", "u1", 7200, 1, "handoff", f => f with { Intent = "talk_to_human", HandoffReason = HandoffReasons.Requested, HandoffState = "queued" });
        await HandoffAsync(handoffs, "h3", "c3", 7200, claimedAfter: 120, closedAfter: 720, HandoffStatus.Resolved, rating: 5);

        // c4: a return flow for order 1001 fails verification and goes to a person, who hands it back; rated 2.
        await SayAsync(turns, conversations, "c4", "u4", 10800, 3, "order_flow",
            f => f with { Intent = "start_return", OrderNumber = "1001", Flow = "start_return", FlowStarted = "start_return" });
        await SayAsync(turns, conversations, "c4", "u4", 10860, 2, "handoff",
            f => f with { OrderNumber = "1001", FlowEnded = "start_return", FlowOutcome = FlowEnds.HandedOff, HandoffReason = HandoffReasons.VerificationFailed, HandoffState = "queued" });
        await HandoffAsync(handoffs, "h4", "c4", 10862, claimedAfter: 300, closedAfter: 400, HandoffStatus.Returned, rating: 2);

        // c5: another shopper about order 1001, its status shown in one turn: contained, assumed.
        await SayAsync(turns, conversations, "c5", "u5", 14400, 2, "order_flow",
            f => f with { Intent = "order_status", OrderNumber = "1001", FlowStarted = "order_status", FlowEnded = "order_status", FlowOutcome = FlowEnds.Completed });

        // c6: not understood, then a handoff for low confidence when no one is there.
        await SayAsync(turns, conversations, "c6", "u6", 18000, 5, "not_understood", f => f with { Intent = "gift_cards", FaqId = "gift-cards" });
        await SayAsync(turns, conversations, "c6", "u6", 18060, 1, "handoff", f => f with { HandoffReason = HandoffReasons.LowConfidence, HandoffState = "offline" });

        // After the period.
        await SayAsync(turns, conversations, "c8", "u8", 25 * 3600, 1, "answer", f => f with { FaqId = "returns-window" });
    }

    private static async Task SayAsync(SqlTurnStore turns, SqlConversationStore conversations, string conversation, string shopper, int atSecond, int repliedAfter,
        string action, Func<TurnFact, TurnFact> details)
    {
        var at = Start.AddSeconds(atSecond);
        await conversations.CreateAsync(conversation, shopper, at, default);
        await using var turn = await turns.BeginAsync(conversation, null, default);
        var said = new Activity { Type = ActivityTypes.Message, Text = "…", From = new ChannelAccount(shopper, null, "user"), Timestamp = at };
        var reply = new Activity { Type = ActivityTypes.Message, Text = "…", From = new ChannelAccount("bot", null, "bot") };
        await turn.CommitAsync([said, reply], null, at.AddMinutes(30), null, details(new TurnFact(at, at.AddSeconds(repliedAfter), shopper, action)), null, null, default);
    }

    /// <summary>
    /// The shopper's thumbs on the answer to the message at <paramref name="asked"/>, committed with its feedback event
    /// as a live turn commits a vote (the answers here carry no thumbs to check a click against; FeedbackCheck's own tests do that).
    /// </summary>
    private static async Task VoteAsync(SqlTurnStore turns, string conversation, string shopper, long asked, string vote, int atSecond)
    {
        var at = Start.AddSeconds(atSecond);
        await using var turn = await turns.BeginAsync(conversation, null, default);
        var feedback = new Activity { Type = ActivityTypes.Event, Name = AnswerFeedback.EventName, From = new ChannelAccount(shopper, null, "user"), Timestamp = at };
        await turn.CommitAsync([feedback], null, at.AddMinutes(30), null, null, new AnswerVote(asked, asked + 1, vote, at), null, default);
    }

    private static async Task HandoffAsync(SqlHandoffStore handoffs, string id, string conversation, int atSecond, int claimedAfter, int closedAfter,
        HandoffStatus closedAs, int rating)
    {
        var at = Start.AddSeconds(atSecond);
        await handoffs.AddAsync(new HandoffTicket { Id = id, ConversationId = conversation, Reason = "any", CreatedAt = at, Status = HandoffStatus.Queued }, default);
        await handoffs.TransitionAsync(id, [HandoffStatus.Queued], HandoffStatus.Assigned, new HandoffChange(at.AddSeconds(claimedAfter)), default);
        await handoffs.TransitionAsync(id, [HandoffStatus.Assigned], closedAs, new HandoffChange(at.AddSeconds(closedAfter)), default);
        await handoffs.RateAsync(id, rating, at.AddSeconds(closedAfter + 5), default);
    }
}
