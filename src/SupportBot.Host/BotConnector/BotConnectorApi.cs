using System.Text.Json;
using SupportBot.Conversation;
using SupportBot.Conversation.Schema;
using SupportBot.Handoff;
using SupportBot.Host.Privacy;
using SupportBot.Host.Limits;
using SupportBot.Storage;

namespace SupportBot.Host.BotConnector;

/// <summary>
/// <c>POST /api/messages</c>, the Bot Connector protocol of Azure Bot Service and the Emulator: the activity comes
/// in, the engine answers, and each reply goes back to the channel at the activity's <c>serviceUrl</c>.
/// </summary>
internal static partial class BotConnectorApi
{
    public static IServiceCollection AddBotConnector(this IServiceCollection services)
    {
        services.AddOptions<BotConnectorOptions>().BindConfiguration(BotConnectorOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<InboundTokenValidator>();
        services.AddSingleton<ConnectorTokenCache>();
        services.AddHttpClient<ConnectorClient>(client => client.Timeout = TimeSpan.FromSeconds(15));
        return services;
    }

    public static IEndpointRouteBuilder MapBotConnectorApi(this IEndpointRouteBuilder app)
    {
        var validator = app.ServiceProvider.GetRequiredService<InboundTokenValidator>();
        if (!validator.Enabled)
        {
            LogValidationOff(app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BotConnectorApi)));
        }

        // The channel's few servers carry every shopper of the channel: a per-address message limit would throttle them all.
        app.MapPost("/api/messages", Receive).WithMessageBudget(app.ServiceProvider, rateLimited: false).WithName("BotConnectorMessages").WithTags("BotConnector");
        return app;
    }

    private static async Task<IResult> Receive(HttpRequest request, InboundTokenValidator validator, ConversationEngine engine,
        ConnectorClient connector, IConversationStore store, HandoffDesk desk, IHostEnvironment environment, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (validator.Enabled && !await validator.IsValidAsync(request.Headers.Authorization.ToString(), cancellationToken).ConfigureAwait(false))
        {
            return Results.Problem(title: "Unauthorized", detail: "The Bot Connector token is missing or not valid.", statusCode: StatusCodes.Status401Unauthorized);
        }

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

        if (activity?.ServiceUrl is null || activity.Conversation is null
            || !Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) || serviceUrl.Scheme is not ("http" or "https"))
        {
            return Results.Problem(title: "Incomplete activity", detail: "The activity needs an absolute 'serviceUrl' and a 'conversation'.", statusCode: StatusCodes.Status400BadRequest);
        }

        // The channel's own id for the sender, which an authenticated channel vouches for; the connection's address is
        // the channel service's, shared by all its users, so it is not the shopper's.
        var client = new ClientIdentity(activity.ChannelId ?? "connector", null, activity.From?.Id);
        var replies = await engine.HandleAsync(activity, client, cancellationToken).ConfigureAwait(false);

        // The transcript is kept for every channel: an agent who takes over reads it, and messages stay in order.
        // A channel's retry (same client activity id) was recorded the first time.
        var conversationId = activity.Conversation.Id;
        await store.CreateAsync(conversationId, activity.From?.Id, DateTimeOffset.UtcNow, cancellationToken).ConfigureAwait(false);
        if (activity.ClientActivityId is not { } clientId || await store.FindByClientIdAsync(conversationId, clientId, cancellationToken).ConfigureAwait(false) is null)
        {
            await store.AppendAsync(conversationId, [activity, .. replies], cancellationToken).ConfigureAwait(false);
            desk.ShopperWrote(conversationId);
        }
        try
        {
            foreach (var reply in DecisionTraces.For(activity.ChannelId, environment, replies))
            {
                await connector.SendAsync(activity.ServiceUrl, reply with { ServiceUrl = activity.ServiceUrl }, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (HttpRequestException ex)
        {
            LogReplyFailed(loggers.CreateLogger(typeof(BotConnectorApi)), ex);
            return Results.Problem(title: "Reply not delivered", detail: "The channel did not accept the bot's reply.", statusCode: StatusCodes.Status502BadGateway);
        }

        return Results.Ok();
    }

    [LoggerMessage(EventId = 300, Level = LogLevel.Warning, Message = "Bot Connector inbound token validation is off (BotConnector:ValidateInboundTokens=false): use this only for local development with the Emulator")]
    private static partial void LogValidationOff(ILogger logger);

    [LoggerMessage(EventId = 301, Level = LogLevel.Error, Message = "A reply could not be delivered to the Bot Connector channel")]
    private static partial void LogReplyFailed(ILogger logger, Exception exception);
}
