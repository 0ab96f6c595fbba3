using Microsoft.Extensions.Time.Testing;
using SupportBot.Schema;
using SupportBot.Storage;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Storage;

/// <summary>
/// The turn's one lock and its commit, on SQLite and on PostgreSQL: turns of one conversation never overlap (on
/// PostgreSQL not even from two separate "instances"), state and transcript commit together or not at all, a stale
/// writer is refused, idle state lapses, a retried client id is found.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class TurnStoreTests : OnBothProviders
{
    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task ACommittedTurn_SavesStateAndTranscriptTogether_AndTheNextTurnReadsThem(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Start);
        var turns = new SqlTurnStore(test.Database, clock);
        await new SqlConversationStore(test.Database).CreateAsync("c1", null, Start, default);

        await using (var first = await turns.BeginAsync("c1", null, default))
        {
            Assert.Null(first.State);
            Assert.Equal("c1|0000000", first.NextId);
            await first.CommitAsync([Said("where is my order", "a1"), Reply("c1|0000000")], """{"step":"need_proof"}""", Start.AddMinutes(30),
                new ShopperSeen("u1", "Sam", "en-US", Start), null, null, null, default);
        }

        await using var second = await new SqlTurnStore(test.Reopen(), clock).BeginAsync("c1", "a1", default);
        Assert.Equal((1L, """{"step":"need_proof"}"""), (second.State!.Version, second.State.Json));
        var retried = second.Earlier;
        Assert.Equal("where is my order", retried!.Activity.Text);
        Assert.Equal(["asked"], (await second.RepliesToAsync(retried, default)).Select(r => r.Activity.Text));
        Assert.Equal(("Sam", 1), await new SqlConversationStore(test.Database).FindUserAsync("u1", default) is { } user ? (user.Name, user.Messages) : default);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task AnUncommittedTurn_LeavesNothing(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var turns = new SqlTurnStore(test.Database, new FakeTimeProvider(Start));
        await new SqlConversationStore(test.Database).CreateAsync("c1", null, Start, default);

        await using (var crashed = await turns.BeginAsync("c1", null, default))
        {
            Assert.Equal("c1|0000000", crashed.NextId);
        }

        await using var next = await turns.BeginAsync("c1", null, default);
        Assert.Null(next.State);
        Assert.Empty(await new SqlConversationStore(test.Database).ReadAfterAsync("c1", -1, default));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task TurnsOfOneConversation_RunOneAtATime_AndEachSeesThePreviousState(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Start);

        // Two stores over separate connections pools: on PostgreSQL, two instances.
        ITurnStore[] instances = [new SqlTurnStore(test.Database, clock), provider == StorageProvider.Postgres ? new SqlTurnStore(test.Reopen(), clock) : new SqlTurnStore(test.Database, clock)];
        await new SqlConversationStore(test.Database).CreateAsync("c1", null, Start, default);
        if (provider == StorageProvider.Sqlite)
        {
            // One SQLite file is one instance: both "instances" share the store (and its gates) there.
            instances[1] = instances[0];
        }

        var inside = 0;
        var overlapped = false;
        await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            await using var turn = await instances[i % 2].BeginAsync("c1", null, default);
            overlapped |= Interlocked.Increment(ref inside) > 1;
            var count = turn.State is null ? 0 : int.Parse(turn.State.Json, System.Globalization.CultureInfo.InvariantCulture);
            await Task.Yield();
            Interlocked.Decrement(ref inside);
            await turn.CommitAsync([Said($"message {i}", $"m{i}")], (count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Start.AddHours(1), null, null, null, null, default);
        }));

        Assert.False(overlapped);
        await using var last = await instances[0].BeginAsync("c1", null, default);
        Assert.Equal(("20", 20L), (last.State!.Json, last.State.Version));
        Assert.Equal(Enumerable.Range(0, 20).Select(i => (long)i), (await new SqlConversationStore(test.Database).ReadAfterAsync("c1", -1, default)).Select(a => a.Sequence));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task AWriterWithAnOlderVersion_IsRefused_AndWritesNothing(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Start);
        await new SqlConversationStore(test.Database).CreateAsync("c1", null, Start, default);
        await using (var first = await new SqlTurnStore(test.Database, clock).BeginAsync("c1", null, default))
        {
            await first.CommitAsync([], "1", Start.AddHours(1), null, null, null, null, default);
        }

        // A writer that bypassed the lock (an older build, a hand-run script) moves the version under a running turn.
        await using var stale = await new SqlTurnStore(test.Database, clock).BeginAsync("c1", null, default);
        await using (var connection = await test.Reopen().OpenAsync(default))
        await using (var bump = connection.CreateCommand())
        {
            bump.CommandText = "UPDATE conversation_state SET version = version + 1";
            Assert.Equal(1, await bump.ExecuteNonQueryAsync());
        }

        await Assert.ThrowsAsync<ConcurrentTurnException>(() => stale.CommitAsync([Said("lost", "l1")], "2", Start.AddHours(1), null, null, null, null, default));
        Assert.Empty(await new SqlConversationStore(test.Database).ReadAfterAsync("c1", -1, default));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task IdleState_Lapses_AfterItsExpiry(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Start);
        var turns = new SqlTurnStore(test.Database, clock);
        await new SqlConversationStore(test.Database).CreateAsync("c1", null, Start, default);
        await using (var first = await turns.BeginAsync("c1", null, default))
        {
            await first.CommitAsync([], "verified", Start.AddMinutes(30), null, null, null, null, default);
        }

        clock.Advance(TimeSpan.FromMinutes(29));
        await using (var soon = await turns.BeginAsync("c1", null, default))
        {
            Assert.Equal("verified", soon.State!.Json);
        }

        clock.Advance(TimeSpan.FromMinutes(2));
        await using var late = await turns.BeginAsync("c1", null, default);
        Assert.Null(late.State);
        await late.CommitAsync([], "fresh", Start.AddHours(2), null, null, null, null, default);
    }

    private static Activity Said(string text, string clientId) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        From = new ChannelAccount("u1", null, "user"),
        ChannelData = System.Text.Json.JsonSerializer.SerializeToElement(new { clientActivityID = clientId }),
    };

    private static Activity Reply(string to) => new() { Type = ActivityTypes.Message, Text = "asked", ReplyToId = to, From = new ChannelAccount("bot", null, "bot") };

    /// <summary>A turn of <paramref name="conversationId"/> that only counts a shopper's message on their profile.</summary>
    internal static async Task SeenAsync(Database database, string conversationId, ShopperSeen seen)
    {
        await using var turn = await new SqlTurnStore(database, new FakeTimeProvider(seen.At)).BeginAsync(conversationId, null, default);
        await turn.CommitAsync([], null, seen.At, seen, null, null, null, default);
    }
}
