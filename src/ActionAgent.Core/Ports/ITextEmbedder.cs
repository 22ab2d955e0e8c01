namespace ActionAgent.Core.Ports;

/// <summary>A sentence-embedding model: text to a unit-length vector, so cosine similarity is a dot product.</summary>
public interface ITextEmbedder
{
    /// <summary>The model's name.</summary>
    string Name { get; }

    /// <summary>The vector length.</summary>
    int Dimensions { get; }

    /// <summary>Embeds each text.</summary>
    Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken);
}
