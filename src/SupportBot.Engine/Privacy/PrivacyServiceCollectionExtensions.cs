using Microsoft.Extensions.DependencyInjection;
using SupportBot.Configuration;
using SupportBot.Storage;

namespace SupportBot.Privacy;

internal static class PrivacyServiceCollectionExtensions
{
    /// <summary>Binds and validates <c>Privacy</c> settings and registers retention and deletion on request.</summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddValidatedOptions<PrivacyOptions>(PrivacyOptions.SectionName);
        services.AddSingleton<IPrivacyStore, SqlPrivacyStore>();
        services.AddSingleton<ShopperRecords>();
        services.AddSingleton<RetentionPurge>();
        services.AddSingleton<ShopperErasure>();
        return services;
    }
}
