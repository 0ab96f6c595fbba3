using System.Globalization;
using SupportBot.Evaluation.Conversations;
using SupportBot.Handoff;
using SupportBot.Storage;

namespace SupportBot.DemoStore.Conversations;

/// <summary>
/// Stores made-up conversations (<see cref="ConversationSeeder"/>) in bulk: many conversations a transaction, each in
/// one command with the same inserts a live turn (its vote included) and the handoff queue use, so the insights read them as they read
/// real ones. Used by <c>supportbot db seed-insights</c>, the demo's first start and the KPI benchmark.
/// </summary>
internal static class SeededConversations
{
    /// <summary>Where the scripted suites are, under the content root.</summary>
    public const string ScriptsFolder = "eval/conversations";

    private const int PerTransaction = 500;

    /// <summary>The scripted suites under <paramref name="contentRoot"/>; none when the folder is not there (a deployed server).</summary>
    public static IReadOnlyList<ScriptedConversation> LoadScripts(string contentRoot)
    {
        var folder = Path.Combine(contentRoot, ScriptsFolder);
        return Directory.Exists(folder) ? ConversationFiles.Load([folder], contentRoot).Scripts : [];
    }

    /// <summary>Writes <paramref name="count"/> conversations over the <paramref name="days"/> days before <paramref name="now"/>; returns how many.</summary>
    /// <param name="progress">Told how many are stored so far.</param>
    public static async Task<int> WriteAsync(Database database, IReadOnlyList<ScriptedConversation> scripts, int count, int days, DateTimeOffset now,
        IProgress<int>? progress, CancellationToken cancellationToken, int seed = 20)
    {
        ArgumentNullException.ThrowIfNull(database);
        var written = 0;
        foreach (var batch in new ConversationSeeder(scripts, seed).Generate(count, days, now).Chunk(PerTransaction))
        {
            using var writer = await database.WriterAsync(cancellationToken).ConfigureAwait(false);
            await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            foreach (var conversation in batch)
            {
                await using var command = connection.Command("INSERT INTO conversations (id, user_id, created_at) VALUES (@id, @user, @at) ON CONFLICT (id) DO NOTHING;\n", transaction)
                    .With("id", conversation.Id).With("user", conversation.ShopperId).WithTime("at", conversation.StartedAt);
                SqlConversationStore.AddInsert(command, conversation.Id, 0, conversation.Activities);
                for (var i = 0; i < conversation.Facts.Count; i++)
                {
                    TurnFacts.AddInsert(command, conversation.Id, conversation.Facts[i].Sequence, conversation.Facts[i].Fact, "f" + i.ToString(CultureInfo.InvariantCulture));
                }

                if (conversation.Handoff is { } ticket)
                {
                    SqlHandoffStore.AddInsert(command, ticket, "h");
                }

                if (conversation.Vote is { } vote)
                {
                    AnswerVotes.AddUpsert(command, conversation.Id, vote);
                }

                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            written += batch.Length;
            progress?.Report(written);
        }

        return written;
    }

    /// <summary>Whether the store holds no conversation yet (a fresh demo).</summary>
    public static async Task<bool> StoreIsEmptyAsync(Database database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("SELECT COUNT(*) FROM (SELECT 1 FROM conversations LIMIT 1) AS any_conversation");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) == 0;
    }
}
