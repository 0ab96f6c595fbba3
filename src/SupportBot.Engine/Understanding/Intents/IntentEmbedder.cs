using SupportBot.Embeddings;

namespace SupportBot.Understanding.Intents;

/// <summary>
/// The embedding service as the intent classifier uses it: many texts at once (training, cached on disk) and one
/// message at a time (prediction, when the turn did not bring its vector).
/// </summary>
public sealed class IntentEmbedder
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

    public float[][] EmbedAll(IReadOnlyList<string> texts) => _embeddings.EmbedAsync(texts).GetAwaiter().GetResult();

    public float[]? Embed(string text) => _embeddings.EmbedMessage(text);
}
