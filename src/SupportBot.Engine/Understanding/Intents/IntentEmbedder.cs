using SupportBot.Embeddings;

namespace SupportBot.Understanding.Intents;

/// <summary>
/// The embedding service as the intent classifier uses it: many texts at once (training, cached on disk) and one
/// message at a time (prediction, when the turn did not bring its vector).
/// </summary>
internal sealed class IntentEmbedder
{
    private readonly TextEmbeddings _embeddings;

    private IntentEmbedder(TextEmbeddings embeddings) => _embeddings = embeddings;

    public string ModelId => _embeddings.ModelId!;

    /// <summary>The embedder of a service, or null when embeddings are off.</summary>
    public static IntentEmbedder? For(TextEmbeddings embeddings)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        return embeddings.IsEnabled ? new IntentEmbedder(embeddings) : null;
    }

    /// <summary>The training texts' vectors, cached on disk; throws when the provider fails.</summary>
    public Task<float[][]> EmbedAllAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken) => _embeddings.EmbedAsync(texts, cancellationToken);

    /// <summary>A message's vector; null when the provider failed (the message is then read by its words only).</summary>
    public Task<float[]?> EmbedAsync(string text, CancellationToken cancellationToken) => _embeddings.EmbedMessageAsync(text, cancellationToken);
}
