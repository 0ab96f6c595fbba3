using SupportBot.Privacy;

namespace SupportBot.Host.Privacy;

/// <summary>Applies <see cref="RetentionPurge"/> when the server starts and every hour after, on the server's clock.</summary>
internal sealed partial class RetentionService(RetentionPurge purge, TimeProvider time, ILogger<RetentionService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                var result = await purge.RunAsync(dryRun: false, stoppingToken).ConfigureAwait(false);
                if (result.Counts.Conversations + result.Counts.Profiles > 0)
                {
                    LogPurged(logger, result.Counts.Conversations, result.Counts.Tickets, result.Counts.Profiles);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next hour tries again; a failed purge must not stop the server.
                LogPurgeFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(EventId = 700, Level = LogLevel.Information, Message = "Retention: redacted {Conversations} conversations, {Tickets} handoff tickets and {Profiles} shopper names past Privacy:RetentionDays")]
    private static partial void LogPurged(ILogger logger, int conversations, int tickets, int profiles);

    [LoggerMessage(EventId = 701, Level = LogLevel.Error, Message = "Retention: the purge failed; it runs again within the hour")]
    private static partial void LogPurgeFailed(ILogger logger, Exception exception);
}
