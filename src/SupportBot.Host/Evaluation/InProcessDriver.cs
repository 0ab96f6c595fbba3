using Stopwatch = System.Diagnostics.Stopwatch;
using Microsoft.Data.Sqlite;
using SupportBot.Conversation;
using SupportBot.Schema;
using SupportBot.Evaluation.Conversations;
using SupportBot.Understanding.Intents;

namespace SupportBot.Host.Evaluation;

/// <summary>
/// Each conversation against a fresh engine in this process, with a throwaway copy of a data folder prepared once
/// (the intent model trained, the demo store seeded), so no conversation sees another's orders, queue or state.
/// The support team is always open and needs no agent online: a handoff is queued the same way at any hour.
/// </summary>
internal sealed class InProcessDriver : IConversationDriver, IDisposable
{
    private static readonly string[] EvaluationSettings =
    [
        "--Knowledge:WatchForChanges", "false",
        "--Handoff:RequireAgentOnline", "false",
        "--Handoff:Hours:0", "Mon-Sun 00:00-24:00",
        "--Handoff:Hours:1", "Mon-Sun 00:00-24:00",
    ];

    private readonly Func<string[], IHost> _buildHost;
    private readonly string _template;

    private InProcessDriver(Func<string[], IHost> buildHost, string template, RunInsights insights)
    {
        _buildHost = buildHost;
        _template = template;
        Insights = insights;
    }

    /// <summary>What every conversation's store recorded, for the run's KPIs.</summary>
    public RunInsights Insights { get; }

    public string Target => "in process";

    /// <param name="buildHost">Builds the product's host, unstarted, with these settings over the user's (the CLI's tool host).</param>
    public static async Task<InProcessDriver> PrepareAsync(Func<string[], IHost> buildHost, CancellationToken cancellationToken)
    {
        var template = Directory.CreateTempSubdirectory("supportbot-eval-").FullName;
        using (var host = buildHost([.. EvaluationSettings, "--Storage:DataPath", template]))
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);

            // Every language's intent model is loaded or trained once here, so no conversation trains one in its copy.
            await host.Services.GetRequiredService<LiveIntents>().PrepareLanguagesAsync(cancellationToken).ConfigureAwait(false);
            await host.StopAsync(cancellationToken).ConfigureAwait(false);
        }

        // Pooled connections would keep the write-ahead log open while the folder is copied.
        SqliteConnection.ClearAllPools();
        return new InProcessDriver(buildHost, template, await RunInsights.CreateAsync(TimeProvider.System, cancellationToken).ConfigureAwait(false));
    }

    public async Task<(IConversationSession Session, TurnObservation Welcome)> StartAsync(string? locale, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("supportbot-eval-run-").FullName;
        Copy(_template, folder);
        var host = _buildHost([.. EvaluationSettings, "--Storage:DataPath", folder]);
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        var session = new Session(host, host.Services.GetRequiredService<ConversationTurns>(), host.Services.GetRequiredService<TimeProvider>(), folder, Insights, locale);
        return (session, await session.SendAsync(new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            MembersAdded = [session.Shopper],
        }, cancellationToken).ConfigureAwait(false));
    }

    public void Dispose()
    {
        Insights.Dispose();
        Delete(_template);
    }

    private static void Copy(string from, string to)
    {
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }

    private static void Delete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A throwaway folder in the temp directory: the system cleans it up if we cannot.
        }
    }

    /// <param name="locale">Put on every activity, the conversation update that brings the welcome included, as Web Chat does.</param>
    private sealed class Session(IHost host, ConversationTurns turns, TimeProvider time, string folder, RunInsights insights, string? locale) : IConversationSession
    {
        private readonly string _conversation = "eval-" + Guid.NewGuid().ToString("N")[..12];
        private int _turn;

        /// <summary>A shopper of its own per scripted conversation: one shared id made every run's KPIs count almost every conversation as a repeat contact.</summary>
        public ChannelAccount Shopper { get; } = new("eval-shopper-" + Guid.NewGuid().ToString("N")[..12], null, "user");

        /// <summary>Each conversation has an engine and a store of its own, so its verification failures never touch another's.</summary>
        private static ClientIdentity Client { get; } = new("directline", "eval", "eval-shopper");

        public Task<TurnObservation> SayAsync(string text, CancellationToken cancellationToken) =>
            SendAsync(new Activity { Type = ActivityTypes.Message, Text = text }, cancellationToken);

        public async Task<TurnObservation> SendAsync(Activity activity, CancellationToken cancellationToken)
        {
            var started = Stopwatch.GetTimestamp();
            var turn = await turns.HandleAsync(ConversationKey.DirectLine(_conversation), activity with
            {
                Id = $"{_conversation}|{++_turn}",
                From = Shopper,
                Recipient = ConversationEngine.Bot,
                Conversation = new ConversationAccount(_conversation),
                ChannelId = "directline",
                Locale = locale,
                Timestamp = time.GetUtcNow(),
            }, Client, cancellationToken: cancellationToken).ConfigureAwait(false);
            return ObservedTurn.From(turn.ReplyActivities, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        public async ValueTask DisposeAsync()
        {
            await host.StopAsync().ConfigureAwait(false);
            host.Dispose();
            await insights.AddAsync(folder, CancellationToken.None).ConfigureAwait(false);
            Delete(folder);
        }
    }
}
