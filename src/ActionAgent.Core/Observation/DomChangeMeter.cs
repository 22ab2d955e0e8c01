namespace ActionAgent.Core.Observation;

/// <summary>
/// A page's count of what its document changed on the screen, read with an observation: the visible area of the
/// elements added, given other attributes (a class, a style) or other text since the document loaded, and the page's
/// own scrolling after a press, summed as shares of the viewport. Two readings of the same document tell whether anything the DOM holds changed visibly between
/// them, without a picture: a check can then tell a click that did nothing from one that changed a colour or an icon
/// the accessibility tree does not name. Scrolling, hovering and focus change no element, so they do not count.
/// </summary>
/// <param name="Document">The document read (a new one after each load): readings of two documents are not compared.</param>
/// <param name="ChangedShare">The changed area so far, in viewports (1.0 = one viewport's area), never falling.</param>
/// <param name="Opaque">
/// The page shows what its DOM does not say (a visible canvas, video, frame or plug-in, or a custom element, whose
/// shadow root is not counted): its pixels may change with no element changing, so only pictures tell.
/// </param>
public sealed record DomChangeMeter(string Document, double ChangedShare, bool Opaque)
{
    /// <summary>
    /// What changed between <paramref name="before"/> and <paramref name="after"/>, in viewports; null when the two
    /// cannot be compared (either is missing or opaque, or the page loaded another document between them).
    /// </summary>
    public static double? Between(DomChangeMeter? before, DomChangeMeter? after) =>
        before is { Opaque: false } b && after is { Opaque: false } a && string.Equals(a.Document, b.Document, StringComparison.Ordinal)
            ? Math.Max(0, a.ChangedShare - b.ChangedShare)
            : null;
}
