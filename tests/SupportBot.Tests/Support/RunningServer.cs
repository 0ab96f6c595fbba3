using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Host.Server;

namespace SupportBot.Tests.Support;

/// <summary>The real host on Kestrel, listening on a free port of 127.0.0.1, with an HttpClient pointed at it.</summary>
internal sealed class RunningServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningServer(WebApplication app, Uri address)
    {
        _app = app;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Client { get; }

    public Uri Address => Client.BaseAddress!;

    public IServiceProvider Services => _app.Services;

    /// <summary>One data folder for the test run: the first server trains the intent model, the others load it.</summary>
    internal static readonly string DataPath = Path.Combine(Path.GetTempPath(), "supportbot-tests", "data-" + Environment.ProcessId);

    public static Task<RunningServer> StartAsync(params string[] settings) => StartAsync(null, settings);

    /// <summary>The same with services replaced after the product's (a clock the test controls).</summary>
    public static async Task<RunningServer> StartAsync(Action<IServiceCollection>? replace, params string[] settings)
    {
        var app = ServerApp.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default", "Warning", "--Storage:DataPath", DataPath, .. settings], RepoPaths.Root, replace);
        await app.StartAsync();
        var address = app.Urls.First();
        return new RunningServer(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
