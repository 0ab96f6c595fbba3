using SupportBot.Handoff;

namespace SupportBot.Host.Agents;

internal static partial class AgentConsoleServices
{
    /// <summary>The agent console: sign-in, the API, and delivery of agents' messages to the shopper's channel.</summary>
    public static IServiceCollection AddAgentConsole(this IServiceCollection services)
    {
        services.AddAgentAuthentication();
        services.AddSingleton<IShopperChannel, ChannelDelivery>();
        services.AddHostedService<DemoPasswordWarning>();
        return services;
    }

    /// <summary>Says so at start-up while an agent still signs in with the demo password shipped in appsettings.json.</summary>
    private sealed partial class DemoPasswordWarning(AgentDirectory agents, ILogger<DemoPasswordWarning> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            foreach (var agent in agents.All.Where(AgentDirectory.UsesDemoPassword))
            {
                LogDemoPassword(logger, agent.Id);
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(EventId = 702, Level = LogLevel.Warning, Message = "Agent '{AgentId}' signs in with the demo password: set Handoff:Agents with your own (supportbot agent hash-password)")]
        private static partial void LogDemoPassword(ILogger logger, string agentId);
    }
}
