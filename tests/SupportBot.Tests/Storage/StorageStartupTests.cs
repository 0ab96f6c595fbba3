using SupportBot.Storage;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Storage;

/// <summary>
/// <c>supportbot serve</c>, as its own process, explains a database it cannot use in one line and exits 2: a SQLite
/// file another process serves (the turn lock lives in that process; hosts inside one process, such as CLI verbs and
/// tests, share it), or a PostgreSQL out of reach.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class StorageStartupTests
{
    [Fact]
    public async Task ASecondProcessOnTheSameSqliteDataFolder_IsRefusedWithOneClearLine()
    {
        using var folder = TempFolder.Create();
        using var held = new SqliteDatabase(folder.Path);
        using var againInThisProcess = new SqliteDatabase(folder.Path);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => ServerProcess.StartAsync(folder.Path));

        AssertOneLine(refused.Message,
            $"supportbot: configuration: Storage: {Path.Combine(folder.Path, SqliteDatabase.FileName)} is in use by another SupportBot process; "
            + "one SQLite file serves one instance (use Storage:Provider=Postgres to run several)");
    }

    [Fact]
    public async Task AnUnreachablePostgres_IsRefusedWithOneClearLine()
    {
        using var folder = TempFolder.Create();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => ServerProcess.StartAsync(folder.Path,
            "--Storage:Provider", "Postgres", "--Storage:ConnectionString", "Host=127.0.0.1;Port=1;Username=nobody;Database=none;Timeout=2"));

        AssertOneLine(refused.Message, "supportbot: configuration: Storage: cannot reach the PostgreSQL database in Storage:ConnectionString");
    }

    private static void AssertOneLine(string output, string expected)
    {
        Assert.Contains("supportbot serve exited with 2", output, StringComparison.Ordinal);
        Assert.Contains(expected, output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Hosting failed to start", output, StringComparison.Ordinal);
    }
}
