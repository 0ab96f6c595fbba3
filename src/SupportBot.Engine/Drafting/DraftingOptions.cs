using System.ComponentModel.DataAnnotations;

namespace SupportBot.Drafting;

/// <summary>Who writes the bot's answers.</summary>
public enum DraftingProvider
{
    /// <summary>Composed on this machine from the retrieved passages: no network, no key, deterministic.</summary>
    Local,

    /// <summary>Any OpenAI-compatible chat completions endpoint (OpenAI, Azure OpenAI, Ollama, vLLM).</summary>
    OpenAI,
}

/// <summary>Settings of the <c>Drafting</c> section.</summary>
public sealed class DraftingOptions : IValidatableObject
{
    public const string SectionName = "Drafting";

    /// <value>Default <c>Local</c>.</value>
    public DraftingProvider Provider { get; set; } = DraftingProvider.Local;

    /// <summary>The most a turn may wait for a model, function calls and retries included; then the local draft is sent.</summary>
    /// <value>Default 4 seconds.</value>
    [Range(0.1, 120.0)]
    public double BudgetSeconds { get; set; } = 4;

    public OpenAIDraftingOptions OpenAI { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider != DraftingProvider.OpenAI)
        {
            yield break;
        }

        if (!Uri.TryCreate(OpenAI.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
        {
            yield return new ValidationResult($"Drafting:OpenAI:Endpoint must be an http(s) URL such as http://localhost:11434/v1 when Drafting:Provider is OpenAI (got '{OpenAI.Endpoint}')");
        }

        if (string.IsNullOrWhiteSpace(OpenAI.Model))
        {
            yield return new ValidationResult("Drafting:OpenAI:Model must name the model when Drafting:Provider is OpenAI (got '')");
        }
    }
}

/// <summary>Settings of <c>Drafting:OpenAI</c>: where the model is and how hard to try.</summary>
public sealed class OpenAIDraftingOptions
{
    /// <summary>The base URL of the API, up to and including <c>/v1</c>.</summary>
    public string? Endpoint { get; set; }

    public string? Model { get; set; }

    /// <summary>Sent as a bearer token; local servers such as Ollama need none. Prefer the environment variable <c>Drafting__OpenAI__ApiKey</c>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Further attempts after a failed or timed-out call, within the budget.</summary>
    /// <value>Default 1.</value>
    [Range(0, 5)]
    public int MaxRetries { get; set; } = 1;

    /// <value>Default 200 ms, doubled on each retry.</value>
    [Range(0, 10_000)]
    public int RetryDelayMilliseconds { get; set; } = 200;

    /// <summary>The most one HTTP call may take before it is retried.</summary>
    /// <value>Default 3 seconds.</value>
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
}
