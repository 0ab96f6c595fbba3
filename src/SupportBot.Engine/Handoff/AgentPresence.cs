using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SupportBot.Handoff;

/// <summary>
/// Which agents have the console open, on any instance: a handoff with nobody online becomes an offer to leave a
/// message. This instance's consoles count at once; every instance writes its consoles to the store as heartbeats
/// (<see cref="BeatAsync"/>, run by <see cref="PresenceHeartbeat"/>) that lapse when it stops, however it stops.
/// </summary>
internal sealed partial class AgentPresence(IPresenceStore store, TimeProvider time, ILogger<AgentPresence> logger)
{
    /// <summary>How often an instance refreshes its consoles' rows; a row lapses after three missed refreshes.</summary>
    public static readonly TimeSpan BeatEvery = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan Lapse = BeatEvery * 3;

    private readonly ConcurrentDictionary<string, AgentAccount> _connections = new(StringComparer.Ordinal);

    public IDisposable Connect(AgentAccount agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var id = Guid.NewGuid().ToString("N");
        _connections[id] = agent;
        Forget(store.BeatAsync([Beat(id, agent)], CancellationToken.None));
        return new Disconnect(() =>
        {
            _connections.TryRemove(id, out _);
            Forget(store.EndAsync(id, CancellationToken.None));
        });
    }

    /// <summary>Distinct agents online on any instance who handle <paramref name="reason"/> (all online agents when null).</summary>
    public async Task<int> OnlineAsync(string? reason, CancellationToken cancellationToken)
    {
        var elsewhere = await store.OpenAsync(time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var here = _connections.Select(c => Beat(c.Key, c.Value));
        return here.Concat(elsewhere)
            .Where(c => reason is null || c.Reasons.Count == 0 || c.Reasons.Contains("*") || c.Reasons.Contains(reason))
            .Select(c => c.AgentId).Distinct(StringComparer.OrdinalIgnoreCase).Count();
    }

    /// <summary>Refreshes this instance's consoles in the store.</summary>
    public Task BeatAsync(CancellationToken cancellationToken) =>
        store.BeatAsync([.. _connections.Select(c => Beat(c.Key, c.Value))], cancellationToken);

    private ConsoleBeat Beat(string id, AgentAccount agent) => new(id, agent.Id, [.. agent.Reasons], time.GetUtcNow() + Lapse);

    /// <summary>A console's row is written in the background: the console is counted here at once, and a failed write only delays other instances.</summary>
    private void Forget(Task write) => write.ContinueWith(t => LogBeatFailed(logger, t.Exception!), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    [LoggerMessage(EventId = 710, Level = LogLevel.Warning, Message = "An agent console's presence could not be written to the store")]
    private static partial void LogBeatFailed(ILogger logger, Exception exception);

    private sealed class Disconnect(Action action) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                action();
            }
        }
    }
}
