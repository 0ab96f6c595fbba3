using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SupportBot.Conversation.Schema;
using SupportBot.Storage;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.DirectLine;

/// <summary>The SQLite store on a real file: ordered ids, replay after a watermark, client ids, profiles, reopening.</summary>
public sealed class ConversationStoreTests : IDisposable
{
    private readonly TempFolder _folder = TempFolder.Create();

    public void Dispose() => _folder.Dispose();

    private SqliteConversationStore Open() => new(Options.Create(new StorageOptions { DataPath = _folder.Path }), new Environment(_folder.Path));

    [Fact]
    public async Task Append_AssignsOrderedIds_AndReadAfterReplaysFromAWatermark()
    {
        var store = Open();
        await store.CreateAsync("c1", "u1", DateTimeOffset.UnixEpoch, default);

        var first = await store.AppendAsync("c1", [new Activity { Text = "a" }, new Activity { Text = "b" }], default);
        var second = await store.AppendAsync("c1", [new Activity { Text = "c" }], default);

        Assert.Equal(["c1|0000000", "c1|0000001"], first.Select(a => a.Activity.Id));
        Assert.Equal(2, second[0].Sequence);
        Assert.Equal(["b", "c"], (await store.ReadAfterAsync("c1", 0, default)).Select(a => a.Activity.Text));
        Assert.Equal(["c"], (await Open().ReadAfterAsync("c1", 1, default)).Select(a => a.Activity.Text));
    }

    [Fact]
    public async Task ClientActivityId_IsFoundAndCannotBeStoredTwice()
    {
        var store = Open();
        await store.CreateAsync("c1", null, DateTimeOffset.UnixEpoch, default);
        var posted = new Activity { Text = "hi", ChannelData = System.Text.Json.JsonSerializer.SerializeToElement(new { clientActivityID = "x" }) };

        await store.AppendAsync("c1", [posted], default);

        Assert.Equal("hi", (await store.FindByClientIdAsync("c1", "x", default))!.Activity.Text);
        await Assert.ThrowsAnyAsync<Microsoft.Data.Sqlite.SqliteException>(() => store.AppendAsync("c1", [posted], default));
        Assert.Single(await store.ReadAfterAsync("c1", -1, default));
    }

    [Fact]
    public async Task Users_AreRememberedAcrossConversations()
    {
        var store = Open();

        await store.TouchUserAsync("u1", "Sam", "en-US", DateTimeOffset.UnixEpoch, default);
        var profile = await Open().TouchUserAsync("u1", null, null, DateTimeOffset.UnixEpoch.AddDays(1), default);

        Assert.Equal("Sam", profile.Name);
        Assert.Equal("en-US", profile.Locale);
        Assert.Equal(2, profile.Messages);
        Assert.Equal(DateTimeOffset.UnixEpoch, profile.FirstSeen);
        Assert.Equal(DateTimeOffset.UnixEpoch.AddDays(1), profile.LastSeen);
    }

    private sealed class Environment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";

        public string ApplicationName { get; set; } = "tests";

        public string ContentRootPath { get; set; } = root;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
