using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Configuration;
using SupportBot.Handoff;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Handoff;

[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class HandoffBudgetTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    private HandoffBudget CreateSut(int perHour) => new(_time, Options.Create(new LimitsOptions { HandoffsPerHourPerClient = perHour }));

    [Fact]
    public void TryStart_BeyondTheHourlyBudget_IsRefusedForThatClientOnly()
    {
        var budget = CreateSut(3);

        var first = Enumerable.Range(0, 4).Select(_ => budget.TryStart("203.0.113.7")).ToList();

        Assert.Equal([true, true, true, false], first);
        Assert.True(budget.TryStart("198.51.100.2"));
    }

    [Fact]
    public void TryStart_AnHourAfterTheFirst_IsAllowedAgain()
    {
        var budget = CreateSut(2);
        budget.TryStart("203.0.113.7");
        _time.Advance(TimeSpan.FromMinutes(30));
        budget.TryStart("203.0.113.7");

        var before = budget.TryStart("203.0.113.7");
        _time.Advance(TimeSpan.FromMinutes(30));
        var after = budget.TryStart("203.0.113.7");

        Assert.False(before);
        Assert.True(after);
    }

    [Fact]
    public void TryStart_Zero_TurnsTheLimitOff()
    {
        var budget = CreateSut(0);

        Assert.All(Enumerable.Range(0, 100), _ => Assert.True(budget.TryStart("203.0.113.7")));
    }
}
