using ActionAgent.Embeddings;

namespace ActionAgent.Embeddings.Tests;

public sealed class MiniLmEmbedderTests
{
    private static MiniLmEmbedder Embedder => MiniLmEmbedder.Shared;

    [Fact]
    public async Task Vectors_have_384_dimensions_and_unit_length()
    {
        var vectors = await Embedder.EmbedAsync(["Departure date"], CancellationToken.None);

        Assert.Equal(384, vectors[0].Length);
        Assert.Equal(1.0, VectorMath.Dot(vectors[0], vectors[0]), 3);
    }

    [Fact]
    public void A_label_is_closer_to_its_meaning_than_to_an_unrelated_label()
    {
        var related = Embedder.Similarity("first name", "Given name");
        var unrelated = Embedder.Similarity("first name", "Card number");

        Assert.True(related > unrelated + 0.1, $"related {related:0.00}, unrelated {unrelated:0.00}");
    }

    [Fact]
    public void Leaving_from_is_understood_as_the_origin()
    {
        var origin = Embedder.Similarity("origin", "Leaving from");
        var destination = Embedder.Similarity("origin", "Going to");

        Assert.True(origin > destination, $"origin {origin:0.00}, destination {destination:0.00}");
    }
}
