using System.Numerics.Tensors;

namespace Concierge.Knowledge.Ranking;

/// <summary>Embedding similarity with the SIMD kernels of System.Numerics.Tensors.</summary>
public static class VectorMath
{
    /// <summary>Cosine similarity in [-1, 1]; 0 when either vector is empty or all zeros (it points nowhere).</summary>
    public static float Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"Vectors differ in length ({a.Length} and {b.Length}): they come from different embedding models.", nameof(b));
        }

        if (a.IsEmpty)
        {
            return 0;
        }

        var similarity = TensorPrimitives.CosineSimilarity(a, b);
        return float.IsNaN(similarity) ? 0 : similarity;
    }
}
