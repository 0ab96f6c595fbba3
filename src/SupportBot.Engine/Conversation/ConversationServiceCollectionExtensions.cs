using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SupportBot.Configuration;
using SupportBot.Drafting;
using SupportBot.Handoff;
using SupportBot.Languages;
using SupportBot.Orders;
using SupportBot.Telemetry;

namespace SupportBot.Conversation;

internal static class ConversationServiceCollectionExtensions
{
    /// <summary>Binds and validates <c>Conversation</c> settings and registers the engine every channel uses.</summary>
    public static IServiceCollection AddConversation(this IServiceCollection services)
    {
        services.AddValidatedOptions<ConversationOptions>(ConversationOptions.SectionName);
        services.AddValidatedOptions<LimitsOptions>(LimitsOptions.SectionName);
        services.AddDrafting();
        services.AddOrders();
        services.AddHandoff();
        services.AddLanguages();
        services.AddSingleton<ConversationEngine>();
        services.AddMetrics();
        services.TryAddSingleton<BotTelemetry>();
        services.AddSingleton<TurnRenderer>();
        services.AddSingleton<ConversationTurns>();
        return services;
    }
}
