using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SupportBot.Configuration;
using SupportBot.Storage;

namespace SupportBot.Handoff;

internal static class HandoffServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <c>Handoff</c> settings and registers the policy, the persistent queue and the desk's parts:
    /// the shopper's queue, the agent's session, and agent presence.
    /// </summary>
    public static IServiceCollection AddHandoff(this IServiceCollection services)
    {
        services.AddValidatedOptions<HandoffOptions>(HandoffOptions.SectionName);
        services.AddSingleton<HandoffPolicy>();
        services.AddSingleton<IHandoffStore, SqlHandoffStore>();
        services.AddSingleton<HandoffNotices>();
        services.AddSingleton<IPresenceStore, SqlPresenceStore>();
        services.AddSingleton<AgentPresence>();
        services.AddHostedService<PresenceHeartbeat>();
        services.AddSingleton<AgentAssist>();
        services.TryAddSingleton<IShopperChannel, TranscriptShopperChannel>();
        services.AddSingleton<HandoffBudget>();
        services.AddSingleton<TicketChanges>();
        services.AddSingleton<ShopperDelivery>();
        services.AddSingleton<HandoffInitiation>();
        services.AddSingleton<IHandoffLine, HandoffLine>();
        services.AddSingleton<IAgentSession, AgentSession>();
        return services;
    }
}
