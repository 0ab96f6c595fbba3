using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SupportBot.DemoStore.Conversations;
using SupportBot.Host.Cli;
using SupportBot.Insights.Kpis;
using SupportBot.Storage;

namespace SupportBot.Benchmarks;

/// <summary>
/// <c>kpis [conversations]</c>: fills a fresh SQLite store (and, with SUPPORTBOT_LOAD_POSTGRES, a PostgreSQL one) with
/// made-up conversations over 30 days, then times <c>supportbot report kpis</c> over the whole month as a user runs it
/// (host start, schema check, reads, JSON) and the KPI computation alone. docs/PERFORMANCE.md keeps the figures.
/// </summary>
internal static class KpiTiming
{
    private const int Days = 30;

    public static async Task RunAsync(TextWriter output, int conversations)
    {
        var now = TimeProvider.System.GetUtcNow();
        var since = now.AddDays(-Days - 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var scripts = SeededConversations.LoadScripts(FindRoot());
        var folder = Directory.CreateTempSubdirectory("supportbot-kpis-").FullName;
        try
        {
            using (var sqlite = new SqliteDatabase(folder))
            {
                await sqlite.MigrateAsync(default);
                await FillAndTimeAsync(output, "SQLite", sqlite, scripts, conversations, now, since);
            }

            SqliteConnection.ClearAllPools();
            var cli = Stopwatch.StartNew();
            using var json = new StringWriter();
            var exit = await SupportBotCli.RunAsync(["report", "kpis", "--since", since, "--json", "--Storage:DataPath", folder], json, Console.Error, default);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"SQLite: supportbot report kpis --since {since} --json: {cli.Elapsed.TotalSeconds:0.00} s (exit {exit}, {json.ToString().Length} characters)"));

            if (Environment.GetEnvironmentVariable("SUPPORTBOT_LOAD_POSTGRES") is { Length: > 0 } connection)
            {
                await using var source = PostgresDatabase.SourceFor(connection);
                var postgres = new PostgresDatabase(source);
                await postgres.MigrateAsync(default);
                await FillAndTimeAsync(output, "PostgreSQL", postgres, scripts, conversations, now, since);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task FillAndTimeAsync(TextWriter output, string name, Database database, IReadOnlyList<SupportBot.Evaluation.Conversations.ScriptedConversation> scripts,
        int conversations, DateTimeOffset now, string since)
    {
        var fill = Stopwatch.StartNew();
        await SeededConversations.WriteAsync(database, scripts, conversations, Days, now, null, default);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: stored {conversations} conversations in {fill.Elapsed.TotalSeconds:0.0} s"));
        var period = KpiPeriodText.Parse(since, null, "day", now);
        for (var run = 1; run <= 3; run++)
        {
            var compute = Stopwatch.StartNew();
            var report = await new KpiCalculator(database).ComputeAsync(period);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: KPIs over {report.Conversations} conversations ({report.Messages} messages), run {run}: {compute.Elapsed.TotalSeconds:0.00} s"));
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("run from inside the repository: eval/conversations is the seed's source");
    }
}
