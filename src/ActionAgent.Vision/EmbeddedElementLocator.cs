using ActionAgent.Core.Ports;
using ActionAgent.Vision.Segmentation;

namespace ActionAgent.Vision;

/// <summary>
/// The embedded visual locator: OpenCV segmentation of UI regions, OCR inside each region, and embedding similarity
/// to a text prompt. Point, box, text and "everything" prompts; no network, no model file.
/// </summary>
public sealed class EmbeddedElementLocator : IElementLocator
{
    private readonly ScreenSegmenter _segmenter;
    private readonly ITextEmbedder? _embedder;

    /// <summary>Creates the locator; without an embedder, text prompts match words only.</summary>
    public EmbeddedElementLocator(ITextEmbedder? embedder, VisionOptions? options = null)
        : this(embedder, new ScreenSegmenter(options ?? new VisionOptions()))
    {
    }

    /// <summary>A locator over <paramref name="segmenter"/> (shared with the screen check, so a screenshot is read once for both).</summary>
    internal EmbeddedElementLocator(ITextEmbedder? embedder, ScreenSegmenter segmenter)
    {
        _embedder = embedder;
        _segmenter = segmenter;
    }

    /// <inheritdoc />
    public string Name => "embedded:opencv+tesseract";

    /// <inheritdoc />
    public async Task<IReadOnlyList<LocatedElement>> LocateAsync(LocateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var regions = await _segmenter.SegmentAsync(request.Screenshot, cancellationToken).ConfigureAwait(false);
        return await RegionRanker.RankAsync(regions, request, _embedder, cancellationToken).ConfigureAwait(false);
    }
}
