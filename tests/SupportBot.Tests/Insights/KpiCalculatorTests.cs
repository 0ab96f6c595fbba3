using SupportBot.Handoff;
using SupportBot.Insights.Kpis;
using SupportBot.Schema;
using SupportBot.Storage;
using SupportBot.Tests.Storage;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Insights;

/// <summary>
/// Each KPI of docs/INSIGHTS.md against values worked out by hand on six conversations in the period (plus one the
/// week before, one after, and a rating before), stored through the turn store and the handoff queue as the server
/// stores them; on SQLite and PostgreSQL, so the one SQL path is checked on both.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class KpiCalculatorTests : OnBothProviders
{
    private static readonly KpiPeriod Day = new(Start, Start.AddDays(1), KpiBucket.Day);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task EveryKpi_MatchesTheHandComputedValues(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await FixedConversations.StoreAsync(test.Database);

        var kpis = await new KpiCalculator(test.Database).ComputeAsync(Day);

        Assert.Equal((6, 10), (kpis.Conversations, kpis.Messages));
        Assert.Equal(new Durations(6, 2, 5), kpis.BotFirstResponse);
        Assert.Equal(new Durations(2, 120, 300), kpis.QueueWait);
        Assert.Equal(new Durations(2, 100, 600), kpis.AgentHandling);
        Assert.Equal(new Durations(4, 61, 720), kpis.TimeToResolution);
        Assert.Equal(new ContainmentKpi(3, 1, 2, 0.5, 1 / 6.0), kpis.Containment);
        Assert.Equal((3, 0.5), (kpis.Handoffs.HandedOff, kpis.Handoffs.Rate));
        Assert.Equal(
            [("asked", 1), ("low_confidence", 0), ("frustration", 0), ("flow_failure", 1), ("outside_hours", 1), ("other", 0)],
            kpis.Handoffs.ByReason.Select(r => (r.Reason, r.Handoffs)));
        Assert.Equal(
            [("low_confidence", "offline", 1), ("requested", "queued", 1), ("verification_failed", "queued", 1)],
            kpis.Handoffs.ByRawReason.Select(r => (r.Reason, r.State, r.Handoffs)));
        Assert.Equal((2, 0.5, 3.5), (kpis.Csat.Ratings, kpis.Csat.Score, kpis.Csat.Average));
        Assert.Equal([0, 1, 0, 0, 1], kpis.Csat.Distribution);
        Assert.Equal(new RepeatKpi(3, 0.5), kpis.Repeats);
        Assert.Equal([("shipping-times", 2, 1), ("gift-cards", 1, 0), ("returns-window", 1, 1)], kpis.ByFaqEntry.Select(r => (r.Key, r.Messages, r.Answered)));
        Assert.Equal(
            [("shipping", 2, 1), ("gift_cards", 1, 0), ("order_status", 1, 1), ("return_policy", 1, 1), ("start_return", 1, 1), ("talk_to_human", 1, 0), ("thanks", 1, 1)],
            kpis.ByIntent.Select(r => (r.Key, r.Messages, r.Answered)));
        Assert.Equal([new FlowKpi("order_status", 1, 1, 0, 0), new FlowKpi("start_return", 1, 0, 1, 0)], kpis.Flows);
        var midnight = new DateTimeOffset(Start.UtcDateTime.Date, TimeSpan.Zero);
        Assert.Equal([new KpiPoint(midnight, 6, 3, 1, 2, 2, 1), new KpiPoint(midnight.AddDays(1), 0, 0, 0, 0, 0, 0)], kpis.Series);
    }

    [Fact]
    public void AnEmptyPeriod_HasNoRatesRatherThanZeros()
    {
        var kpis = KpiCalculator.From(Day, new KpiRows([], [], [], [], [], [], []));

        Assert.Equal((0, null, null), (kpis.Conversations, kpis.Containment.Rate, kpis.Csat.Score));
        Assert.Equal(new Durations(0, null, null), kpis.BotFirstResponse);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(-1, 0)]
    public void APeriodThatDoesNotEndAfterItStarts_IsRefused(int days, int hours)
    {
        Assert.Throws<ArgumentException>(() => new KpiPeriod(Start, Start.AddDays(days).AddHours(hours), KpiBucket.Day));
    }

    /// <summary>The set, as the server would have stored it (times relative to <see cref="OnBothProviders"/>' start).</summary>
    private static class FixedConversations
    {
        public static async Task StoreAsync(Database database)
        {
            var turns = new SqlTurnStore(database, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Start));
            var handoffs = new SqlHandoffStore(database);
            var conversations = new SqlConversationStore(database);

            // The week before: the same shopper as c6, and a rating outside the period.
            await SayAsync(turns, conversations, "c0", "u6", -2 * 86400, 1, "answer", f => f with { FaqId = "returns-window" });
            await HandoffAsync(handoffs, "h0", "c0", -2 * 86400, claimedAfter: 10, closedAfter: 20, HandoffStatus.Resolved, rating: 1);

            // c1: answered, then thanked: contained and confirmed.
            await SayAsync(turns, conversations, "c1", "u1", 0, 2, "answer", f => f with { Intent = "return_policy", FaqId = "returns-window" });
            await SayAsync(turns, conversations, "c1", "u1", 60, 1, "small_talk", f => f with { Intent = "thanks" });

            // c2: "did you mean", the choice picked and answered: contained, assumed.
            await SayAsync(turns, conversations, "c2", "u2", 3600, 4, "clarify", f => f with { Intent = "shipping", FaqId = "shipping-times", DidYouMean = true });
            await SayAsync(turns, conversations, "c2", "u2", 3660, 1, "answer", f => f with { Intent = "shipping", FaqId = "shipping-times", PickedOffer = true });

            // c3: the shopper of c1 again, asks for a person; claimed after 2 min, resolved 10 min later, rated 5.
            await SayAsync(turns, conversations, "c3", "u1", 7200, 1, "handoff", f => f with { Intent = "talk_to_human", HandoffReason = HandoffReasons.Requested, HandoffState = "queued" });
            await HandoffAsync(handoffs, "h3", "c3", 7200, claimedAfter: 120, closedAfter: 720, HandoffStatus.Resolved, rating: 5);

            // c4: a return flow for order 1001 fails verification and goes to a person, who hands it back; rated 2.
            await SayAsync(turns, conversations, "c4", "u4", 10800, 3, "order_flow",
                f => f with { Intent = "start_return", OrderNumber = "1001", Flow = "start_return", FlowStarted = "start_return" });
            await SayAsync(turns, conversations, "c4", "u4", 10860, 2, "handoff",
                f => f with { OrderNumber = "1001", FlowEnded = "start_return", FlowOutcome = FlowEnds.HandedOff, HandoffReason = HandoffReasons.VerificationFailed, HandoffState = "queued" });
            await HandoffAsync(handoffs, "h4", "c4", 10862, claimedAfter: 300, closedAfter: 400, HandoffStatus.Returned, rating: 2);

            // c5: another shopper about order 1001, its status shown in one turn.
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
            await turn.CommitAsync([said, reply], null, at.AddMinutes(30), null, details(new TurnFact(at, at.AddSeconds(repliedAfter), shopper, action)), default);
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
}
