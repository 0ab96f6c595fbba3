namespace SupportBot.Evaluation;

/// <summary>Latency samples in milliseconds and their percentiles (nearest rank), for every evaluation and benchmark.</summary>
internal sealed class Latencies
{
    private readonly List<double> _samples = [];
    private bool _sorted = true;

    public int Count => _samples.Count;

    public double Max => _samples.Count == 0 ? 0 : Sorted()[^1];

    public void Add(double milliseconds)
    {
        _samples.Add(milliseconds);
        _sorted = false;
    }

    /// <summary>Runs <paramref name="work"/> and records how long it took.</summary>
    public T Time<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = work();
        Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return result;
    }

    /// <summary>Awaits <paramref name="work"/> and records how long it took.</summary>
    public async Task<T> TimeAsync<T>(Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = await work().ConfigureAwait(false);
        Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return result;
    }

    /// <summary>The nearest-rank percentile, <paramref name="p"/> in (0,1], rounded to 0.1 µs.</summary>
    public double Percentile(double p)
    {
        var sorted = Sorted();
        return sorted.Count == 0 ? 0 : Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)], 4);
    }

    private List<double> Sorted()
    {
        if (!_sorted)
        {
            _samples.Sort();
            _sorted = true;
        }

        return _samples;
    }
}
