using System.Globalization;
using SupportBot.DemoStore;
using SupportBot.Storage;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.DemoStore;

/// <summary>A fresh database of one kind for the demo store, and the store's instances on it.</summary>
internal sealed class DemoStoreDatabase(TestDatabase test) : IAsyncDisposable
{
    public Database Database => test.Database;

    public static async Task<DemoStoreDatabase> CreateAsync(StorageProvider provider) => new(await TestDatabase.CreateAsync(provider));

    /// <summary>The store on this test's own handle of the database (created and seeded when it is the first).</summary>
    public DemoOrderBackend Open(TimeProvider time, Func<int>? returnWindowDays = null) => new(test.Database, time, returnWindowDays);

    /// <summary>The store as another instance (or this one restarted) opens it: a handle of its own on the same database.</summary>
    public DemoOrderBackend OpenAnotherInstance(TimeProvider time) => new(test.Reopen(), time);

    /// <summary>How many rows a table has, read straight from the database.</summary>
    public async Task<long> CountAsync(string table)
    {
        await using var connection = await Database.OpenAsync(default);
        await using var count = connection.Command($"SELECT COUNT(*) FROM {table}");
        return Convert.ToInt64(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>Runs a statement straight on the database, as a shop's staff would, and says how many rows it changed.</summary>
    public async Task<int> ExecuteAsync(string sql)
    {
        await using var connection = await Database.OpenAsync(default);
        await using var command = connection.Command(sql);
        return await command.ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync() => test.DisposeAsync();
}
