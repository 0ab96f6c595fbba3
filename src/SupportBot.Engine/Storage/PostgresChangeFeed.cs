using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace SupportBot.Storage;

/// <summary>
/// The change feed across instances: PostgreSQL <c>NOTIFY</c> to publish, one <c>LISTEN</c>ing connection per
/// instance to hear every instance's changes (its own included, which is how they reach this instance's subscribers).
/// While the listening connection is down, changes are missed, not lost: readers re-read the store on the next one,
/// and a reconnect tells every subscriber to catch up.
/// </summary>
internal sealed partial class PostgresChangeFeed(NpgsqlDataSource database, ILogger<PostgresChangeFeed> logger) : BackgroundService, IChangeFeed
{
    public const string Channel = "supportbot_changes";
    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(1);

    private readonly LocalChangeFeed _local = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once this instance listens, so a change published after start-up is heard here too.</summary>
    public Task Listening => _listening.Task;

    public async Task PublishAsync(Change change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var command = database.CreateCommand("SELECT pg_notify(@channel, @payload)");
        command.Parameters.AddWithValue("channel", Channel);
        command.Parameters.AddWithValue("payload", JsonSerializer.Serialize(change));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public IDisposable Subscribe(string kind, Action<Change> handler) => _local.Subscribe(kind, handler);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await base.StartAsync(cancellationToken).ConfigureAwait(false);

        // Start-up waits for the first LISTEN: a server that says it is ready hears the other instances.
        await Listening.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var first = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await database.OpenConnectionAsync(stoppingToken).ConfigureAwait(false);
                connection.Notification += (_, e) => Deliver(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken).ConfigureAwait(false);
                }

                _listening.TrySetResult();
                if (!first)
                {
                    // Whatever was published while this instance was deaf: every stream and console reads the store again.
                    _local.Deliver(new Change(Change.Transcript, Change.Everything));
                    _local.Deliver(new Change(Change.Handoff, Change.Everything));
                }

                first = false;
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or IOException or TimeoutException)
            {
                LogListenerLost(logger, ex);
                await Task.Delay(Reconnect, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private void Deliver(string payload)
    {
        Change? change;
        try
        {
            change = JsonSerializer.Deserialize<Change>(payload);
        }
        catch (JsonException)
        {
            // Not ours (someone else NOTIFYs on the channel): ignored.
            return;
        }

        if (change is not null)
        {
            _local.Deliver(change);
        }
    }

    [LoggerMessage(EventId = 900, Level = LogLevel.Warning, Message = "Lost the PostgreSQL LISTEN connection for changes from other instances; reconnecting")]
    private static partial void LogListenerLost(ILogger logger, Exception exception);
}
