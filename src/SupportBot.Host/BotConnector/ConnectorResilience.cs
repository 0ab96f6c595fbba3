using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace SupportBot.Host.BotConnector;

/// <summary>
/// How replies reach a Bot Connector channel when it struggles. A reply is a POST the channel shows the shopper, so
/// it is sent again only when the channel certainly did not take it: it said so (429 Too Many Requests, 503
/// Unavailable, honouring Retry-After) or the connection was refused before anything was sent. A slow answer is
/// never retried (the channel may have shown the reply), and a channel that keeps failing is left alone for a while
/// (circuit breaker) instead of holding every turn for its timeout. The whole delivery keeps to
/// <see cref="BotConnectorOptions.ReplyTimeoutSeconds"/>.
/// </summary>
internal static class ConnectorResilience
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, BotConnectorOptions options)
    {
        pipeline.AddTimeout(TimeSpan.FromSeconds(options.ReplyTimeoutSeconds));
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = 2,
            Delay = TimeSpan.FromMilliseconds(200),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldRetryAfterHeader = true,
            ShouldHandle = args => ValueTask.FromResult(NotTaken(args.Outcome)),
        });
        pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = 0.5,
            MinimumThroughput = 10,
            SamplingDuration = TimeSpan.FromSeconds(30),
            BreakDuration = TimeSpan.FromSeconds(15),
        });
    }

    /// <summary>The channel did not take the request: it refused it for now, or no connection was made.</summary>
    internal static bool NotTaken(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result?.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable
        || outcome.Exception is HttpRequestException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused } }
        || outcome.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError };
}
