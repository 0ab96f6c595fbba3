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

    /// <summary>
    /// Every test client is 127.0.0.1, so the per-client budgets are off unless a test sets them (a later setting
    /// wins); the security tests of the limits turn them on.
    /// </summary>
    private static readonly string[] OneClientLimits =
        ["--Limits:MessagesPerMinutePerConversation", "0", "--Limits:MessagesPerMinutePerClient", "0", "--Limits:HandoffsPerHourPerClient", "0"];

    /// <summary>The host as <c>supportbot serve</c> runs it: Production, unless the settings say otherwise.</summary>
    public static Task<RunningServer> StartAsync(params string[] settings) => StartAsync(null, settings);

    /// <param name="overrides">Services that replace the product's (a fake clock, say).</param>
    public static async Task<RunningServer> StartAsync(Action<IServiceCollection>? overrides, params string[] settings)
    {
        var app = ServerApp.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default", "Warning", "--Storage:DataPath", DataPath, .. OneClientLimits, .. settings], RepoPaths.Root, overrides);
        await app.StartAsync();
        var address = app.Urls.First();
        return new RunningServer(app, new Uri(address));
    }

    /// <summary>The host as the README's first command runs it: Development, with appsettings.Development.json (the demo agent <c>sam</c>).</summary>
    public static Task<RunningServer> StartDevelopmentAsync(params string[] settings) => StartAsync(null, ["--environment", "Development", .. settings]);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
