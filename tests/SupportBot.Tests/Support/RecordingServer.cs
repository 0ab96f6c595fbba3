using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SupportBot.Tests.Support;

/// <summary>A stand-in for a system we cannot run here (a Bot Connector channel, an OpenID provider): a real HTTP server on 127.0.0.1 that records what it was sent.</summary>
internal sealed class RecordingServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RecordingServer(WebApplication app) => _app = app;

    public ConcurrentQueue<(string Method, string Path, string Authorization, string Body)> Requests { get; } = new();

    public Uri Address => new(_app.Urls.First());

    /// <summary>Starts a server; <paramref name="respond"/> answers each request (default: 200 with <c>{"id":"1"}</c>).</summary>
    public static async Task<RecordingServer> StartAsync(Func<HttpContext, string, Task>? respond = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var server = new RecordingServer(app);
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            server.Requests.Enqueue((context.Request.Method, context.Request.Path + context.Request.QueryString, context.Request.Headers.Authorization.ToString(), body));
            if (respond is not null)
            {
                await respond(context, body);
            }
            else
            {
                await context.Response.WriteAsJsonAsync(new { id = "1" });
            }
        });
        await app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
