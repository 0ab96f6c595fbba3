using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Handoff;
using SupportBot.Privacy;
using SupportBot.Storage;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Storage;

/// <summary>The schema's versions: applied once, recorded, safe to run again, and a data folder from before versions were recorded keeps its data.</summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class SchemaMigrationTests : OnBothProviders
{
    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task RunningAgain_AppliesNothing_AndEachVersionIsRecordedOnce(StorageProvider provider)
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
    public async Task EachVersion_IsRecordedAtTheDatabasesClock()
    {
        using var folder = TempFolder.Create();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 30, 0, TimeSpan.Zero));
        using var database = new SqliteDatabase(folder.Path, clock);

        await database.BringSchemaUpToDateAsync(default);

        await using var connection = await database.OpenAsync(default);
        await using var recorded = connection.Command("SELECT DISTINCT applied_at FROM schema_version");
        await using var reader = await recorded.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(clock.GetUtcNow(), reader.Time(0));
        Assert.False(await reader.ReadAsync());
        Assert.Equal(SchemaMigrations.All.Select(m => m.Version), database.AppliedAtOpen);
    }

    [Fact]
    public async Task ADataFolderFromBeforeVersions_IsAdopted_WithItsConversations()
    {
        using var folder = TempFolder.Create();

        // The tables as the stores created them before schema_version existed, with a conversation in them.
        await WriteFromBeforeVersionsAsync(folder, """
            CREATE TABLE conversations (id TEXT PRIMARY KEY, user_id TEXT, created_at TEXT NOT NULL);
            CREATE TABLE activities (conversation_id TEXT NOT NULL REFERENCES conversations(id), seq INTEGER NOT NULL, client_id TEXT, json TEXT NOT NULL, PRIMARY KEY (conversation_id, seq));
            CREATE TABLE users (id TEXT PRIMARY KEY, name TEXT, locale TEXT, first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, messages INTEGER NOT NULL);
            INSERT INTO conversations VALUES ('old', 'u1', '2026-11-01T10:00:00.0000000+00:00');
            INSERT INTO activities VALUES ('old', 0, 'c1', '{"type":"message","id":"old|0000000","text":"where is my order"}');
            """);

        var (exit, output, error) = await CliRunner.RunAsync("db", "migrate", "--Storage:DataPath", folder.Path);

        Assert.True(exit == 0, error);
        Assert.Contains("Sqlite: applied schema version(s) 1, 2, 3, 4", output, StringComparison.Ordinal);
        using var database = new SqliteDatabase(folder.Path);
        var kept = await new SqlConversationStore(database).ReadAfterAsync("old", -1, default);
        Assert.Equal("where is my order", Assert.Single(kept).Activity.Text);
    }

    [Fact]
    public async Task AFullDataFolderFromBeforeVersions_KeepsEveryTablesRows_AndServesThemAfterwards()
    {
        using var folder = TempFolder.Create();

        // Every table the four SQLite stores created before schema_version existed (their Migrate() statements), each with a row.
        await WriteFromBeforeVersionsAsync(folder, """
            CREATE TABLE conversations (id TEXT PRIMARY KEY, user_id TEXT, created_at TEXT NOT NULL);
            CREATE TABLE activities (conversation_id TEXT NOT NULL REFERENCES conversations(id), seq INTEGER NOT NULL, client_id TEXT, json TEXT NOT NULL, PRIMARY KEY (conversation_id, seq));
            CREATE UNIQUE INDEX activities_client ON activities (conversation_id, client_id) WHERE client_id IS NOT NULL;
            CREATE TABLE users (id TEXT PRIMARY KEY, name TEXT, locale TEXT, first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, messages INTEGER NOT NULL);
            CREATE TABLE handoffs (id TEXT PRIMARY KEY, conversation_id TEXT NOT NULL, channel_id TEXT, service_url TEXT, shopper_id TEXT, shopper_name TEXT,
                reason TEXT NOT NULL, signals TEXT NOT NULL, intent TEXT, confidence REAL NOT NULL, summary TEXT NOT NULL, slots TEXT NOT NULL, last_message TEXT,
                priority INTEGER NOT NULL, status TEXT NOT NULL, agent_id TEXT, agent_name TEXT, email TEXT, created_at TEXT NOT NULL, rank_at TEXT NOT NULL,
                claimed_at TEXT, closed_at TEXT, rating INTEGER, rated_at TEXT);
            CREATE INDEX handoffs_conversation ON handoffs (conversation_id, created_at);
            CREATE INDEX handoffs_work ON handoffs (status, rank_at);
            CREATE INDEX handoffs_claimed ON handoffs (claimed_at) WHERE claimed_at IS NOT NULL;
            CREATE TABLE redactions (conversation_id TEXT PRIMARY KEY, through_seq INTEGER NOT NULL, redacted_at TEXT NOT NULL);
            CREATE TABLE verification_failures (key TEXT PRIMARY KEY, failures INTEGER NOT NULL, last_failure TEXT NOT NULL);
            CREATE INDEX verification_failures_last ON verification_failures (last_failure);
            INSERT INTO conversations VALUES ('old', 'u1', '2026-11-01T10:00:00.0000000+00:00');
            INSERT INTO activities VALUES ('old', 0, 'c1', '{"type":"message","id":"old|0000000","text":"I need a person"}');
            INSERT INTO users VALUES ('u1', 'Ana', 'en', '2026-11-01T10:00:00.0000000+00:00', '2026-11-01T10:00:00.0000000+00:00', 3);
            INSERT INTO handoffs VALUES ('h1', 'old', 'directline', NULL, 'u1', 'Ana', 'asked', '{}', NULL, 0.2, 'wants a person', '{}', 'I need a person',
                0, 'Queued', NULL, NULL, NULL, '2026-11-01T10:00:00.0000000+00:00', '2026-11-01T10:00:00.0000000+00:00', NULL, NULL, NULL, NULL);
            INSERT INTO redactions VALUES ('old', -1, '2026-11-01T10:00:00.0000000+00:00');
            INSERT INTO verification_failures VALUES ('order:LP1', 2, '2026-11-01T10:00:00.0000000+00:00');
            """);

        using var database = new SqliteDatabase(folder.Path);
        Assert.Equal(SchemaMigrations.All.Select(m => m.Version), await database.MigrateAsync(default));

        var conversations = new SqlConversationStore(database);
        Assert.Equal("I need a person", Assert.Single(await conversations.ReadAfterAsync("old", -1, default)).Activity.Text);
        Assert.Equal(3, (await conversations.FindUserAsync("u1", default))!.Messages);
        var handoffs = new SqlHandoffStore(database);
        Assert.Equal("h1", (await handoffs.FindOpenAsync("old", default))!.Id);
        Assert.True(await handoffs.TransitionAsync("h1", [SupportBot.Handoff.HandoffStatus.Queued], SupportBot.Handoff.HandoffStatus.Assigned,
            new SupportBot.Handoff.HandoffChange(DateTimeOffset.UnixEpoch) { AgentId = "sam" }, default));
        var failures = await new SqlVerificationFailureStore(database).ReadAsync(["order:LP1"], DateTimeOffset.UnixEpoch, default);
        Assert.Equal(2, failures[0].Failures);
        Assert.Empty(await new SqlPrivacyStore(database).DueForRedactionAsync(DateTimeOffset.UnixEpoch, default));
        Assert.Empty(await database.MigrateAsync(default));
    }

    private static async Task WriteFromBeforeVersionsAsync(TempFolder folder, string sql)
    {
        await using (var old = new SqliteConnection($"Data Source={Path.Combine(folder.Path, SqliteDatabase.FileName)}"))
        {
            await old.OpenAsync();
            await using var schema = old.CreateCommand();
            schema.CommandText = sql;
            await schema.ExecuteNonQueryAsync();
        }

        // The product opens the file next: no pooled connection of the old writer may linger.
        SqliteConnection.ClearAllPools();
    }
}
