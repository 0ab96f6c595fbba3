using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SupportBot.Configuration;

namespace SupportBot.Knowledge;

internal static class KnowledgeServiceCollectionExtensions
{
    /// <summary>Binds and validates <c>Knowledge</c> settings and serves the live, hot-reloaded knowledge.</summary>
    public static IServiceCollection AddKnowledge(this IServiceCollection services)
    {
        services.AddValidatedOptions<KnowledgeOptions>(KnowledgeOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<LiveKnowledge>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveKnowledge>());
        return services;
    }
}
