using System.Numerics.Tensors;

namespace SupportBot.Embeddings;

/// <summary>Small vector helpers over <see cref="TensorPrimitives"/>.</summary>
internal static class Vectors
{
    /// <summary>A unit-length copy (a zero vector stays zero).</summary>
    public static float[] Normalized(ReadOnlySpan<float> vector)
    {
        var copy = vector.ToArray();
        var norm = TensorPrimitives.Norm(copy);
        if (norm > 0)
        {
            TensorPrimitives.Divide(copy, norm, copy);
        }

        return copy;
    }

    /// <summary>Cosine of two unit-length vectors.</summary>
    public static float Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => a.Length == b.Length ? TensorPrimitives.Dot(a, b) : 0;
}
