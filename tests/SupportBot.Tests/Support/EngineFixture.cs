using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SupportBot.Conversation;
using SupportBot.Host.Server;

namespace SupportBot.Tests.Support;

/// <summary>The product's services on the shipped knowledge, started once for a test class (the intent model is cached).</summary>
public sealed class EngineFixture : IAsyncLifetime
{
    private IHost? _host;

    public ConversationEngine Engine => _host!.Services.GetRequiredService<ConversationEngine>();

    public async Task InitializeAsync()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = RepoPaths.Root,
            Args = ["--Storage:DataPath", RunningServer.DataPath, "--Knowledge:WatchForChanges", "false", "--Logging:LogLevel:Default", "Warning"],
        });
        builder.Services.AddSupportBot();
        _host = builder.Build();
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }
    }
}
