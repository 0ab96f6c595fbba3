using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using SupportBot.Configuration;

namespace SupportBot.Handoff;

/// <summary>
/// How many handoffs (queue entries, tickets, external transfers) one client may start in an hour
/// (<see cref="LimitsOptions.HandoffsPerHourPerClient"/>), so one stranger opening conversation after conversation
/// cannot fill the agents' queue. A client is the remote address the channel saw, or the conversation when the
/// channel knows none.
/// </summary>
internal sealed class HandoffBudget(TimeProvider time, IOptions<LimitsOptions> limits)
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    /// <summary>Past this many clients, those with nothing left in the window are forgotten, so memory stays bounded.</summary>
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _started = new(StringComparer.Ordinal);

    /// <summary>Counts one handoff for the client; false when its hour's budget is spent (nothing is counted then).</summary>
    public bool TryStart(string client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var limit = limits.Value.HandoffsPerHourPerClient;
        if (limit == 0)
        {
            return true;
        }

        var now = time.GetUtcNow();
        var started = _started.GetOrAdd(client, _ => new Queue<DateTimeOffset>());
        lock (started)
        {
            Expire(started, now);
            if (started.Count >= limit)
            {
                return false;
            }

            started.Enqueue(now);
        }

        if (_started.Count > PruneAbove)
        {
            Prune(now);
        }

        return true;
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (client, started) in _started)
        {
            lock (started)
            {
                Expire(started, now);
                if (started.Count == 0)
                {
                    // A start racing with this removal may go uncounted: one extra handoff at worst, never a lost message.
                    _started.TryRemove(client, out _);
                }
            }
        }
    }

    private static void Expire(Queue<DateTimeOffset> started, DateTimeOffset now)
    {
        while (started.Count > 0 && now - started.Peek() >= Window)
        {
            started.Dequeue();
        }
    }
}
