using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SupportBot.Embeddings;

/// <summary>
/// The one embedding service: the provider chosen by <c>Embeddings:Provider</c> behind a cache (<see cref="VectorCache"/>)
/// and batching. <see cref="Generator"/> is the same thing as Microsoft.Extensions.AI's
/// <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> for Semantic Kernel and other consumers. With
/// <see cref="EmbeddingProvider.None"/> it is <see cref="IsEnabled">disabled</see> and every caller stays lexical.
/// </summary>
internal sealed partial class TextEmbeddings
{
    private readonly ILogger _logger;

    public TextEmbeddings(IEmbeddingGenerator<string, Embedding<float>>? provider, string? modelId, VectorCache cache, EmbeddingOptions options,
        ILogger<TextEmbeddings>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger ?? (ILogger)NullLogger.Instance;
        Languages = options.LanguagesOrEnglish;
        if (provider is not null && modelId is not null)
        {
            ModelId = modelId;
            Generator = new CachingEmbeddingGenerator(provider, modelId, cache, options);
        }
    }

    /// <summary>Lexical only: no vectors anywhere.</summary>
    public static TextEmbeddings None { get; } = new(null, null, new VectorCache(null, 0), new EmbeddingOptions());

    public bool IsEnabled => Generator is not null;

    /// <summary>The languages whose search compares meanings (<c>Embeddings:Languages</c>).</summary>
    public IReadOnlySet<string> Languages { get; }

    /// <summary>These embeddings for a language's search, or <see cref="None"/> when the language is not among <see cref="Languages"/>.</summary>
    public TextEmbeddings For(string language) => IsEnabled && Languages.Contains(language) ? this : None;

    /// <summary>Names the model and its settings; cached vectors and trained models are keyed by it.</summary>
    public string? ModelId { get; }

    /// <summary>The cached, batched generator; null when embeddings are off.</summary>
    public IEmbeddingGenerator<string, Embedding<float>>? Generator { get; }

    /// <summary>Vectors of the knowledge's or the training data's texts, cached on disk. Throws when the provider fails.</summary>
    public Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
        EmbedAllAsync(texts, null, cancellationToken);

    /// <summary>
    /// Shoppers' messages in bulk (the content-gap report): batched and cached like the knowledge's texts, but in
    /// memory only, as every shopper's message. Throws when the provider fails.
    /// </summary>
    public Task<float[][]> EmbedMessagesAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
        EmbedAllAsync(texts, CachingEmbeddingGenerator.MemoryOnly, cancellationToken);

    private async Task<float[][]> EmbedAllAsync(IReadOnlyList<string> texts, EmbeddingGenerationOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (Generator is null)
        {
            throw new InvalidOperationException("Embeddings are off (Embeddings:Provider is None).");
        }

        var embeddings = await Generator.GenerateAsync(texts, options, cancellationToken).ConfigureAwait(false);
        return [.. embeddings.Select(e => e.Vector.ToArray())];
    }

    /// <summary>
    /// A shopper's message as a vector, kept in memory only; null when embeddings are off or the provider failed (the
    /// turn then goes on lexical only, and the failure is logged).
    /// </summary>
    public async Task<float[]?> EmbedMessageAsync(string text, CancellationToken cancellationToken = default)
    {
        if (Generator is null || string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            var embeddings = await Generator.GenerateAsync([text], CachingEmbeddingGenerator.MemoryOnly, cancellationToken).ConfigureAwait(false);
            return embeddings[0].Vector.ToArray();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogEmbeddingFailed(ex);
            return null;
        }
    }

    [LoggerMessage(EventId = 400, Level = LogLevel.Warning, Message = "Embedding a message failed; this turn is understood by its words only")]
    private partial void LogEmbeddingFailed(Exception exception);
}

/// <summary>
/// Looks every text up in the cache, sends what is missing to the provider in batches, and remembers the answers.
/// Texts are read for meaning (<see cref="MeaningText"/>) and cut to <see cref="EmbeddingOptions.MaxTextCharacters"/> first (the key is of that text).
/// </summary>
internal sealed class CachingEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> provider, string modelId, VectorCache cache,
    EmbeddingOptions options) : DelegatingEmbeddingGenerator<string, Embedding<float>>(provider)
{
    /// <summary>Options that keep the vectors out of the disk cache (a shopper's message).</summary>
    public static readonly EmbeddingGenerationOptions MemoryOnly = new() { AdditionalProperties = new() { [PersistKey] = false } };

    private const string PersistKey = "supportbot.persist";

    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values,
        EmbeddingGenerationOptions? options1 = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var persist = options1?.AdditionalProperties?.TryGetValue(PersistKey, out var value) != true || value is not false;
        var texts = values.Select(Cut).ToArray();
        var keys = texts.Select(t => VectorCache.KeyOf(modelId, t)).ToArray();
        var found = new float[]?[texts.Length];
        cache.Lookup(keys, found, disk: persist);

        // Each distinct missing text once, in batches.
        var missing = Enumerable.Range(0, texts.Length).Where(i => found[i] is null)
            .GroupBy(i => keys[i], StringComparer.Ordinal).Select(g => g.ToList()).ToList();
        foreach (var batch in missing.Chunk(options.BatchSize))
        {
            var generated = await base.GenerateAsync(batch.Select(g => texts[g[0]]), options1, cancellationToken).ConfigureAwait(false);
            var vectors = generated.Select(e => e.Vector.ToArray()).ToList();
            cache.Store([.. batch.Select(g => keys[g[0]])], vectors, disk: persist);
            for (var b = 0; b < batch.Length; b++)
            {
                foreach (var i in batch[b])
                {
                    found[i] = vectors[b];
                }
            }
        }

        var result = new GeneratedEmbeddings<Embedding<float>>(texts.Length);
        foreach (var vector in found)
        {
            result.Add(new Embedding<float>(vector!) { ModelId = modelId });
        }

        return result;
    }

    private string Cut(string text)
    {
        var trimmed = MeaningText.Of(text);
        return trimmed.Length <= options.MaxTextCharacters ? trimmed : trimmed[..options.MaxTextCharacters];
    }
}

/// <summary>
/// What a text means rather than whom it names: e-mail addresses and order numbers become the words for them before
/// a text is embedded ("ana@example.com" and "my email is ana@example.com" mean the same to the model as any other
/// address), so the vector depends on the message's meaning and no identifier reaches a cache key.
/// </summary>
internal static partial class MeaningText
{
    public static string Of(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Contains('@', StringComparison.Ordinal))
        {
            trimmed = Email().Replace(trimmed, "email address");
        }

        return OrderNumber().Replace(trimmed, "order number");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"[^\s@<>()\[\],;:""]+@[^\s@<>()\[\],;:""]+\.[A-Za-z]{2,}")]
    private static partial System.Text.RegularExpressions.Regex Email();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b[Ll][Pp]-?\d{6,10}\b")]
    private static partial System.Text.RegularExpressions.Regex OrderNumber();
}
