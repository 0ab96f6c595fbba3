using SupportBot.Handoff;
using SupportBot.Storage;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Storage;

/// <summary>
/// The handoff queue as two instances see it over one real SQLite file or PostgreSQL database: who owns a
/// conversation, places in the queue and the rating question are read from the store, never remembered.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class HandoffStoreTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);

    public static IEnumerable<object[]> Providers => new TheoryData<StorageProvider>(StorageProvider.Sqlite, StorageProvider.Postgres);

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task TheOpenHandoff_IsWhatTheStoreSaysNow_OnEitherInstance(StorageProvider provider)
    {
        await using var two = await TwoInstances.CreateAsync(provider);
        var (a, b) = (two.A, two.B);
        await a.AddAsync(Ticket("h1", "c1", HandoffStatus.Queued, Noon), default);
        await a.AddAsync(Ticket("h2", "c2", HandoffStatus.Ticket, Noon), default);

        Assert.Equal(HandoffStatus.Queued, (await b.FindOpenAsync("c1", default))!.Status);
        Assert.True(await a.TransitionAsync("h1", [HandoffStatus.Queued], HandoffStatus.Assigned, new HandoffChange(Noon) { AgentId = "tess", AgentName = "Tess" }, default));
        Assert.Equal((HandoffStatus.Assigned, "tess"), await b.FindOpenAsync("c1", default) is { } owned ? (owned.Status, owned.AgentId) : default);
        Assert.True(await b.TransitionAsync("h1", [HandoffStatus.Assigned], HandoffStatus.Resolved, new HandoffChange(Noon), default));
        Assert.Null(await a.FindOpenAsync("c1", default));

        // A message left for later is work for agents, not a conversation a person owns: the bot keeps answering.
        Assert.Null(await b.FindOpenAsync("c2", default));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task APlaceInTheQueue_CountsTheQueuedEntriesRankedBeforeIt(StorageProvider provider)
    {
        await using var two = await TwoInstances.CreateAsync(provider);
        var store = two.A;
        var first = Ticket("h1", "c1", HandoffStatus.Queued, Noon);
        var urgent = Ticket("h2", "c2", HandoffStatus.Queued, Noon.AddMinutes(5)) with { Priority = 15 };
        var claimed = Ticket("h3", "c3", HandoffStatus.Queued, Noon.AddMinutes(1));
        var last = Ticket("h4", "c4", HandoffStatus.Queued, Noon.AddMinutes(10));
        foreach (var ticket in new[] { first, urgent, claimed, last })
        {
            await store.AddAsync(ticket, default);
        }

        await store.TransitionAsync("h3", [HandoffStatus.Queued], HandoffStatus.Assigned, new HandoffChange(Noon) { AgentId = "tess" }, default);

        Assert.Equal(0, await store.AheadOfAsync(urgent, default));
        Assert.Equal(1, await store.AheadOfAsync(first, default));
        Assert.Equal(2, await store.AheadOfAsync(last, default));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task TheRatingQuestion_IsAnsweredOnce_ByWhicheverInstanceGetsTheNextMessage_AndLapses(StorageProvider provider)
    {
        await using var two = await TwoInstances.CreateAsync(provider);
        var (a, b) = (two.A, two.B);
        foreach (var (id, conversation) in new[] { ("h1", "c1"), ("h2", "c2") })
        {
            await a.AddAsync(Ticket(id, conversation, HandoffStatus.Queued, Noon), default);
            await a.TransitionAsync(id, [HandoffStatus.Queued], HandoffStatus.Assigned, new HandoffChange(Noon) { AgentId = "tess" }, default);
            await a.TransitionAsync(id, [HandoffStatus.Assigned], HandoffStatus.Resolved, new HandoffChange(Noon.AddMinutes(5)) { AskRating = true }, default);
        }

        var answers = await Task.WhenAll(a.TakeRatingQuestionAsync("c1", Noon, default), b.TakeRatingQuestionAsync("c1", Noon, default));
        Assert.Equal("h1", Assert.Single(answers, x => x is not null));
        Assert.Null(await a.TakeRatingQuestionAsync("c1", Noon, default));

        // Asked before the window: taken, and gone for good.
        Assert.Null(await b.TakeRatingQuestionAsync("c2", Noon.AddMinutes(6), default));
        Assert.Null(await b.TakeRatingQuestionAsync("c2", Noon, default));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task ClaimsFromTwoInstancesAtOnce_HaveExactlyOneWinner(StorageProvider provider)
    {
        await using var two = await TwoInstances.CreateAsync(provider);
        var (a, b) = (two.A, two.B);
        SqlHandoffStore[] instances = [a, b];
        await instances[0].AddAsync(Ticket("h1", "c1", HandoffStatus.Queued, Noon), default);

        var wins = await Task.WhenAll(Enumerable.Range(0, 20).Select(agent => Task.Run(() => instances[agent % 2].TransitionAsync(
            "h1", [HandoffStatus.Queued, HandoffStatus.Ticket], HandoffStatus.Assigned, new HandoffChange(Noon) { AgentId = $"agent{agent}", AgentName = $"Agent {agent}" }, default))));

        var winner = Assert.Single(Enumerable.Range(0, 20), agent => wins[agent]);
        Assert.Equal($"Agent {winner}", (await instances[1].FindAsync("h1", default))!.AgentName);
    }

    /// <summary>One database and the handoff store of two instances on it.</summary>
    private sealed record TwoInstances(TestDatabase Test, SqlHandoffStore A, SqlHandoffStore B) : IAsyncDisposable
    {
        public static async Task<TwoInstances> CreateAsync(StorageProvider provider)
        {
            var test = await TestDatabase.CreateAsync(provider);
            return new TwoInstances(test, new SqlHandoffStore(test.Database), new SqlHandoffStore(test.Reopen()));
        }

        public ValueTask DisposeAsync() => Test.DisposeAsync();
    }

    private static HandoffTicket Ticket(string id, string conversation, HandoffStatus status, DateTimeOffset created) => new()
    {
        Id = id,
        ConversationId = conversation,
        Reason = HandoffReasons.Requested,
        Status = status,
        CreatedAt = created,
    };
}
