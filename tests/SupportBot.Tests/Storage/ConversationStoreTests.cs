using System.Data.Common;
using SupportBot.Schema;
using SupportBot.Storage;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Storage;

/// <summary>The transcript store on a real SQLite file and a real PostgreSQL database: ordered ids, replay after a watermark, client ids, profiles, reopening.</summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class ConversationStoreTests : OnBothProviders
{
    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task Append_AssignsOrderedIds_AndReadAfterReplaysFromAWatermark(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = new SqlConversationStore(test.Database);
        await store.CreateAsync("c1", "u1", DateTimeOffset.UnixEpoch, default);

        var first = await store.AppendAsync("c1", [new Activity { Text = "a" }, new Activity { Text = "b" }], default);
        var second = await store.AppendAsync("c1", [new Activity { Text = "c" }], default);

        Assert.Equal(["c1|0000000", "c1|0000001"], first.Select(a => a.Activity.Id));
        Assert.Equal(2, second[0].Sequence);
        Assert.Equal(["b", "c"], (await store.ReadAfterAsync("c1", 0, default)).Select(a => a.Activity.Text));
        var reopened = test.Reopen();
        Assert.Equal(["c"], (await new SqlConversationStore(reopened).ReadAfterAsync("c1", 1, default)).Select(a => a.Activity.Text));
        Assert.Equal(["c1"], await store.ListSinceAsync(DateTimeOffset.UnixEpoch, default));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task ClientActivityId_IsFoundAndCannotBeStoredTwice(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = new SqlConversationStore(test.Database);
        await store.CreateAsync("c1", null, DateTimeOffset.UnixEpoch, default);
        var posted = new Activity { Text = "hi", ChannelData = System.Text.Json.JsonSerializer.SerializeToElement(new { clientActivityID = "x" }) };

        await store.AppendAsync("c1", [posted], default);

        Assert.Equal("hi", (await store.FindByClientIdAsync("c1", "x", default))!.Activity.Text);
        await Assert.ThrowsAnyAsync<DbException>(() => store.AppendAsync("c1", [posted], default));
        Assert.Single(await store.ReadAfterAsync("c1", -1, default));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task Users_AreRememberedAcrossConversations(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);

        await TurnStoreTests.SeenAsync(test.Database, "c1", new ShopperSeen("u1", "Sam", "en-US", DateTimeOffset.UnixEpoch));
        await TurnStoreTests.SeenAsync(test.Reopen(), "c2", new ShopperSeen("u1", null, null, DateTimeOffset.UnixEpoch.AddDays(1)));
        var profile = (await new SqlConversationStore(test.Database).FindUserAsync("u1", default))!;

        Assert.Equal("Sam", profile.Name);
        Assert.Equal("en-US", profile.Locale);
        Assert.Equal(2, profile.Messages);
        Assert.Equal(DateTimeOffset.UnixEpoch, profile.FirstSeen);
        Assert.Equal(DateTimeOffset.UnixEpoch.AddDays(1), profile.LastSeen);
    }
}
