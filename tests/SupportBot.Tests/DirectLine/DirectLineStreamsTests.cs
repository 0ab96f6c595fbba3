using Microsoft.Extensions.DependencyInjection;
using SupportBot.Host.DirectLine;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.DirectLine;

/// <summary>This instance's live feeds take memory only while they are open, however many conversations have streamed.</summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class DirectLineStreamsTests
{
    [Fact]
    public async Task AConversation_IsForgotten_WhenItsLastFeedCloses()
    {
        await using var server = await RunningServer.StartAsync();
        var streams = server.Services.GetRequiredService<DirectLineStreams>();
        var before = streams.ConversationsStreaming;

        var first = streams.Subscribe("feeds-a");
        var second = streams.Subscribe("feeds-a");
        Assert.Equal(before + 1, streams.ConversationsStreaming);

        first.Dispose();
        Assert.Equal(before + 1, streams.ConversationsStreaming);
        second.Dispose();
        Assert.Equal(before, streams.ConversationsStreaming);
    }

    [Fact]
    public async Task AFeedReplacedByNewerOnes_ClosingLate_LeavesTheirConversationStreaming()
    {
        await using var server = await RunningServer.StartAsync("--Limits:StreamsPerConversation", "1");
        var streams = server.Services.GetRequiredService<DirectLineStreams>();
        var before = streams.ConversationsStreaming;

        var replaced = streams.Subscribe("feeds-b");
        using var newer = streams.Subscribe("feeds-b");
        replaced.Dispose();

        Assert.True(replaced.Reader.Completion.IsCompleted);
        Assert.Equal(before + 1, streams.ConversationsStreaming);
    }
}
