using Npgsql;
using SupportBot.Storage;

namespace SupportBot.Tests.Support;

/// <summary>A fresh, migrated database of either kind, so one storage test runs against SQLite and PostgreSQL alike.</summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private readonly TempFolder? _folder;
    private readonly ScratchPostgres? _postgres;

    private TestDatabase(Database database, TempFolder? folder, ScratchPostgres? postgres)
    {
        Database = database;
        _folder = folder;
        _postgres = postgres;
    }

    public Database Database { get; }

    /// <summary>Another handle on the same database, as a second instance (or a restarted one) would open it.</summary>
    public Database Reopen() => _postgres is not null
        ? new global::SupportBot.Storage.PostgresDatabase(global::SupportBot.Storage.PostgresDatabase.SourceFor(_postgres.ConnectionString))
        : new SqliteDatabase(_folder!.Path);

    public static async Task<TestDatabase> CreateAsync(StorageProvider provider)
    {
        if (provider == StorageProvider.Sqlite)
        {
            var folder = TempFolder.Create();
            var sqlite = new SqliteDatabase(folder.Path);
            await sqlite.MigrateAsync(CancellationToken.None);
            return new TestDatabase(sqlite, folder, null);
        }

        var postgres = await ScratchPostgres.CreateAsync();
        var database = new global::SupportBot.Storage.PostgresDatabase(global::SupportBot.Storage.PostgresDatabase.SourceFor(postgres.ConnectionString));
        await database.MigrateAsync(CancellationToken.None);
        return new TestDatabase(database, null, postgres);
    }

    public async ValueTask DisposeAsync()
    {
        if (Database is IDisposable disposable)
        {
            disposable.Dispose();
        }

        if (Database is global::SupportBot.Storage.PostgresDatabase postgres)
        {
            await postgres.Source.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        _folder?.Dispose();
    }
}
