using System.Collections.Concurrent;

namespace SupportBot.Storage;

/// <summary>The change feed of one instance (the SQLite default): changes go straight to this process's subscribers.</summary>
internal sealed class LocalChangeFeed : IChangeFeed
{
    private readonly ConcurrentDictionary<long, (string Kind, Action<Change> Handler)> _handlers = new();
    private long _last;

    public Task PublishAsync(Change change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        Deliver(change);
        return Task.CompletedTask;
    }

    public IDisposable Subscribe(string kind, Action<Change> handler)
    {
        var id = Interlocked.Increment(ref _last);
        _handlers[id] = (kind, handler);
        return new Subscription(() => _handlers.TryRemove(id, out _));
    }

    /// <summary>Hands a change to the subscribers of its kind; also how a feed from other instances delivers here.</summary>
    public void Deliver(Change change)
    {
        ArgumentNullException.ThrowIfNull(change);
        foreach (var (kind, handler) in _handlers.Values)
        {
            if (kind == change.Kind)
            {
                handler(change);
            }
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
