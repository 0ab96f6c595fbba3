using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SupportBot.Conversation;
using SupportBot.Host.Server;

namespace SupportBot.Tests.Support;

/// <summary>The product's services without HTTP, on the shipped knowledge unless told otherwise, started like the real host.</summary>
internal sealed class EngineHost : IAsyncDisposable
{
    private readonly IHost _host;

    private EngineHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public ConversationTurns Engine => Services.GetRequiredService<ConversationTurns>();

    public static async Task<EngineHost> StartAsync(params string[] settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = RepoPaths.Root,
            Args = ["--Storage:DataPath", RunningServer.DataPath, "--Knowledge:WatchForChanges", "false", "--Logging:LogLevel:Default", "Error", .. settings],
        });
        builder.Services.AddSupportBot();
        var host = builder.Build();
        await host.StartAsync();
        return new EngineHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
