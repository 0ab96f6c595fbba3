using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using SupportBot.Storage;

namespace SupportBot.Handoff;

/// <summary>A change agents should see now: a queue entry added, claimed, closed, or a new shopper message.</summary>
internal sealed record HandoffNotice(string HandoffId, string ConversationId, string Change, string? AgentId = null)
{
    public const string Added = "added";
    public const string Claimed = "claimed";
    public const string Resolved = "resolved";
    public const string Returned = "returned";
    public const string Updated = "updated";
    public const string Message = "message";
}

/// <summary>
/// Fans queue changes out to the signed-in agents' live connections on every instance, through the
/// <see cref="IChangeFeed"/>. Notices only say that something changed; the console then reads the queue and
/// transcripts, so a missed notice delays but never loses a message.
/// </summary>
internal sealed class HandoffNotices : IDisposable
{
    private readonly ConcurrentDictionary<Guid, Channel<HandoffNotice>> _listeners = new();
    private readonly IChangeFeed _feed;
    private readonly IDisposable _subscription;

    public HandoffNotices(IChangeFeed feed)
    {
        _feed = feed;
        _subscription = feed.Subscribe(Change.Handoff, change => Deliver(change.Detail is { } detail
            ? JsonSerializer.Deserialize<HandoffNotice>(detail)
            : new HandoffNotice("", "", HandoffNotice.Updated)));
    }

    public (ChannelReader<HandoffNotice> Reader, IDisposable Subscription) Subscribe()
    {
        var channel = Channel.CreateBounded<HandoffNotice>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        var id = Guid.NewGuid();
        _listeners[id] = channel;
        return (channel.Reader, new Unsubscribe(() => _listeners.TryRemove(id, out _)));
    }

    public Task PublishAsync(HandoffNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return _feed.PublishAsync(new Change(Change.Handoff, notice.HandoffId, 0, JsonSerializer.Serialize(notice)), cancellationToken);
    }

    public void Dispose() => _subscription.Dispose();

    private void Deliver(HandoffNotice? notice)
    {
        if (notice is null)
        {
            return;
        }

        foreach (var listener in _listeners.Values)
        {
            listener.Writer.TryWrite(notice);
        }
    }

    private sealed class Unsubscribe(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
