namespace SupportBot.Host.DirectLine;

/// <summary>
/// One clock for every open stream's keep-alive frame. A timer per stream made a thousand idle shoppers a thousand
/// timers; here an idle stream holds only its pending read and a reference to the next shared beat.
/// </summary>
internal sealed class StreamKeepAlive : IDisposable
{
    /// <summary>How often an idle stream sends its empty frame: well inside the idle timeouts of common proxies.</summary>
    internal static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    private readonly ITimer _timer;
    private TaskCompletionSource _next = NewBeat();

    public StreamKeepAlive(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _timer = time.CreateTimer(_ => Beat(), null, Interval, Interval);
    }

    /// <summary>Completes at the next beat; every stream waiting on it wakes together.</summary>
    public Task NextBeat => Volatile.Read(ref _next).Task;

    public void Dispose()
    {
        _timer.Dispose();

        // Streams waiting for a beat are released rather than left hanging at shutdown.
        Volatile.Read(ref _next).TrySetResult();
    }

    private void Beat() => Interlocked.Exchange(ref _next, NewBeat()).TrySetResult();

    private static TaskCompletionSource NewBeat() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
