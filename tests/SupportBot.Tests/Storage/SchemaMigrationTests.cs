using Microsoft.Data.Sqlite;
using SupportBot.Storage;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Storage;

/// <summary>The schema's versions: applied once, recorded, safe to run again, and a data folder from before versions were recorded keeps its data.</summary>
[Trait("Category", "Integration")]
public sealed class SchemaMigrationTests : OnBothProviders
{
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task RunningAgain_AppliesNothing_AndEachVersionIsRecordedOnce(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);

        Assert.Empty(await test.Database.MigrateAsync(default));
        Assert.Empty(await test.Reopen().MigrateAsync(default));
        await using var connection = await test.Database.OpenAsync(default);
        await using var versions = connection.CreateCommand();
        versions.CommandText = "SELECT version FROM schema_version ORDER BY version";
        var recorded = new List<long>();
        await using var reader = await versions.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            recorded.Add(Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal(SchemaMigrations.All.Select(m => (long)m.Version), recorded);
    }

    [Fact]
    public async Task ADataFolderFromBeforeVersions_IsAdopted_WithItsConversations()
    {
        using var folder = TempFolder.Create();
        var file = Path.Combine(folder.Path, SqliteDatabase.FileName);
        await using (var old = new SqliteConnection($"Data Source={file}"))
        {
            await old.OpenAsync();
            await using var schema = old.CreateCommand();

            // The tables as the stores created them before schema_version existed, with a conversation in them.
            schema.CommandText = """
                CREATE TABLE conversations (id TEXT PRIMARY KEY, user_id TEXT, created_at TEXT NOT NULL);
                CREATE TABLE activities (conversation_id TEXT NOT NULL REFERENCES conversations(id), seq INTEGER NOT NULL, client_id TEXT, json TEXT NOT NULL, PRIMARY KEY (conversation_id, seq));
                CREATE TABLE users (id TEXT PRIMARY KEY, name TEXT, locale TEXT, first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, messages INTEGER NOT NULL);
                INSERT INTO conversations VALUES ('old', 'u1', '2026-11-01T10:00:00.0000000+00:00');
                INSERT INTO activities VALUES ('old', 0, 'c1', '{"type":"message","id":"old|0000000","text":"where is my order"}');
                """;
            await schema.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        var (exit, output, error) = await CliRunner.RunAsync("db", "migrate", "--Storage:DataPath", folder.Path);

        Assert.True(exit == 0, error);
        Assert.Contains("Sqlite: applied schema version(s) 1, 2, 3, 4", output, StringComparison.Ordinal);
        using var database = new SqliteDatabase(folder.Path);
        var kept = await new SqlConversationStore(database).ReadAfterAsync("old", -1, default);
        Assert.Equal("where is my order", Assert.Single(kept).Activity.Text);
    }
}
