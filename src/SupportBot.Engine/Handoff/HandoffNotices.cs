using System.Collections.Concurrent;
using System.Threading.Channels;

namespace SupportBot.Handoff;

/// <summary>A change agents should see now: a queue entry added, claimed, closed, or a new shopper message.</summary>
public sealed record HandoffNotice(string HandoffId, string ConversationId, string Change, string? AgentId = null)
{
    public const string Added = "added";
    public const string Claimed = "claimed";
    public const string Resolved = "resolved";
    public const string Returned = "returned";
    public const string Updated = "updated";
    public const string Message = "message";
}

/// <summary>
/// Fans queue changes out to the signed-in agents' live connections. Notices only say that something changed;
/// the console then reads the queue and transcripts, so a missed notice delays but never loses a message.
/// </summary>
public sealed class HandoffNotices
{
    private readonly ConcurrentDictionary<Guid, Channel<HandoffNotice>> _listeners = new();

    public (ChannelReader<HandoffNotice> Reader, IDisposable Subscription) Subscribe()
    {
        var channel = Channel.CreateBounded<HandoffNotice>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        var id = Guid.NewGuid();
        _listeners[id] = channel;
        return (channel.Reader, new Unsubscribe(() => _listeners.TryRemove(id, out _)));
    }

    public void Publish(HandoffNotice notice)
    {
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

/// <summary>Which agents have the console open: a handoff with nobody online becomes an offer to leave a message.</summary>
public sealed class AgentPresence
{
    private readonly ConcurrentDictionary<Guid, AgentAccount> _connections = new();

    public IDisposable Connect(AgentAccount agent)
    {
        var id = Guid.NewGuid();
        _connections[id] = agent;
        return new Disconnect(() => _connections.TryRemove(id, out _));
    }

    /// <summary>Distinct agents online who handle <paramref name="reason"/> (all online agents when null).</summary>
    public int Online(string? reason = null) =>
        _connections.Values.Where(a => reason is null || a.Handles(reason)).Select(a => a.Id).Distinct(StringComparer.OrdinalIgnoreCase).Count();

    private sealed class Disconnect(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
