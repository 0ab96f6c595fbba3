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
    internal async Task EveryKpi_MatchesTheHandComputedValues(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await FixedConversations.StoreAsync(test.Database);

        var kpis = await new KpiCalculator(test.Database).ComputeAsync(Day);

        Assert.Equal((6, 10), (kpis.Conversations, kpis.Messages));
        Assert.Equal(new Durations(6, 2, 5), kpis.BotFirstResponse);
        Assert.Equal(new Durations(2, 120, 300), kpis.QueueWait);
        Assert.Equal(new Durations(2, 100, 600), kpis.AgentHandling);
        Assert.Equal(new Durations(4, 61, 720), kpis.TimeToResolution);
        Assert.Equal(new ContainmentKpi(3, 1, 1, 0.5, 1 / 6.0, 1), kpis.Containment);
        Assert.Equal((1, 1, 0.5), (kpis.Feedback.Up, kpis.Feedback.Down, kpis.Feedback.UpShare));
        Assert.Equal([new EntryFeedback("returns-window", 1, 0), new EntryFeedback("shipping-times", 0, 1)], kpis.Feedback.ByFaqEntry);
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
        Assert.Equal([new KpiPoint(midnight, 6, 3, 1, 1, 2, 1, 1), new KpiPoint(midnight.AddDays(1), 0, 0, 0, 0, 0, 0, 0)], kpis.Series);
    }

    [Fact]
    public void AnEmptyPeriod_HasNoRatesRatherThanZeros()
    {
        var kpis = KpiCalculator.From(Day, new KpiRows([], [], [], [], [], [], [], []));

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
}
