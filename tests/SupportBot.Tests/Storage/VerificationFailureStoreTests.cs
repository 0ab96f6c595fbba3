using SupportBot.Storage;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Storage;

/// <summary>Failed verifications on both providers: counted per key across writers, forgotten after the window, never lost to a race.</summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class VerificationFailureStoreTests : OnBothProviders
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task Failures_AreCountedPerKey_AndForgottenAfterTheWindow(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var store = new SqlVerificationFailureStore(test.Database);

        await store.RecordAsync(["order:LP1", "client:a"], Start, Start - Window, default);
        await store.RecordAsync(["order:LP1"], Start.AddMinutes(10), Start.AddMinutes(10) - Window, default);

        var counts = await new SqlVerificationFailureStore(test.Reopen()).ReadAsync(["order:LP1", "client:a", "client:b"], Start.AddMinutes(10) - Window, default);
        Assert.Equal([new FailureCount(2, Start.AddMinutes(10)), new FailureCount(1, Start), FailureCount.None], counts);
        var later = Start.AddMinutes(75);
        Assert.Equal([FailureCount.None, FailureCount.None], await store.ReadAsync(["order:LP1", "client:a"], later - Window, default));
        await store.RecordAsync(["client:a"], later, later - Window, default);
        Assert.Equal(new FailureCount(1, later), (await store.ReadAsync(["client:a"], later - Window, default))[0]);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task ConcurrentFailures_AreAllCounted(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        IVerificationFailureStore[] instances = [new SqlVerificationFailureStore(test.Database), new SqlVerificationFailureStore(provider == StorageProvider.Postgres ? test.Reopen() : test.Database)];

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            instances[i % 2].RecordAsync(i % 2 == 0 ? ["order:LP1", "client:a"] : ["client:a", "order:LP1"], Start.AddSeconds(i), Start - Window, default)));

        var counts = await instances[0].ReadAsync(["order:LP1", "client:a"], Start - Window, default);
        Assert.Equal([20, 20], counts.Select(c => c.Failures));
        Assert.All(counts, c => Assert.Equal(Start.AddSeconds(19), c.LastFailure));
    }
}
