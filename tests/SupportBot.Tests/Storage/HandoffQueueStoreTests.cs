using SupportBot.Handoff;
using SupportBot.Storage;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Storage;

/// <summary>The handoff queue on both providers: a claim has exactly one winner, however many agents (and instances) race for it.</summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class HandoffQueueStoreTests : OnBothProviders
{
    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task TwentyAgentsClaimingOneTicketAtOnce_ExactlyOneWins(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = new SqlHandoffStore(test.Database);
        await store.AddAsync(Ticket("h1", "c1"), default);

        // On PostgreSQL half the agents claim through a second connection pool: a second instance.
        IHandoffStore[] instances = [store, provider == StorageProvider.Postgres ? new SqlHandoffStore(test.Reopen()) : store];
        using var go = new ManualResetEventSlim();
        var claims = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            go.Wait();
            var change = new HandoffChange(Start.AddSeconds(i)) { AgentId = $"agent{i}", AgentName = $"Agent {i}" };
            return (Agent: change.AgentId, Won: await instances[i % 2].TransitionAsync("h1", [HandoffStatus.Queued], HandoffStatus.Assigned, change, default));
        })).ToList();
        go.Set();
        var results = await Task.WhenAll(claims);

        var winner = Assert.Single(results, r => r.Won);
        var stored = await store.FindAsync("h1", default);
        Assert.Equal((HandoffStatus.Assigned, winner.Agent), (stored!.Status, stored.AgentId));
        Assert.NotNull(stored.ClaimedAt);
        Assert.Equal(stored.Id, (await store.FindOpenAsync("c1", default))!.Id);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task TheQueue_IsOrderedByRank_AndARatingIsTakenOnce(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = new SqlHandoffStore(test.Database);
        var later = Ticket("late", "c1", Start.AddMinutes(5));
        await store.AddAsync(later, default);
        await store.AddAsync(Ticket("early", "c2", Start), default);

        Assert.Equal(["early", "late"], (await store.ListWorkAsync(default)).Select(t => t.Id));
        Assert.Equal(1, await store.AheadOfAsync(later, default));
        Assert.True(await store.TransitionAsync("early", [HandoffStatus.Queued], HandoffStatus.Resolved, new HandoffChange(Start.AddMinutes(9)) { AskRating = true }, default));
        Assert.Equal("early", await store.TakeRatingQuestionAsync("c2", Start, default));
        Assert.Null(await store.TakeRatingQuestionAsync("c2", Start, default));
        Assert.True(await store.RateAsync("early", 5, Start.AddMinutes(10), default));
        Assert.False(await store.RateAsync("early", 1, Start.AddMinutes(11), default));
        Assert.Equal(5, (await store.FindAsync("early", default))!.Rating);
    }

    private static HandoffTicket Ticket(string id, string conversation, DateTimeOffset? at = null) => new()
    {
        Id = id,
        ConversationId = conversation,
        Reason = "asked",
        Summary = "wants a person",
        Status = HandoffStatus.Queued,
        CreatedAt = at ?? Start,
    };
}
