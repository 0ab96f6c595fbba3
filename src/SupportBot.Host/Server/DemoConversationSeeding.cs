using SupportBot.DemoStore.Conversations;
using SupportBot.Storage;

namespace SupportBot.Host.Server;

/// <summary>
/// The demo's first start (<c>Insights:SeedDemoConversations</c>, on in appsettings.Development.json, off by default):
/// a store without any conversation gets a month of made-up ones (docs/INSIGHTS.md, "Seeded conversations"), so the
/// Insights page has something to show. It runs beside the start, not before it: the bot answers meanwhile.
/// </summary>
internal sealed partial class DemoConversationSeeding(Database database, IConfiguration configuration, IHostEnvironment environment, TimeProvider time,
    ILogger<DemoConversationSeeding> logger) : BackgroundService
{
    public const string Setting = "Insights:SeedDemoConversations";

    /// <summary>About forty conversations a day: enough for every chart, stored in well under a second.</summary>
    private const int Conversations = 1200;

    private const int Days = 30;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue<bool>(Setting))
        {
            return;
        }

        await database.BringSchemaUpToDateAsync(stoppingToken).ConfigureAwait(false);
        if (!await SeededConversations.StoreIsEmptyAsync(database, stoppingToken).ConfigureAwait(false))
        {
            return;
        }

        var scripts = SeededConversations.LoadScripts(environment.ContentRootPath);
        var written = await SeededConversations.WriteAsync(database, scripts, Conversations, Days, time.GetUtcNow(), null, stoppingToken).ConfigureAwait(false);
        Seeded(logger, written, Days);
    }

    [LoggerMessage(EventId = 9100, Level = LogLevel.Information, Message = "Seeded {Count} made-up conversations over the last {Days} days for the demo's Insights (channel 'seed')")]
    private static partial void Seeded(ILogger logger, int count, int days);
}
