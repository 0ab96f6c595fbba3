using SupportBot.Storage;

namespace SupportBot.Tests.Storage;

/// <summary>
/// The base of every storage test class: its theories take the provider, so one test body proves SQLite and
/// PostgreSQL alike (<c>[MemberData(nameof(Providers))]</c>; xunit finds the member on the base class).
/// </summary>
public abstract class OnBothProviders
{
    public static TheoryData<StorageProvider> Providers => [StorageProvider.Sqlite, StorageProvider.Postgres];
}
