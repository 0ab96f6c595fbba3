using SupportBot.Storage;

namespace SupportBot.Tests.Storage;

/// <summary>
/// The base of every storage test class: its theories take the provider, so one test body proves SQLite and
/// PostgreSQL alike (<c>[MemberData(nameof(Providers))]</c>; xunit finds the member on the base class).
/// </summary>
public abstract class OnBothProviders
{
    /// <summary>A fixed start for every test's clock and timestamps (times are data here, never the wall clock).</summary>
    protected static readonly DateTimeOffset Start = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<StorageProvider> Providers => [StorageProvider.Sqlite, StorageProvider.Postgres];
}
