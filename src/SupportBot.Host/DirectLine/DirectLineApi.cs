using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using SupportBot.Conversation;
using Microsoft.AspNetCore.Http.Features;
using SupportBot.Host.Limits;
using SupportBot.Schema;
using SupportBot.Host.Security;
using SupportBot.Storage;

namespace SupportBot.Host.DirectLine;

/// <summary>
/// Direct Line 3.0 as Microsoft's Web Chat uses it (docs/DIRECTLINE.md): tokens, start/reconnect, post,
/// poll with watermarks, and the WebSocket stream. Errors are the service's <c>{"error":{"code","message"}}</c>
/// (inside a ProblemDetails body) with the statuses DirectLineJS reacts to: 401/403 for credentials, 404 for unknown conversations.
/// </summary>
internal static partial class DirectLineApi
{
    public const string CorsPolicy = "DirectLine";

    public static IEndpointRouteBuilder MapDirectLineApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v3/directline").RequireCors(CorsPolicy).WithTags("DirectLine");
        group.MapPost("/tokens/generate", Generate);
        group.MapPost("/tokens/refresh", Refresh);
        group.MapPost("/conversations", Start);
        group.MapGet("/conversations/{conversationId}", Reconnect);
        group.MapPost("/conversations/{conversationId}/activities", Post).WithMessageBudget(app.ServiceProvider);
        group.MapGet("/conversations/{conversationId}/activities", Poll);
        group.MapGet("/conversations/{conversationId}/stream", DirectLineStream.AcceptAsync);
        return app;
    }

    /// <summary>A ProblemDetails body that also carries the Direct Line service's <c>error</c> member, for clients that read either.</summary>
    internal static IResult Error(int status, string code, string message) =>
        Results.Problem(title: code, detail: message, statusCode: status,
            extensions: new Dictionary<string, object?> { ["error"] = new { code, message } });

    private static (DirectLineCredential? Credential, IResult? Failure) Authorize(HttpRequest request, DirectLineTokens tokens, string? conversationId)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Error(StatusCodes.Status401Unauthorized, "BadArgument", "Missing 'Authorization: Bearer <secret or token>' header."));
        }

        var credential = tokens.Check(header["Bearer ".Length..].Trim());
        if (credential is null)
        {
            return (null, Error(StatusCodes.Status403Forbidden, "TokenExpired", "The secret or token is not valid, or the token has expired."));
        }

        return conversationId is not null && !credential.Allows(conversationId)
            ? (null, Error(StatusCodes.Status403Forbidden, "BadArgument", "The token is not valid for this conversation."))
            : (credential, null);
    }

    /// <summary>The credential for a call on one conversation, which must exist: 401/403 for credentials, then 404.</summary>
    private static async Task<(DirectLineCredential? Credential, IResult? Failure)> AuthorizeConversationAsync(HttpRequest request, DirectLineTokens tokens,
        DirectLineConversations conversations, string conversationId, CancellationToken cancellationToken)
    {
        var (credential, failure) = Authorize(request, tokens, conversationId);
        if (failure is not null)
        {
            return (null, failure);
        }

        return await conversations.ExistsAsync(conversationId, cancellationToken).ConfigureAwait(false)
            ? (credential, null)
            : (null, NotFound(conversationId));
    }

    private static async Task<IResult> Generate(HttpRequest request, DirectLineTokens tokens)
    {
        var (credential, failure) = Authorize(request, tokens, null);
        if (failure is not null)
        {
            return failure;
        }

        if (!credential!.IsSecret)
        {
            return Error(StatusCodes.Status403Forbidden, "BadArgument", "Tokens are generated with the secret, not with a token.");
        }

        var userId = (await StartBodyAsync(request).ConfigureAwait(false)).UserId;
        var conversationId = DirectLineConversations.NewConversationId();
        return Results.Json(new TokenResponse(conversationId, tokens.Issue(conversationId, userId), tokens.Options.TokenLifetimeSeconds), ActivityJson.Options);
    }

    private static IResult Refresh(HttpRequest request, DirectLineTokens tokens)
    {
        var (credential, failure) = Authorize(request, tokens, null);
        if (failure is not null)
        {
            return failure;
        }

        return credential!.IsSecret
            ? Error(StatusCodes.Status403Forbidden, "BadArgument", "Only a token can be refreshed.")
            : Results.Json(new TokenResponse(credential.ConversationId!, tokens.Issue(credential.ConversationId!, credential.UserId), tokens.Options.TokenLifetimeSeconds), ActivityJson.Options);
    }

    private static async Task<IResult> Start(HttpRequest request, DirectLineTokens tokens, DirectLineConversations conversations, CancellationToken cancellationToken)
    {
        var (credential, failure) = Authorize(request, tokens, null);
        if (failure is not null)
        {
            return failure;
        }

        var start = await StartBodyAsync(request).ConfigureAwait(false);
        var userId = credential!.UserId ?? start.UserId;
        var conversationId = credential.ConversationId ?? DirectLineConversations.NewConversationId();
        var started = await conversations.StartAsync(conversationId, userId, start.Locale, cancellationToken).ConfigureAwait(false);
        var body = Conversation(request, tokens, conversationId, userId, watermark: null);
        return Results.Json(body, ActivityJson.Options, statusCode: started ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private static async Task<IResult> Reconnect(string conversationId, string? watermark, HttpRequest request, DirectLineTokens tokens,
        DirectLineConversations conversations, CancellationToken cancellationToken)
    {
        var (credential, failure) = await AuthorizeConversationAsync(request, tokens, conversations, conversationId, cancellationToken).ConfigureAwait(false);
        return failure ?? Results.Json(Conversation(request, tokens, conversationId, credential!.UserId, watermark), ActivityJson.Options);
    }

    private static async Task<IResult> Post(string conversationId, HttpRequest request, DirectLineTokens tokens,
        DirectLineConversations conversations, CancellationToken cancellationToken)
    {
        var (credential, failure) = await AuthorizeConversationAsync(request, tokens, conversations, conversationId, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        Activity? activity;
        try
        {
            activity = await JsonSerializer.DeserializeAsync<Activity>(request.Body, ActivityJson.Options, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            return Error(StatusCodes.Status400BadRequest, "BadArgument", $"The body is not a valid activity: {ex.Message.Split(" Path:")[0]}");
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            var limit = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
            return Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", $"An activity may be at most {limit / 1024} KB.");
        }

        if (activity is null || string.IsNullOrEmpty(activity.Type))
        {
            return Error(StatusCodes.Status400BadRequest, "BadArgument", "The activity needs a 'type', e.g. \"message\".");
        }

        if (!ActivityJson.CanBeWritten(activity))
        {
            return Error(StatusCodes.Status400BadRequest, "BadArgument", "The activity holds text that is not valid Unicode.");
        }

        var id = await conversations.PostAsync(conversationId, credential!.UserId, activity, ClientOf(request, credential, activity), cancellationToken).ConfigureAwait(false);
        return Results.Ok(new { id });
    }

    private static async Task<IResult> Poll(string conversationId, string? watermark, HttpRequest request, DirectLineTokens tokens,
        DirectLineConversations conversations, CancellationToken cancellationToken)
    {
        var (credential, failure) = await AuthorizeConversationAsync(request, tokens, conversations, conversationId, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        var after = ParseWatermark(watermark);
        var activities = await conversations.ReadAfterAsync(conversationId, after, cancellationToken).ConfigureAwait(false);

        // Decision traces only for the secret's holder (the operator's evaluation), never for a page's token.
        return Results.Content(ActivitySet(activities, after, withTraces: credential!.IsSecret), "application/json");
    }

    /// <summary>
    /// The wire form <c>{"activities":[…],"watermark":"n"}</c>; the watermark stays put when nothing is new, and moves
    /// past activities the caller is not shown (see <see cref="DecisionTraces"/>).
    /// </summary>
    internal static string ActivitySet(IReadOnlyList<StoredActivity> activities, long after, bool withTraces)
    {
        var watermark = activities.Count > 0 ? Math.Max(after, activities.Max(a => a.Sequence)) : after;
        return JsonSerializer.Serialize(new ActivitySetBody(activities.Select(a => a.Activity).Where(a => withTraces || !DecisionTraces.IsTrace(a)).ToList(),
            watermark >= 0 ? watermark.ToString(CultureInfo.InvariantCulture) : null), ActivityJson.Options);
    }

    internal static long ParseWatermark(string? watermark) =>
        long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : -1;

    /// <summary>
    /// The sender as the transport knows it: the connection's address (the client's own once forwarded headers from
    /// a known proxy are applied) and the user the token was issued to. Only the secret's holder, a server of the
    /// shop's own, may name the user in the activity.
    /// </summary>
    private static ClientIdentity ClientOf(HttpRequest request, DirectLineCredential credential, Activity activity) =>
        new(DirectLineConversations.ChannelId, ClientIdentity.NetworkOf(request.HttpContext.Connection.RemoteIpAddress),
            credential.IsSecret ? activity.From?.Id : credential.UserId);

    private static IResult NotFound(string conversationId) =>
        Error(StatusCodes.Status404NotFound, "BadArgument", $"Conversation '{conversationId}' does not exist.");

    private static ConversationResponse Conversation(HttpRequest request, DirectLineTokens tokens, string conversationId, string? userId, string? watermark)
    {
        var token = tokens.Issue(conversationId, userId);
        var scheme = request.Scheme == "https" ? "wss" : "ws";
        var streamUrl = $"{scheme}://{request.Host}{request.PathBase}/v3/directline/conversations/{conversationId}/stream?t={Uri.EscapeDataString(token)}"
            + (string.IsNullOrEmpty(watermark) ? "" : $"&watermark={Uri.EscapeDataString(watermark)}");
        return new ConversationResponse(conversationId, token, tokens.Options.TokenLifetimeSeconds, streamUrl);
    }

    /// <summary>
    /// What a start or token request may say: <c>{"user":{"id":…},"locale":"fr-FR"}</c> (DirectLineJS sends the locale
    /// given as <c>conversationStartProperties.locale</c>). A locale that is not a language tag is ignored.
    /// </summary>
    private static async Task<(string? UserId, string? Locale)> StartBodyAsync(HttpRequest request)
    {
        // Only a body that declares its length is read (DirectLineJS and Web Chat declare it); the request size limit
        // then refuses an oversized one with 413 before it is parsed.
        if (request.ContentLength is null or 0)
        {
            return (null, null);
        }

        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body).ConfigureAwait(false);
            var root = body.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            var userId = root.TryGetProperty("user", out var user) && user.ValueKind == JsonValueKind.Object
                && user.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
            var locale = root.TryGetProperty("locale", out var tag) && tag.ValueKind == JsonValueKind.String ? tag.GetString() : null;
            return (userId, locale is not null && LanguageTag().IsMatch(locale) ? locale : null);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    /// <summary>A BCP 47 language tag as channels send them (<c>fr</c>, <c>fr-FR</c>, <c>zh-Hant-TW</c>), bounded in length.</summary>
    [GeneratedRegex("^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTag();

    // Written with the activities' camelCase settings (the host's own JSON is snake_case), except expires_in:
    // Direct Line 3.0 spells that one in snake_case.
    private sealed record TokenResponse(string ConversationId, string Token, [property: JsonPropertyName("expires_in")] int ExpiresIn);

    private sealed record ConversationResponse(string ConversationId, string Token, [property: JsonPropertyName("expires_in")] int ExpiresIn, string StreamUrl);

    private sealed record ActivitySetBody(IReadOnlyList<Activity> Activities, string? Watermark);
}
