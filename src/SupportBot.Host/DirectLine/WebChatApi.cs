using System.Security.Cryptography;
using System.Threading.RateLimiting;

namespace SupportBot.Host.DirectLine;

/// <summary>
/// The built-in page's token endpoint: same origin, rate limited per client address, and it returns a token for
/// one new conversation (the pattern Microsoft documents for Web Chat), so the secret never reaches a browser.
/// </summary>
internal static class WebChatApi
{
    public const string RateLimitPolicy = "webchat-token";

    public static IServiceCollection AddWebChatTokenLimits(this IServiceCollection services) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 30, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });

    public static IEndpointRouteBuilder MapWebChatApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/webchat/token", (DirectLineTokens tokens) =>
        {
            var conversationId = DirectLineConversations.NewConversationId();
            var userId = "shopper-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
            return Results.Ok(new { token = tokens.Issue(conversationId, userId), conversationId, userId, expires_in = tokens.Options.TokenLifetimeSeconds });
        }).RequireRateLimiting(RateLimitPolicy).WithName("WebChatToken");
        return app;
    }
}
