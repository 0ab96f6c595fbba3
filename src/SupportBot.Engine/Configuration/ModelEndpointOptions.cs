using System.ComponentModel.DataAnnotations;
using System.Net.Http;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace SupportBot.Configuration;

/// <summary>
/// Where an OpenAI-compatible model is (<c>Drafting:OpenAI</c>, <c>Embeddings:OpenAI</c>) and how hard to try: every
/// call goes through one resilience pipeline of these settings (total budget, retries, circuit breaker, per-attempt timeout).
/// </summary>
internal abstract class ModelEndpointOptions
{
    /// <summary>The base URL of the API, up to and including <c>/v1</c>.</summary>
    public string? Endpoint { get; set; }

    public string? Model { get; set; }

    /// <summary>Sent as a bearer token; local servers such as Ollama need none. Prefer the environment variable (<c>…__ApiKey</c>).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Further attempts after a failed or timed-out call, within the budget.</summary>
    /// <value>Default 1.</value>
    [Range(0, 5)]
    public int MaxRetries { get; set; } = 1;

    /// <value>Default 200 ms, doubled on each retry.</value>
    [Range(0, 10_000)]
    public int RetryDelayMilliseconds { get; set; } = 200;

    /// <summary>The most one HTTP call may take before it is retried.</summary>
    /// <value>Default 3 seconds for drafting, 1.5 for embeddings.</value>
    [Range(0.1, 120.0)]
    public double AttemptTimeoutSeconds { get; set; } = 3;

    /// <summary>The share of failed calls, within <see cref="CircuitSamplingSeconds"/>, that stops calling the model for <see cref="CircuitBreakSeconds"/>.</summary>
    /// <value>Default 0.5.</value>
    [Range(0.01, 1.0)]
    public double CircuitFailureRatio { get; set; } = 0.5;

    /// <summary>Calls needed in the sampling window before the circuit may open.</summary>
    /// <value>Default 4.</value>
    [Range(2, 10_000)]
    public int CircuitMinimumCalls { get; set; } = 4;

    /// <value>Default 30 seconds.</value>
    [Range(0.5, 3600.0)]
    public double CircuitSamplingSeconds { get; set; } = 30;

    /// <value>Default 30 seconds.</value>
    [Range(0.5, 3600.0)]
    public double CircuitBreakSeconds { get; set; } = 30;

    /// <summary>The rules between settings when <paramref name="section"/>'s provider is an OpenAI-compatible endpoint.</summary>
    public IEnumerable<ValidationResult> ValidateEndpoint(string section)
    {
        if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
        {
            yield return new ValidationResult($"{section}:OpenAI:Endpoint must be an http(s) URL such as http://localhost:11434/v1 when {section}:Provider is OpenAI (got '{Endpoint}')");
        }

        if (string.IsNullOrWhiteSpace(Model))
        {
            yield return new ValidationResult($"{section}:OpenAI:Model must name the model when {section}:Provider is OpenAI (got '')");
        }
    }

    /// <summary>The model's resilience pipeline: the budget outside, then retries, the circuit breaker, one attempt's timeout.</summary>
    public void AddResilience(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, double budgetSeconds)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        pipeline.AddTimeout(TimeSpan.FromSeconds(budgetSeconds));
        if (MaxRetries > 0)
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = MaxRetries,
                Delay = TimeSpan.FromMilliseconds(RetryDelayMilliseconds),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                // A provider asking to wait longer than the budget will not be waited for anyway.
                ShouldRetryAfterHeader = false,
            });
        }

        pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = CircuitFailureRatio,
            MinimumThroughput = CircuitMinimumCalls,
            SamplingDuration = TimeSpan.FromSeconds(CircuitSamplingSeconds),
            BreakDuration = TimeSpan.FromSeconds(CircuitBreakSeconds),
        });
        pipeline.AddTimeout(TimeSpan.FromSeconds(AttemptTimeoutSeconds));
    }
}
