using Microsoft.Extensions.DependencyInjection;
using SupportBot.Handoff;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Handoff;

/// <summary>The engine with its own data folder (its own queue) and the support team always open.</summary>
public sealed class HandoffFixture() : OwnDataEngineFixture(AlwaysOpen)
{
    internal static readonly string[] AlwaysOpen = ["--Handoff:Hours:0", "Mon-Sun 00:00-24:00", "--Handoff:Hours:1", "Mon-Sun 00:00-24:00"];

    internal IHandoffLine Line => Host.Services.GetRequiredService<IHandoffLine>();

    internal IAgentSession Agents => Host.Services.GetRequiredService<IAgentSession>();

    internal IHandoffStore Store => Host.Services.GetRequiredService<IHandoffStore>();

    internal static AgentAccount Tess { get; } = new() { Id = "tess", Name = "Tess", ApiKey = "k" };

    /// <summary>An agent with the console open, until disposed.</summary>
    internal IDisposable AgentOnline(AgentAccount? agent = null) => Host.Services.GetRequiredService<AgentPresence>().Connect(agent ?? Tess);
}
