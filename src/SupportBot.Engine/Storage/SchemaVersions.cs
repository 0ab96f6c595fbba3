using System.Data.Common;

namespace SupportBot.Storage;

/// <summary>Applies the missing steps of <see cref="SchemaMigrations"/> on one connection and records them in <c>schema_version</c>.</summary>
internal static class SchemaVersions
{
    /// <returns>The versions applied now (none when the schema was current).</returns>
    public static async Task<IReadOnlyList<int>> ApplyAsync(DbConnection connection, Func<SchemaMigration, string> sql, TimeProvider time, CancellationToken cancellationToken)
    {
        await using (var table = connection.Command("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)"))
        {
            await table.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var applied = new HashSet<int>();
        await using (var read = connection.Command("SELECT version FROM schema_version"))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                applied.Add((int)reader.Whole(0));
            }
        }

        var now = new List<int>();
        foreach (var migration in SchemaMigrations.All.Where(m => !applied.Contains(m.Version)))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (var step = connection.Command(sql(migration), transaction))
            {
                await step.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (var record = connection.Command("INSERT INTO schema_version (version, description, applied_at) VALUES (@version, @description, @at)", transaction)
                .With("version", migration.Version).With("description", migration.Description).WithTime("at", time.GetUtcNow()))
            {
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            now.Add(migration.Version);
        }

        return now;
    }
}
