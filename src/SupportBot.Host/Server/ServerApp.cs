using System.Text.Json;
using System.Text.Json.Serialization;
using SupportBot.Host.Agents;
using SupportBot.Host.BotConnector;
using SupportBot.Host.Cli;
using SupportBot.Host.DirectLine;
using SupportBot.Host.Limits;
using SupportBot.Host.Views;

namespace SupportBot.Host.Server;

/// <summary>The ASP.NET Core host: health, readiness and the knowledge API for editors.</summary>
internal static class ServerApp
{
    public static WebApplication Build(string[] configArgs, string contentRoot)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = configArgs,
            ContentRootPath = contentRoot,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        builder.Services.AddSupportBot();
        builder.Services.AddDirectLine();
        builder.Services.AddWebChatTokenLimits();
        builder.Services.AddBotConnector();
        builder.Services.AddAgentConsole();
        builder.Services.AddProblemDetails();
        builder.Services.AddInputLimits();
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = ViewJson.Options.PropertyNamingPolicy;
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        });

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseCors();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapHealthApi();
        app.MapKnowledgeApi();
        app.MapDirectLineApi();
        app.MapWebChatApi();
        app.MapBotConnectorApi();
        app.MapAgentApi();
        return app;
    }

    public static async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        await using var app = Build(context.ConfigArgs, context.ContentRoot);
        await app.RunAsync(cancellationToken).ConfigureAwait(false);
        return 0;
    }
}
