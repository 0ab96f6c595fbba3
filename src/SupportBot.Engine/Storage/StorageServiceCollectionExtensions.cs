using Microsoft.Extensions.DependencyInjection;
using SupportBot.Configuration;

namespace SupportBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Binds and validates <c>Storage</c> settings and registers the conversation store and the verification failure counts.</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddValidatedOptions<StorageOptions>(StorageOptions.SectionName);

        // Only SQLite is built so far; a shop asking for PostgreSQL must not silently get a local file instead.
        services.AddOptions<StorageOptions>().Validate(
            storage => storage.Provider == StorageProvider.Sqlite,
            "Storage:Provider Postgres is not available in this version; use Sqlite");
        services.AddSingleton<IConversationStore, SqliteConversationStore>();
        services.AddSingleton<ITurnStore, SqliteTurnStore>();
        services.AddSingleton<IChangeFeed, LocalChangeFeed>();
        services.AddSingleton<IVerificationFailureStore, SqliteVerificationFailureStore>();
        return services;
    }
}
