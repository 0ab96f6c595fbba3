using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Host.DirectLine;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.DirectLine;

/// <summary>The shared keep-alive clock on its own: one beat wakes every waiter.</summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class StreamKeepAliveClockTests
{
    [Fact]
    public async Task ABeat_WakesEveryWaiter_AndTheNextBeatIsANewOne()
    {
        var clock = new FakeTimeProvider();
        using var keepAlive = new StreamKeepAlive(clock);
        var first = keepAlive.NextBeat;
        var alsoFirst = keepAlive.NextBeat;

        clock.Advance(StreamKeepAlive.Interval - TimeSpan.FromSeconds(1));
        Assert.False(first.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));

        await first.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Same(first, alsoFirst);
        Assert.False(keepAlive.NextBeat.IsCompleted);
    }
}

/// <summary>Idle streams share one keep-alive clock: an empty frame each beat, and the pending read survives it.</summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class StreamKeepAliveTests
{
    private const string Secret = "test-secret-0123456789-abcdef-0123456789";

    [Fact]
    public async Task AnIdleStream_GetsAnEmptyFrameEachBeat_AndStillDeliversTheNextReply()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));
        using var keepAlive = new StreamKeepAlive(clock);
        await using var server = await RunningServer.StartAsync(services => services.AddSingleton(keepAlive), "--DirectLine:Secret", Secret);
        var client = new DirectLineClient(server.Client, Secret);
        await client.StartAsync();
        using var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await socket.ConnectAsync(new Uri(client.StreamUrl!), timeout.Token);
        await DirectLineSocket.ReceiveActivitiesAsync(socket, timeout.Token);

        clock.Advance(StreamKeepAlive.Interval);

        // Well before the real clock's first beat: the frame can only come from the shared (fake) clock.
        using var beatWait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var beat = await socket.ReceiveAsync(new byte[1 << 16], beatWait.Token);
        var id = await client.PostOkAsync("do you ship to canada", "keep-alive-1");
        var live = new List<JsonElement>();
        while (!live.Exists(a => a.TryGetProperty("replyToId", out var r) && r.GetString() == id && a.GetProperty("type").GetString() == "message"))
        {
            live.AddRange(await DirectLineSocket.ReceiveActivitiesAsync(socket, timeout.Token));
        }

        Assert.Equal(WebSocketMessageType.Text, beat.MessageType);
        Assert.Equal(0, beat.Count);
        Assert.True(beat.EndOfMessage);
        Assert.Contains(live, a => a.TryGetProperty("text", out var t) && t.GetString()!.Contains("Canada", StringComparison.OrdinalIgnoreCase));
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
    }
}
