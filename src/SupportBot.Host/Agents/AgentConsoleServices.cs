using SupportBot.Handoff;
using SupportBot.Host.Security;

namespace SupportBot.Host.Agents;

internal static class AgentConsoleServices
{
    /// <summary>The agent console: sign-in, the API, and delivery of agents' messages to the shopper's channel.</summary>
    public static IServiceCollection AddAgentConsole(this IServiceCollection services)
    {
        services.AddAgentAuthentication();
        services.AddSingleton<IShopperChannel, ChannelDelivery>();
        services.RefuseOutsideDevelopment<HandoffOptions>(handoff => handoff.Agents
            .Where(AgentDirectory.UsesDemoPassword)
            .Select(agent => $"Handoff:Agents: agent '{agent.Id}' signs in with the demo password (give it your own: supportbot agent hash-password)"));
        return services;
    }
}
