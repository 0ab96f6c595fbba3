using SupportBot.Storage;

namespace SupportBot.Tests.Storage;

/// <summary>
/// The base of every storage test class: its theories take the provider, so one test body proves SQLite and
/// PostgreSQL alike (<c>[MemberData(nameof(Providers))]</c>; xunit finds the member on the base class).
/// <see cref="StorageProvider"/> is internal to the product, so those theories are <c>internal</c> (xunit runs test
/// methods whatever their accessibility) and their data members are public untyped rows, as xunit requires.
/// </summary>
public abstract class OnBothProviders
{
    /// <summary>A fixed start for every test's clock and timestamps (times are data here, never the wall clock).</summary>
    protected static readonly DateTimeOffset Start = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    private static readonly StorageProvider[] Both = [StorageProvider.Sqlite, StorageProvider.Postgres];

    public static IEnumerable<object[]> Providers => new TheoryData<StorageProvider>(Both);

    /// <summary>Each case on each provider, for a theory that takes the provider and then the case.</summary>
    private protected static TheoryData<StorageProvider, T> OnEach<T>(params T[] cases)
    {
        var data = new TheoryData<StorageProvider, T>();
        foreach (var provider in Both)
        {
            foreach (var value in cases)
            {
                data.Add(provider, value);
            }
        }

        return data;
    }

    /// <inheritdoc cref="OnEach{T}(T[])"/>
    private protected static TheoryData<StorageProvider, T1, T2> OnEach<T1, T2>(params (T1, T2)[] cases)
    {
        var data = new TheoryData<StorageProvider, T1, T2>();
        foreach (var provider in Both)
        {
            foreach (var (a, b) in cases)
            {
                data.Add(provider, a, b);
            }
        }

        return data;
    }

    /// <inheritdoc cref="OnEach{T}(T[])"/>
    private protected static TheoryData<StorageProvider, T1, T2, T3, T4> OnEach<T1, T2, T3, T4>(params (T1, T2, T3, T4)[] cases)
    {
        var data = new TheoryData<StorageProvider, T1, T2, T3, T4>();
        foreach (var provider in Both)
        {
            foreach (var (a, b, c, d) in cases)
            {
                data.Add(provider, a, b, c, d);
            }
        }

        return data;
    }
}
