using Microsoft.Extensions.DependencyInjection;
using SupportBot.Configuration;

namespace SupportBot.Understanding.Intents;

internal static class IntentServiceCollectionExtensions
{
    /// <summary>Binds and validates <c>Understanding</c> settings and serves the live intent model.</summary>
    public static IServiceCollection AddIntents(this IServiceCollection services)
    {
        services.AddValidatedOptions<IntentOptions>(IntentOptions.SectionName);
        services.AddSingleton<LiveIntents>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveIntents>());
        return services;
    }
}
