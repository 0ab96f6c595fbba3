using SupportBot.Storage;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Storage;

/// <summary>SQLite's shared writer: many turns in one transaction, each kept or dropped on its own.</summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class GroupCommitTests : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _folder = TempFolder.Create();
    private SqliteDatabase? _database;

    private SqliteDatabase Database => _database!;

    public async Task InitializeAsync()
    {
        _database = new SqliteDatabase(_folder.Path);
        await _database.MigrateAsync(CancellationToken.None);
        await using var connection = await _database.OpenAsync(CancellationToken.None);
        await using var create = connection.Command("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)");
        await create.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ManyWritesAtOnce_AreAllCommitted_AndAFailingOneAloneIsDropped()
    {
        var writes = Enumerable.Range(0, 300).Select(i => Database.Commits!.WriteAsync(async (connection, transaction) =>
        {
            await using var insert = connection.Command("INSERT INTO notes (id, text) VALUES (@id, @text)", transaction).With("id", i).With("text", $"note {i}");
            await insert.ExecuteNonQueryAsync();

            // Every seventh write fails after it wrote: its row must not survive, the others' must.
            return i % 7 == 3 ? throw new InvalidOperationException($"write {i} refused") : i;
        }, CancellationToken.None)).ToList();

        var outcomes = await Task.WhenAll(writes.Select(async w =>
        {
            try
            {
                return await w;
            }
            catch (InvalidOperationException)
            {
                return -1;
            }
        }));

        var expected = Enumerable.Range(0, 300).Where(i => i % 7 != 3).ToList();
        var expectedIds = expected.ConvertAll(i => (long)i);
        Assert.Equal(expected, outcomes.Where(o => o >= 0).Order());
        Assert.Equal(expectedIds, await StoredIdsAsync());
    }

    [Fact]
    public async Task AWriteCancelledBeforeItsBatch_IsNotWritten()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Database.Commits!.WriteAsync(async (connection, transaction) =>
        {
            await using var insert = connection.Command("INSERT INTO notes (id, text) VALUES (1, 'late')", transaction);
            return await insert.ExecuteNonQueryAsync();
        }, cancelled.Token));

        Assert.Empty(await StoredIdsAsync());
    }

    private async Task<List<long>> StoredIdsAsync()
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        await using var select = connection.Command("SELECT id FROM notes ORDER BY id");
        var ids = new List<long>();
        await using var reader = await select.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }
}
