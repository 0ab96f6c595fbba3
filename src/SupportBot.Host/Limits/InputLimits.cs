using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using SupportBot.Configuration;
using SupportBot.Conversation;
using SupportBot.Schema;

namespace SupportBot.Host.Limits;

/// <summary>
/// The HTTP edge of the <c>Limits</c> budgets: a small body size for every endpoint, a larger one for posted
/// activities, and messages per minute per client and per conversation through ASP.NET Core's rate limiter.
/// Refusals are ProblemDetails: 413 for a body too large, 429 with <c>Retry-After</c> for too many requests.
/// </summary>
internal static class InputLimits
{
    public static IServiceCollection AddInputLimits(this IServiceCollection services)
    {
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<LimitsOptions>>((kestrel, limits) =>
            kestrel.Limits.MaxRequestBodySize = limits.Value.MaxRequestBodyBytes > 0 ? limits.Value.MaxRequestBodyBytes : null);
        services.AddExceptionHandler<BadRequestProblem>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<LimitsOptions>>((limiter, limits) =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RejectAsync;

            // Every message counts against its client and its conversation. The conversation's key includes the
            // client, so a stranger who learns a conversation id cannot spend that conversation's budget.
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                MessagesPerMinute(limits.Value.MessagesPerMinutePerClient, ClientOf),
                MessagesPerMinute(limits.Value.MessagesPerMinutePerConversation, context => $"{ClientOf(context)}|{context.GetRouteValue("conversationId")}"));
        });
        return services;
    }

    /// <summary>
    /// Marks an endpoint that takes a shopper's activity: it may be <see cref="LimitsOptions.MaxActivityBytes"/>
    /// large and, when <paramref name="rateLimited"/>, it counts against the message rate limits of its client
    /// and of the conversation in its route.
    /// </summary>
    public static RouteHandlerBuilder WithMessageBudget(this RouteHandlerBuilder endpoint, IServiceProvider services, bool rateLimited = true) =>
        endpoint.WithMetadata(new MessageBudget(services.GetRequiredService<IOptions<LimitsOptions>>().Value.MaxActivityBytes, rateLimited));

    /// <summary>The remote address (the real client's once forwarded headers from a known proxy are applied).</summary>
    internal static string ClientOf(HttpContext context) => ClientIdentity.NetworkOf(context.Connection.RemoteIpAddress) ?? "unknown";

    private static PartitionedRateLimiter<HttpContext> MessagesPerMinute(int perMinute, Func<HttpContext, string> keyOf) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
            perMinute > 0 && context.GetEndpoint()?.Metadata.GetMetadata<MessageBudget>() is { RateLimited: true }
                ? RateLimitPartition.GetTokenBucketLimiter(keyOf(context), _ => new TokenBucketRateLimiterOptions
                {
                    // A burst of a minute's worth, then one more every 1/n minutes: a quick typist is never held up.
                    TokenLimit = perMinute,
                    TokensPerPeriod = 1,
                    ReplenishmentPeriod = TimeSpan.FromMinutes(1) / perMinute,
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter(string.Empty));

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"Too many requests from this client or conversation. Try again in {seconds} s.",
            },
        }).ConfigureAwait(false);
    }
}

/// <summary>An endpoint taking a shopper's activity: its body budget, and the mark the message rate limits look for.</summary>
internal sealed class MessageBudget(long maxBytes, bool rateLimited) : IRequestSizeLimitMetadata
{
    public long? MaxRequestBodySize { get; } = maxBytes > 0 ? maxBytes : null;

    public bool RateLimited { get; } = rateLimited;
}
