using SupportBot.Conversation;

namespace SupportBot.Tests.Support;

/// <summary>The product's services on the shipped knowledge, started once for a test class (the intent model is cached).</summary>
public sealed class EngineFixture : IAsyncLifetime
{
    private EngineHost? _host;

    internal ConversationTurns Engine => _host!.Engine;

    internal IServiceProvider Services => _host!.Services;

    public async Task InitializeAsync() => _host = await EngineHost.StartAsync();

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
