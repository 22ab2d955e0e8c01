using ActionAgent.Core.Ports;

namespace ActionAgent.Vision;

/// <summary>Composes the vision backends for a run: what the CLI and library users call.</summary>
public static class VisionBackends
{
    /// <summary>The embedded (offline) screen check, visual locator and element cropper.</summary>
    public static VisionServices CreateEmbedded(ITextEmbedder? embedder, VisionOptions? options = null)
    {
        options ??= new VisionOptions();
        options.Validate();
        // One segmenter for both: a screenshot the check read is already segmented and read when the locator needs it.
        var segmenter = new Segmentation.ScreenSegmenter(options);
        return new VisionServices(new EmbeddedScreenVerifier(embedder, options, segmenter), new EmbeddedElementLocator(embedder, segmenter), new SkiaImageCropper());
    }

    /// <summary>
    /// The embedded services with a remote vision check behind them: the remote model is asked only when the
    /// embedded check is unsure (or always, when <paramref name="remoteFirst"/> is set).
    /// </summary>
    public static VisionServices WithRemoteVerifier(VisionServices embedded, IScreenVerifier remote, VisionOptions? options = null, bool remoteFirst = false)
    {
        ArgumentNullException.ThrowIfNull(embedded);
        ArgumentNullException.ThrowIfNull(remote);
        options ??= new VisionOptions();
        IScreenVerifier verifier = remoteFirst ? remote : new EscalatingScreenVerifier(embedded.Verifier, remote, options.EscalateWhenUnsure);
        return embedded with { Verifier = verifier };
    }
}

/// <summary>The vision collaborators of a run engine.</summary>
/// <param name="Verifier">The screen check.</param>
/// <param name="Locator">The visual locator.</param>
/// <param name="Cropper">Cuts the acted-on element out of the screenshot for the recording.</param>
public sealed record VisionServices(IScreenVerifier Verifier, IElementLocator Locator, IImageCropper Cropper);
