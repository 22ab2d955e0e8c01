using ActionAgent.Vision.Caching;
using OpenCvSharp;

namespace ActionAgent.Vision.Segmentation;

/// <summary>"Segment everything": every interactive-looking region of a screenshot with its box, kind and text.</summary>
public sealed class ScreenSegmenter
{
    private readonly ContentCache<IReadOnlyList<UiRegion>> _segmented = new(8);
    private readonly RegionReader _reader;
    private readonly VisionOptions _options;

    /// <summary>
    /// Creates a segmenter that reads text with tesseract as the options say, and starts OpenCV
    /// in the background (returning at once), so its first read does not wait for it.
    /// </summary>
    public ScreenSegmenter(VisionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        var ocr = options.CreateOcr();
        _reader = new RegionReader(ocr, options);
        BackgroundWarmUp.Start();
    }

    /// <summary>
    /// Segments a PNG screenshot and reads the text in each region. Once per screenshot: the result is kept by the
    /// hash of the screenshot's bytes, so locating several things on one screen segments and reads it once.
    /// </summary>
    public async Task<IReadOnlyList<UiRegion>> SegmentAsync(byte[] png, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(png);
        var key = ContentHash.Of(png);
        if (_segmented.TryGet(key, out var known)) return known;
        var regions = await SegmentAfreshAsync(png, cancellationToken).ConfigureAwait(false);
        _segmented.Add(key, regions);
        return regions;
    }

    private async Task<IReadOnlyList<UiRegion>> SegmentAfreshAsync(byte[] png, CancellationToken cancellationToken)
    {
        // Decoded once: the screen check's change ratio may have decoded it already.
        using var shot = DecodedScreenshot.Of(png) ?? throw new ArgumentException("The screenshot is not a readable image.", nameof(png));
        var raw = UiSegmenter.Segment(shot.Colour, shot.Grey, _options.MaxRegions);
        var texts = await _reader.ReadAsync(shot.Grey, raw.Select(r => r.Rect).ToList(), cancellationToken).ConfigureAwait(false);
        var regions = new List<UiRegion>(raw.Count);
        for (var i = 0; i < raw.Count; i++)
        {
            var kind = Classify(raw[i], texts[i]);
            if (kind == RegionKinds.Text && texts[i].Text.Length == 0) continue; // a text line with nothing readable is decoration.
            regions.Add(new UiRegion(UiSegmenter.ToBox(raw[i].Rect), kind, texts[i].Text));
        }
        return AttachLabels(regions).AsReadOnly();
    }

    private static string Classify(UiSegmenter.RawRegion raw, RegionText text)
    {
        if (!raw.IsControl) return RegionKinds.Text;
        var r = raw.Rect;
        if (r.Width <= 2.0 * r.Height && r.Width < 56) return RegionKinds.Icon;
        if (raw.IsFilled) return RegionKinds.Button;
        if (text.Text.Length == 0) return RegionKinds.Field;
        // Text starting near the left edge of a wide box is a field's value; centred text is a button's label.
        var centre = (text.Left + text.Right) / 2;
        return text.Left < 0.2 && Math.Abs(centre - 0.5) > 0.12 ? RegionKinds.Field : RegionKinds.Button;
    }

    /// <summary>A field is named by the text line just left of it (up to 120 px) or, failing that, just above it (up to 40 px).</summary>
    private static List<UiRegion> AttachLabels(List<UiRegion> regions)
    {
        var texts = regions.Where(r => r.Kind == RegionKinds.Text).ToList();
        return regions.Select(region =>
        {
            if (region.Kind != RegionKinds.Field) return region;
            var b = region.Box;
            var label = texts
                .Select(t => (t, distance: LabelDistance(t.Box, b)))
                .Where(x => x.distance < 120 || (x.distance >= 1000 && x.distance < 1040))
                .OrderBy(x => x.distance)
                .Select(x => x.t.Text)
                .FirstOrDefault();
            return label is null ? region : region with { Label = label };
        }).ToList();
    }

    private static double LabelDistance(Core.Actions.BoundingBox label, Core.Actions.BoundingBox field)
    {
        var verticalOverlap = Math.Min(label.Y + label.Height, field.Y + field.Height) - Math.Max(label.Y, field.Y);
        var leftGap = field.X - (label.X + label.Width);
        if (verticalOverlap > label.Height / 2 && leftGap >= -2) return leftGap; // on the same row, to the left
        var aboveGap = field.Y - (label.Y + label.Height);
        var horizontalOverlap = Math.Min(label.X + label.Width, field.X + field.Width) - Math.Max(label.X, field.X);
        if (aboveGap >= -2 && aboveGap < 40 && (horizontalOverlap > 0 || Math.Abs(label.X - field.X) < 20)) return 1000 + aboveGap; // above: only when nothing names it on its own row
        return double.MaxValue;
    }
}
