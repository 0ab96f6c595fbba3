using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupportBot.Configuration;

namespace SupportBot.Storage;

internal static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <c>Storage</c> settings and registers the database (SQLite or PostgreSQL, its schema brought up
    /// to date when the host starts, or by whatever opens it first), the stores over it and the change feed between instances.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddValidatedOptions<StorageOptions>(StorageOptions.SectionName);
        services.AddOptions<StorageOptions>().Validate(
            storage => storage.Provider != StorageProvider.Postgres || !string.IsNullOrWhiteSpace(storage.ConnectionString),
            "Storage:ConnectionString is required when Storage:Provider is Postgres (an Npgsql connection string; from the environment: Storage__ConnectionString)");
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(OpenDatabase);
        services.AddSingleton<IHostedService, SchemaAtStart>();
        services.AddSingleton<IConversationStore, SqlConversationStore>();
        services.AddSingleton<ITurnStore, SqlTurnStore>();
        services.AddSingleton<IVerificationFailureStore, SqlVerificationFailureStore>();
        services.AddSingleton<IChangeFeed>(provider => provider.GetRequiredService<Database>() is PostgresDatabase postgres
            ? new PostgresChangeFeed(postgres.Source, provider.GetRequiredService<ILogger<PostgresChangeFeed>>())
            : new LocalChangeFeed());

        // The PostgreSQL feed listens for the other instances while the host runs.
        services.AddSingleton<IHostedService>(provider => provider.GetRequiredService<IChangeFeed>() as IHostedService ?? new NothingToRun());
        return services;
    }

    private static Database OpenDatabase(IServiceProvider provider)
    {
        var storage = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
        var time = provider.GetRequiredService<TimeProvider>();
        return storage.Provider == StorageProvider.Postgres
            ? new PostgresDatabase(PostgresDatabase.SourceFor(storage.ConnectionString!), time)
            : new SqliteDatabase(storage.DataFolder(provider.GetRequiredService<IHostEnvironment>().ContentRootPath), time);
    }

    private sealed class NothingToRun : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
