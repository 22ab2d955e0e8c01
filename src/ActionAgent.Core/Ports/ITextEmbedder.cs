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

    /// <summary>
    /// A hint that these texts are likely to be embedded soon (a page's labels, before the planner ranks them): an
    /// embedder may embed them in the background while it is idle, so the later <see cref="EmbedAsync"/> finds them
    /// ready. It never blocks and never changes a vector. The default does nothing.
    /// </summary>
    void Prefetch(IReadOnlyList<string> texts)
    {
    }
}
