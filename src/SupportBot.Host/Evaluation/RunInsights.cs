using Microsoft.Data.Sqlite;
using SupportBot.Insights.Kpis;
using SupportBot.Storage;

namespace SupportBot.Host.Evaluation;

/// <summary>
/// The turn facts and handoffs of an in-process evaluation run, gathered from each conversation's throwaway store into
/// one, so the run's KPIs come from <see cref="KpiCalculator"/> — the code and definitions of <c>report kpis</c>.
/// </summary>
internal sealed class RunInsights : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1);
    private readonly string _folder;
    private readonly SqliteDatabase _database;
    private readonly DateTimeOffset _started;

    private RunInsights(string folder, SqliteDatabase database, DateTimeOffset started)
    {
        _folder = folder;
        _database = database;
        _started = started;
    }

    public static async Task<RunInsights> CreateAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("supportbot-eval-insights-").FullName;
        var database = new SqliteDatabase(folder);
        await database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        return new RunInsights(folder, database, time.GetUtcNow());
    }

    /// <summary>Copies what one conversation's store recorded (its host stopped, so everything is committed).</summary>
    public async Task AddAsync(string dataFolder, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                ATTACH DATABASE @file AS run;
                INSERT INTO main.conversations SELECT * FROM run.conversations WHERE id IN (SELECT conversation_id FROM run.turn_facts);
                INSERT INTO main.turn_facts SELECT * FROM run.turn_facts;
                INSERT INTO main.answer_feedback SELECT * FROM run.answer_feedback;
                INSERT INTO main.handoffs SELECT * FROM run.handoffs;
                DETACH DATABASE run;
                """;
            var file = command.CreateParameter();
            file.ParameterName = "file";
            file.Value = Path.Combine(dataFolder, SqliteDatabase.FileName);
            command.Parameters.Add(file);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The KPIs over every conversation of the run, in one daily bucket series from the run's start.</summary>
    public Task<KpiReport> ComputeAsync(TimeProvider time, CancellationToken cancellationToken) =>
        new KpiCalculator(_database).ComputeAsync(new KpiPeriod(_started.AddMinutes(-1), time.GetUtcNow().AddMinutes(1), KpiBucket.Day), null, cancellationToken);

    public void Dispose()
    {
        _database.Dispose();
        _gate.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A throwaway folder in the temp directory: the system cleans it up if we cannot.
        }
    }
}
