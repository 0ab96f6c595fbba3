using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using SupportBot.Host.Agents;
using SupportBot.Host.BotConnector;
using SupportBot.Host.Branding;
using SupportBot.Host.DirectLine;
using SupportBot.Host.Knowledge;
using SupportBot.Host.Privacy;
using SupportBot.Host.Limits;
using SupportBot.Host.Observability;
using SupportBot.Host.Security;
using SupportBot.Host.StorePage;
using SupportBot.Host.Views;
using SupportBot.Storage;

namespace SupportBot.Host.Server;

/// <summary>The ASP.NET Core host: the store page, Direct Line, Bot Connector, the agent console, health, metrics and the knowledge API.</summary>
internal static class ServerApp
{
    /// <param name="overrides">Services registered last, which win (tests: a fake clock); null in the product.</param>
    public static WebApplication Build(string[] configArgs, string contentRoot, Action<IServiceCollection>? overrides = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = configArgs,
            ContentRootPath = contentRoot,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        builder.Services.AddSupportBot();
        builder.Services.AddKeyRing(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddTrustedProxies();
        builder.Services.AddDirectLine();
        builder.Services.AddWebChatTokenLimits();
        builder.Services.AddBotConnector();
        builder.Services.AddAgentConsole();
        builder.Services.AddBranding();
        builder.Services.AddStorePage();
        builder.Services.AddRetentionService();
        builder.Services.AddHostedService<DemoConversationSeeding>();
        builder.Services.AddProblemDetails();
        builder.Services.AddInputLimits();
        builder.Services.AddHealthEndpoints();
        builder.Services.AddObservability(builder.Configuration);
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = ViewJson.Options.PropertyNamingPolicy;
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        });
        overrides?.Invoke(builder.Services);

        var app = builder.Build();

        // First: everything after sees the real client (rate limits) and every response gets the headers.
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            // Sent over https only (browsers ignore it on http), and not for localhost.
            app.UseHsts();
        }

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseCors();
        // No protocol pings: they cost a timer per socket. The stream's empty frames, on one shared clock
        // (StreamKeepAlive), keep idle connections open through proxies and find dead peers instead.
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapStorePage();
        app.MapBrandingAssets();
        app.MapHealthEndpoints();
        app.MapMetrics();
        app.MapKnowledgeApi();
        app.MapDirectLineApi();
        app.MapWebChatApi();
        app.MapBotConnectorApi();
        app.MapAgentApi();
        app.MapGapsApi();
        app.MapPrivacyApi();
        return app;
    }

    public static async Task<int> RunAsync(string[] configArgs, string contentRoot, CancellationToken cancellationToken)
    {
        await using var app = Build(configArgs, contentRoot);

        // Settings checked before the host starts: a refusal is the CLI's one line, not also a logged stack trace.
        app.Services.GetService<IStartupValidator>()?.Validate();

        // The same for the database, which the host would otherwise first open while starting: a SQLite file another
        // process serves, or a PostgreSQL out of reach, is one line too.
        await app.Services.GetRequiredService<Database>().BringSchemaUpToDateAsync(cancellationToken).ConfigureAwait(false);
        await app.RunAsync(cancellationToken).ConfigureAwait(false);
        return 0;
    }
}
