using ActionAgent.Core.Actions;
using OpenCvSharp;

namespace ActionAgent.Vision.Segmentation;

/// <summary>
/// Finds UI regions on a screenshot with OpenCV: box-like contours of the edge map are controls (buttons, fields,
/// icons); letters joined horizontally by a morphological close are text lines. No text is read here.
/// </summary>
internal static class UiSegmenter
{
    private const int MinControlSide = 14;
    private const int MaxControlHeight = 160;

    /// <summary>A region before OCR: box, whether it is box-like (a control), and whether its inside is filled.</summary>
    internal sealed record RawRegion(Rect Rect, bool IsControl, bool IsFilled);

    /// <summary>The regions of a screenshot given in colour (BGR) and in grey (the same pixels).</summary>
    public static IReadOnlyList<RawRegion> Segment(Mat bgr, Mat gray, int maxRegions)
    {
        var controls = FindControls(gray, bgr.Width, bgr.Height);
        var texts = FindTextLines(gray, bgr.Width, controls)
            .Where(t => !controls.Any(c => Inside(t, c, 0.8) || IoU(t, c) > 0.6))
            .ToList();
        var regions = controls.Select(c => new RawRegion(c, true, IsFilled(bgr, c)))
            .Concat(texts.Select(t => new RawRegion(t, false, false)))
            .OrderBy(r => r.Rect.Y).ThenBy(r => r.Rect.X)
            .Take(maxRegions)
            .ToList();
        return regions;
    }

    private static List<Rect> FindControls(Mat gray, int width, int height)
    {
        using var edges = new Mat();
        Cv2.Canny(gray, edges, 12, 36);
        using var kernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(3, 3));
        Cv2.Dilate(edges, edges, kernel);
        Cv2.FindContours(edges, out var contours, out _, RetrievalModes.List, ContourApproximationModes.ApproxSimple);
        var boxes = new List<Rect>();
        foreach (var contour in contours)
        {
            var r = Cv2.BoundingRect(contour);
            if (r.Width < MinControlSide || r.Height < MinControlSide || r.Height > MaxControlHeight) continue;
            if (r.Width > width * 0.9 || r.Height > height * 0.5) continue;
            var fill = Cv2.ContourArea(contour) / (r.Width * (double)r.Height);
            if (fill < 0.75) continue;
            // A control has straight sides; a blob of bold letters does not.
            if (BorderShare(edges, r) < 0.6) continue; // 0.6 lets round buttons through (a circle covers ~70% of its box outline).
            boxes.Add(r);
        }
        // The dilated outline gives an outer and an inner contour per box: keep the outer one.
        boxes = boxes.OrderByDescending(b => b.Width * b.Height).ToList();
        var kept = new List<Rect>();
        foreach (var b in boxes)
        {
            // The same control seen twice (an outline and its focus ring, a label box and its input): keep the outer one.
            if (kept.Any(k => IoU(k, b) > 0.75 || (Inside(b, k, 0.95) && b.Width * (double)b.Height > 0.6 * k.Width * k.Height))) continue;
            kept.Add(b);
        }
        // A box that holds several others is a panel or a form, not a control.
        return kept.Where(k => kept.Count(o => o != k && Inside(o, k, 0.95)) < 3).ToList();
    }

    private static List<Rect> FindTextLines(Mat gray, int width, List<Rect> controls)
    {
        using var gradient = new Mat();
        using var ellipse = Cv2.GetStructuringElement(MorphShapes.Ellipse, new Size(3, 3));
        Cv2.MorphologyEx(gray, gradient, MorphTypes.Gradient, ellipse);
        using var binary = new Mat();
        Cv2.Threshold(gradient, binary, 40, 255, ThresholdTypes.Binary);
        // Erase the controls' outlines, so a label touching its field stays a line of its own.
        foreach (var c in controls) Cv2.Rectangle(binary, c, Scalar.Black, 4);
        using var join = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(9, 1));
        Cv2.MorphologyEx(binary, binary, MorphTypes.Close, join);
        Cv2.FindContours(binary, out var contours, out _, RetrievalModes.External, ContourApproximationModes.ApproxSimple);
        var lines = new List<Rect>();
        foreach (var contour in contours)
        {
            var r = Cv2.BoundingRect(contour);
            if (r.Height < 7 || r.Width < 6 || r.Height > 60 || r.Width > width * 0.9) continue;
            lines.Add(r);
        }
        return lines;
    }

    /// <summary>The share of the box's outline (a band 3 px deep inside its bounding rectangle) that lies on an edge.</summary>
    private static double BorderShare(Mat edges, Rect r)
    {
        var hits = 0;
        var total = 0;
        int left = r.X, right = r.X + r.Width - 1, top = r.Y, bottom = r.Y + r.Height - 1;
        bool Any(int x, int y, int dx, int dy)
        {
            for (var d = 0; d < 3; d++)
            {
                if (edges.At<byte>(y + (d * dy), x + (d * dx)) != 0) return true;
            }
            return false;
        }
        for (var x = left + 5; x <= right - 5; x++)
        {
            total += 2;
            if (Any(x, top, 0, 1)) hits++;
            if (Any(x, bottom, 0, -1)) hits++;
        }
        for (var y = top + 5; y <= bottom - 5; y++)
        {
            total += 2;
            if (Any(left, y, 1, 0)) hits++;
            if (Any(right, y, -1, 0)) hits++;
        }
        return total == 0 ? 0 : hits / (double)total;
    }

    /// <summary>Whether the inside of a box differs in colour from just around it (a filled button).</summary>
    private static bool IsFilled(Mat bgr, Rect r)
    {
        var inner = Shrink(r, Math.Max(2, r.Height / 4));
        // The ring from 4 to 8 px outside the box: clear of the border line itself.
        var outer = Rect.Intersect(new Rect(r.X - 8, r.Y - 8, r.Width + 16, r.Height + 16), new Rect(0, 0, bgr.Width, bgr.Height));
        r = Rect.Intersect(new Rect(r.X - 4, r.Y - 4, r.Width + 8, r.Height + 8), new Rect(0, 0, bgr.Width, bgr.Height));
        if (inner.Width <= 0 || inner.Height <= 0 || outer == r) return false;
        using var innerMat = new Mat(bgr, inner);
        var insideMean = Cv2.Mean(innerMat);
        // The ring just outside the box: the mean of the grown box minus the box itself.
        using var outerMat = new Mat(bgr, outer);
        using var boxMat = new Mat(bgr, r);
        var outerSum = Cv2.Sum(outerMat);
        var boxSum = Cv2.Sum(boxMat);
        double ringArea = (outer.Width * (double)outer.Height) - (r.Width * (double)r.Height);
        if (ringArea <= 0) return false;
        var distance = 0.0;
        for (var c = 0; c < 3; c++)
        {
            var ring = (outerSum[c] - boxSum[c]) / ringArea;
            distance += Math.Abs(ring - insideMean[c]);
        }
        return distance > 90;
    }

    internal static Rect Shrink(Rect r, int by) => new(r.X + by, r.Y + by, Math.Max(0, r.Width - (2 * by)), Math.Max(0, r.Height - (2 * by)));

    internal static bool Inside(Rect inner, Rect outer, double share)
    {
        var i = Rect.Intersect(inner, outer);
        if (i.Width <= 0 || i.Height <= 0) return false;
        return i.Width * (double)i.Height >= share * inner.Width * inner.Height;
    }

    internal static double IoU(Rect a, Rect b)
    {
        var i = Rect.Intersect(a, b);
        if (i.Width <= 0 || i.Height <= 0) return 0;
        double inter = i.Width * (double)i.Height;
        return inter / ((a.Width * (double)a.Height) + (b.Width * (double)b.Height) - inter);
    }

    internal static BoundingBox ToBox(Rect r) => new(r.X, r.Y, r.Width, r.Height);
}
