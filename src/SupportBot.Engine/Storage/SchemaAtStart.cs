using Microsoft.Extensions.Hosting;

namespace SupportBot.Storage;

/// <summary>
/// Brings the schema up to date while the host starts, before any service's own start (a lifecycle service's
/// <c>StartingAsync</c> runs first): some read the database synchronously then, such as the Data Protection key ring
/// on PostgreSQL, and cannot wait for <see cref="Database.OpenAsync"/> to do it.
/// </summary>
internal sealed class SchemaAtStart(Database database) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => database.BringSchemaUpToDateAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
