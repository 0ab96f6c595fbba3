using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Handoff;
using SupportBot.Storage;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Handoff;

/// <summary>
/// Agents online across instances: two <see cref="AgentPresence"/>s over one real database (SQLite or PostgreSQL), the
/// clock a <see cref="FakeTimeProvider"/>. A console counts everywhere while its instance beats, and stops counting
/// when the beats stop, however the instance stopped.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class AgentPresenceTests
{
    private static readonly AgentAccount Tess = new() { Id = "tess", Name = "Tess", ApiKey = "k" };

    private static readonly AgentAccount Ravi = new() { Id = "ravi", Name = "Ravi", ApiKey = "k2", Reasons = { HandoffReasons.Sensitive } };

    public static IEnumerable<object[]> Providers => new TheoryData<StorageProvider>(StorageProvider.Sqlite, StorageProvider.Postgres);

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task AConsoleOnOneInstance_CountsOnTheOther_UntilItsBeatsLapse(StorageProvider provider)
    {
        await using var two = await TwoInstances.CreateAsync(provider);
        var (time, a, b) = (two.Time, two.A, two.B);

        using var console = a.Connect(Tess);
        await a.BeatAsync(default);
        Assert.Equal(1, await b.OnlineAsync(null, default));

        // Two missed beats are forgiven; the third means the instance is gone.
        time.Advance(AgentPresence.BeatEvery * 3 - TimeSpan.FromSeconds(1));
        Assert.Equal(1, await b.OnlineAsync(null, default));
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(0, await b.OnlineAsync(null, default));

        await a.BeatAsync(default);
        Assert.Equal(1, await b.OnlineAsync(null, default));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task OnlineForAReason_CountsDistinctAgentsWhoHandleIt_OnEveryInstance(StorageProvider provider)
    {
        await using var two = await TwoInstances.CreateAsync(provider);
        var (time, a, b) = (two.Time, two.A, two.B);

        using var tessHere = a.Connect(Tess);
        using var tessThere = b.Connect(Tess);
        using var ravi = b.Connect(Ravi);
        await Task.WhenAll(a.BeatAsync(default), b.BeatAsync(default));

        Assert.Equal(2, await a.OnlineAsync(null, default));
        Assert.Equal(2, await a.OnlineAsync(HandoffReasons.Sensitive, default));
        Assert.Equal(1, await a.OnlineAsync(HandoffReasons.Requested, default));
    }

    /// <summary>One database, one clock, and the presence of two instances on them.</summary>
    private sealed record TwoInstances(TestDatabase Test, FakeTimeProvider Time, AgentPresence A, AgentPresence B) : IAsyncDisposable
    {
        public static async Task<TwoInstances> CreateAsync(StorageProvider provider)
        {
            var test = await TestDatabase.CreateAsync(provider);
            var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));
            return new TwoInstances(test, time, Presence(test.Database, time), Presence(test.Reopen(), time));
        }

        public ValueTask DisposeAsync() => Test.DisposeAsync();

        private static AgentPresence Presence(Database database, TimeProvider time) =>
            new(new SqlPresenceStore(database), time, NullLogger<AgentPresence>.Instance);
    }
}

/// <summary>The handoff folder cannot see the conversation's state (the dependency runs the other way), so the two lifetimes are tied here.</summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class RatingLapseTests
{
    [Fact]
    public void TheRatingQuestion_LapsesWithTheConversation() =>
        Assert.Equal(SupportBot.Conversation.ConversationState.IdleLifetime, AgentSession.RatingLapse);
}
