namespace ActionAgent.Embeddings;

/// <summary>Vector helpers for unit-length embeddings.</summary>
public static class VectorMath
{
    /// <summary>The dot product (the cosine similarity of unit vectors).</summary>
    public static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length) throw new ArgumentException("Vectors must have the same length.", nameof(b));
        return System.Numerics.Tensors.TensorPrimitives.Dot(a, b);
    }

    /// <summary>A unit-length copy of a vector (the zero vector stays zero).</summary>
    public static float[] Normalize(float[] vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        var norm = System.Numerics.Tensors.TensorPrimitives.Norm(vector);
        if (norm == 0) return (float[])vector.Clone();
        var result = new float[vector.Length];
        System.Numerics.Tensors.TensorPrimitives.Divide(vector, norm, result);
        return result;
    }
}
