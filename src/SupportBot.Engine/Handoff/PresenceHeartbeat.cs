using Microsoft.Extensions.Hosting;

namespace SupportBot.Handoff;

/// <summary>Refreshes this instance's agent consoles in the store while it runs (<see cref="AgentPresence.BeatEvery"/>).</summary>
internal sealed class PresenceHeartbeat(AgentPresence presence, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(AgentPresence.BeatEvery, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await presence.BeatAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (System.Data.Common.DbException)
                {
                    // The database is away: the next beat tries again; meanwhile other instances may miss these consoles.
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the rows lapse on their own.
        }
    }
}
