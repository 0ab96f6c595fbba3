namespace SupportBot.Storage;

/// <summary>
/// One asynchronous gate per key (a conversation id), alive only while someone holds or waits for it: two
/// conversations never wait for each other, and memory follows the turns in flight, not the conversations ever seen.
/// </summary>
internal sealed class KeyedGates
{
    private readonly Dictionary<string, Gate> _gates = new(StringComparer.Ordinal);

    public async ValueTask<IDisposable> EnterAsync(string key, CancellationToken cancellationToken)
    {
        Gate gate;
        lock (_gates)
        {
            if (!_gates.TryGetValue(key, out gate!))
            {
                gate = new Gate();
                _gates[key] = gate;
            }

            gate.Users++;
        }

        try
        {
            await gate.Semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Leave(key, gate, entered: false);
            throw;
        }

        return new Holder(this, key, gate);
    }

    /// <summary>Gates held or waited for now (for tests: none once every turn has ended).</summary>
    public int Count
    {
        get
        {
            lock (_gates)
            {
                return _gates.Count;
            }
        }
    }

    private void Leave(string key, Gate gate, bool entered)
    {
        if (entered)
        {
            gate.Semaphore.Release();
        }

        lock (_gates)
        {
            if (--gate.Users == 0)
            {
                _gates.Remove(key);
            }
        }
    }

    private sealed class Gate
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Holder(KeyedGates owner, string key, Gate gate) : IDisposable
    {
        private int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
            {
                owner.Leave(key, gate, entered: true);
            }
        }
    }
}
