using System.Numerics.Tensors;
using SupportBot.Embeddings;
using SupportBot.Knowledge;

namespace SupportBot.Insights.Gaps;

/// <summary>
/// What every shopper question shares in the sentence model's space, taken out before messages are compared. The
/// model puts all support questions in one narrow cone ("how do I … my order?"), so two unrelated questions already
/// score 0.3–0.5; subtracting the mean of the FAQ's own phrasings (titles and questions) and rescaling to unit length
/// leaves what tells them apart. On the editors' working set this gains a tenth of precision at the same recall
/// (docs/CONTENT-GAPS.md). The mean comes from the knowledge, never from the messages clustered, so a period
/// dominated by one question does not erase that question.
/// </summary>
internal static class CommonDirection
{
    /// <summary>The mean vector of the entries' titles and questions (knowledge texts: cached on disk like the index's).</summary>
    public static async Task<float[]> OfAsync(IReadOnlyList<FaqEntry> entries, TextEmbeddings embeddings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(embeddings);
        var texts = entries.SelectMany(e => e.Questions.Select(q => q.Text).Prepend(e.Title)).ToList();
        if (texts.Count == 0)
        {
            return [];
        }

        var vectors = await embeddings.EmbedAsync(texts, cancellationToken).ConfigureAwait(false);
        var mean = new float[vectors[0].Length];
        foreach (var vector in vectors)
        {
            TensorPrimitives.Add(mean, vector, mean);
        }

        TensorPrimitives.Divide(mean, vectors.Length, mean);
        return mean;
    }

    /// <summary><paramref name="vector"/> without <paramref name="common"/>, at unit length (unchanged when there is no common direction).</summary>
    public static float[] Removed(float[] vector, float[] common)
    {
        ArgumentNullException.ThrowIfNull(vector);
        ArgumentNullException.ThrowIfNull(common);
        if (common.Length != vector.Length)
        {
            return Vectors.Normalized(vector);
        }

        var difference = new float[vector.Length];
        TensorPrimitives.Subtract(Vectors.Normalized(vector), common, difference);
        return Vectors.Normalized(difference);
    }
}
