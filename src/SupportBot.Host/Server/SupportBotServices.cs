using SupportBot.Conversation;
using SupportBot.DemoStore;
using SupportBot.Embeddings;
using SupportBot.Insights.Kpis;
using SupportBot.Insights.Gaps;
using SupportBot.Knowledge;
using SupportBot.Privacy;
using SupportBot.Storage;
using SupportBot.Understanding.Intents;

namespace SupportBot.Host.Server;

internal static class SupportBotServices
{
    /// <summary>Everything the engine needs, the same for the server and the CLI verbs.</summary>
    public static IServiceCollection AddSupportBot(this IServiceCollection services)
    {
        services.AddStorage();
        services.AddEmbeddings();
        services.AddKnowledge();
        services.AddIntents();
        services.AddConversation();
        services.AddDemoStore();
        services.AddPrivacy();
        services.AddKpis();
        services.AddContentGaps();
        return services;
    }
}
