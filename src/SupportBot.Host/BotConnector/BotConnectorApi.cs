using System.Text.Json;
using Microsoft.Extensions.Options;
using SupportBot.Configuration;
using SupportBot.Conversation;
using SupportBot.Schema;
using SupportBot.Handoff;
using SupportBot.Host.Security;
using SupportBot.Host.Limits;
using SupportBot.Storage;

namespace SupportBot.Host.BotConnector;

/// <summary>
/// <c>POST /api/messages</c>, the Bot Connector protocol of Azure Bot Service and the Emulator: the channel's token is
/// checked (<see cref="BotConnectorAuthentication"/>), the activity's <c>serviceUrl</c> must be the token's and one
/// the bot may call (<see cref="ServiceUrlPolicy"/>) before the turn runs, the engine answers, and each reply goes
/// back to the channel at that <c>serviceUrl</c>. Its conversations are keyed apart from Direct Line's.
/// </summary>
internal static partial class BotConnectorApi
{
    public static IServiceCollection AddBotConnector(this IServiceCollection services)
    {
        services.AddValidatedOptions<BotConnectorOptions>(BotConnectorOptions.SectionName);
        services.AddBotConnectorEnvironmentCheck();
        services.AddBotConnectorAuthentication();
        services.AddSingleton<ServiceUrlPolicy>();
        services.AddSingleton<ConnectorTokenCache>();
        services.AddHttpClient<ConnectorClient>((provider, client) =>
                client.Timeout = TimeSpan.FromSeconds(provider.GetRequiredService<IOptions<BotConnectorOptions>>().Value.ReplyTimeoutSeconds))
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                // A channel answers where it was asked; a proxy would hide the address the policy must see.
                AllowAutoRedirect = false,
                UseProxy = false,
                ConnectCallback = provider.GetRequiredService<ServiceUrlPolicy>().ConnectAsync,
            })
            .AddResilienceHandler("bot-connector", (pipeline, context) =>
                ConnectorResilience.Configure(pipeline, context.ServiceProvider.GetRequiredService<IOptions<BotConnectorOptions>>().Value));
        return services;
    }

    public static IEndpointRouteBuilder MapBotConnectorApi(this IEndpointRouteBuilder app)
    {
        var settings = app.ServiceProvider.GetRequiredService<IOptions<BotConnectorOptions>>().Value;
        var logger = app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BotConnectorApi));
        // The channel's few servers carry every shopper of the channel: a per-address message limit would throttle them all.
        if (!settings.ValidateInboundTokens)
        {
            LogValidationOff(logger);
            app.MapPost("/api/messages", Receive).WithMessageBudget(app.ServiceProvider, rateLimited: false).WithName("BotConnectorMessages").WithTags("BotConnector");
        }
        else if (string.IsNullOrEmpty(settings.AppId))
        {
            LogNotConfigured(logger);
            app.MapPost("/api/messages", NotConfigured).WithMessageBudget(app.ServiceProvider, rateLimited: false).WithName("BotConnectorMessages").WithTags("BotConnector");
        }
        else
        {
            app.MapPost("/api/messages", Receive).WithMessageBudget(app.ServiceProvider, rateLimited: false).RequireAuthorization(BotConnectorAuthentication.Policy).WithName("BotConnectorMessages").WithTags("BotConnector");
        }

        return app;
    }

    private static IResult NotConfigured() => Results.Problem(title: "Bot Connector not configured",
        detail: "This bot has no Microsoft App ID (BotConnector:AppId), so it accepts no Bot Connector channel.", statusCode: StatusCodes.Status403Forbidden);

    private static async Task<IResult> Receive(HttpRequest request, IOptions<BotConnectorOptions> options, ServiceUrlPolicy policy, ConversationTurns turns,
        ConnectorClient connector, IHostEnvironment environment, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        Activity? activity;
        try
        {
            activity = await JsonSerializer.DeserializeAsync<Activity>(request.Body, ActivityJson.Options, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return Results.Problem(title: "Not an activity", detail: "The body must be a Bot Framework activity in JSON.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (activity is not null && !ActivityJson.CanBeWritten(activity))
        {
            return Results.Problem(title: "Not an activity", detail: "The activity holds text that is not valid Unicode.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (activity?.ServiceUrl is null || string.IsNullOrEmpty(activity.Conversation?.Id) || !ConversationKey.IsChannelId(activity.ChannelId)
            || !Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) || serviceUrl.Scheme is not ("http" or "https"))
        {
            return Results.Problem(title: "Incomplete activity", detail: "The activity needs an absolute 'serviceUrl', a 'channelId' and a 'conversation'.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        // The Bot Connector service names the channel's service URL in its token: an activity may not redirect the replies elsewhere.
        var authenticated = options.Value.ValidateInboundTokens;
        if (authenticated && !SameServiceUrl(request.HttpContext.User.FindFirst(BotConnectorAuthentication.ServiceUrlClaim)?.Value, activity.ServiceUrl))
        {
            return Results.Problem(title: "Service URL mismatch", detail: "The activity's 'serviceUrl' is not the one its token was issued for.",
                statusCode: StatusCodes.Status403Forbidden);
        }

        if (policy.Refusal(activity.ServiceUrl) is { } refusal)
        {
            return Results.Problem(title: "Service URL not allowed", detail: refusal, statusCode: StatusCodes.Status403Forbidden);
        }

        // The channel says who the shopper is; only the bot and agents speak as "bot".
        var key = ConversationKey.BotConnector(activity.ChannelId!, activity.Conversation!.Id, authenticated);
        activity = activity with { From = (activity.From ?? new ChannelAccount("user")) with { Role = "user" } };

        // The channel's own id for the sender, which an authenticated channel vouches for; the connection's address is
        // the channel service's, shared by all its users, so it is not the shopper's.
        var client = new ClientIdentity(activity.ChannelId!, null, activity.From?.Id);
        // The transcript is kept for every channel: an agent who takes over reads it, and messages stay in order. A
        // channel's retry (same client activity id) gets the replies of the first delivery again.
        var turn = await turns.HandleAsync(key, activity, client, cancellationToken: cancellationToken).ConfigureAwait(false);
        var replies = turn.ReplyActivities;
        try
        {
            foreach (var reply in DecisionTraces.For(activity.ChannelId, environment, replies))
            {
                await connector.SendAsync(activity.ServiceUrl, reply with { ServiceUrl = activity.ServiceUrl, ReplyToId = activity.Id }, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (HttpRequestException ex)
        {
            LogReplyFailed(loggers.CreateLogger(typeof(BotConnectorApi)), ex);
            return Results.Problem(title: "Reply not delivered", detail: "The channel did not accept the bot's reply.", statusCode: StatusCodes.Status502BadGateway);
        }

        return Results.Ok();
    }

    private static bool SameServiceUrl(string? claimed, string serviceUrl) =>
        claimed is not null && string.Equals(claimed.TrimEnd('/'), serviceUrl.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(EventId = 300, Level = LogLevel.Warning, Message = "Bot Connector inbound token validation is off (BotConnector:ValidateInboundTokens=false, Development only): /api/messages trusts every caller and answers only the Emulator on this machine")]
    private static partial void LogValidationOff(ILogger logger);

    [LoggerMessage(EventId = 301, Level = LogLevel.Error, Message = "A reply could not be delivered to the Bot Connector channel")]
    private static partial void LogReplyFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 302, Level = LogLevel.Information, Message = "Bot Connector is not configured (BotConnector:AppId is empty): /api/messages refuses every call. Set BotConnector:AppId and AppPassword for Azure Bot Service, or in Development BotConnector:ValidateInboundTokens=false for the Emulator")]
    private static partial void LogNotConfigured(ILogger logger);
}
