using ActionAgent.Vision.Caching;
using ActionAgent.Vision.Ocr;
using OpenCvSharp;

namespace ActionAgent.Vision.Segmentation;

/// <summary>
/// Reads the text inside each region. Whole-screen OCR misses light text on coloured buttons, so each region is
/// cropped, enlarged, greyscaled, inverted when its background is dark and thresholded; the crops are stitched
/// into a few tall images (one warm tesseract engine each, read in parallel) and the words mapped back by position.
/// A region whose pixels were read before (the same button on the next step's screenshot, even moved) is not read
/// again: its text is kept by the hash of its pixels, so each screenshot costs OCR only for what changed.
/// </summary>
internal sealed class RegionReader(TesseractOcr ocr, VisionOptions options)
{
    // A page's worth of regions many times over; entries are small (the text and two shares).
    private readonly ContentCache<RegionText> _read = new(4096);

    private const int Gap = 30;
    private const int Margin = 12;
    private const int MaxStripWidth = 2400;

    /// <summary>The words read in each region (same order as <paramref name="regions"/>), each with its x-offset share inside the region.</summary>
    public async Task<IReadOnlyList<RegionText>> ReadAsync(Mat bgr, IReadOnlyList<Rect> regions, CancellationToken cancellationToken)
    {
        var results = new RegionText[regions.Count];
        for (var i = 0; i < results.Length; i++) results[i] = RegionText.Empty;
        if (regions.Count == 0) return results;
        using var gray = new Mat();
        Cv2.CvtColor(bgr, gray, ColorConversionCodes.BGR2GRAY);

        var prepared = new List<(int Index, Mat Crop, double Scale, Rect Source, UInt128 Key)>();
        for (var i = 0; i < regions.Count; i++)
        {
            var r = regions[i];
            var inset = r.Height >= 20 && r.Width >= 20 ? 3 : 0; // skip a control's border line: tesseract reads it as "|".
            var source = UiSegmenter.Shrink(r, inset);
            if (source.Width < 4 || source.Height < 4) continue;
            // The text's shares are of the region's width, so the region's size is part of the key as well as the pixels read.
            var key = ContentHash.Of(gray, source) ^ (((UInt128)(uint)r.Width << 32) | (uint)r.Height);
            if (_read.TryGet(key, out var known))
            {
                results[i] = known;
                continue;
            }
            prepared.Add((i, Prepare(gray, source, out var scale), scale, source, key));
        }
        if (prepared.Count == 0) return results;

        var batchCount = Math.Min(options.OcrParallelism, Math.Max(1, prepared.Count / 8));
        var batches = prepared.Select((p, n) => (p, n)).GroupBy(x => x.n % batchCount, x => x.p).Select(g => g.ToList()).ToList();
        await Task.WhenAll(batches.Select(async batch =>
        {
            var (strip, offsets) = Stitch(batch.Select(b => b.Crop).ToList());
            using (strip)
            {
                var words = await ocr.ReadBinaryAsync(strip, 11, cancellationToken).ConfigureAwait(false);
                for (var k = 0; k < batch.Count; k++)
                {
                    var (index, crop, scale, source, _) = batch[k];
                    var top = offsets[k];
                    var inside = words.Where(w => w.Box.Center.Y >= top && w.Box.Center.Y <= top + crop.Height && w.Confidence >= 30).ToList();
                    if (inside.Count == 0) continue;
                    var left = inside.Min(w => w.Box.X - Margin) / scale;
                    var right = inside.Max(w => w.Box.X + w.Box.Width - Margin) / scale;
                    var text = string.Join(" ", inside.OrderBy(w => w.Line, StringComparer.Ordinal).ThenBy(w => w.Box.X).Select(w => w.Text));
                    results[index] = new RegionText(Clean(text), (left + source.X - regions[index].X) / regions[index].Width,
                        (right + source.X - regions[index].X) / regions[index].Width, inside.Average(w => w.Confidence));
                }
            }
        })).ConfigureAwait(false);
        foreach (var p in prepared)
        {
            _read.Add(p.Key, results[p.Index]);
            p.Crop.Dispose();
        }
        return results;
    }

    private Mat Prepare(Mat gray, Rect source, out double scale)
    {
        using var roi = new Mat(gray, source);
        scale = Math.Min(options.OcrScale, (MaxStripWidth - (2.0 * Margin)) / source.Width);
        using var big = new Mat();
        Cv2.Resize(roi, big, new Size(0, 0), scale, scale, InterpolationFlags.Cubic);
        var binary = new Mat();
        Cv2.Threshold(big, binary, 0, 255, ThresholdTypes.Binary | ThresholdTypes.Otsu);
        // Tesseract wants dark text on light: when most pixels are dark, the background is dark.
        if (Cv2.CountNonZero(binary) < binary.Total() / 2) Cv2.BitwiseNot(binary, binary);
        return binary;
    }

    private static (Mat Strip, int[] Offsets) Stitch(List<Mat> crops)
    {
        var width = crops.Max(c => c.Width) + (2 * Margin);
        var height = crops.Sum(c => c.Height + Gap) + Gap;
        var strip = new Mat(height, width, MatType.CV_8UC1, Scalar.All(255));
        var offsets = new int[crops.Count];
        var y = Gap;
        for (var i = 0; i < crops.Count; i++)
        {
            offsets[i] = y;
            using (var target = new Mat(strip, new Rect(Margin, y, crops[i].Width, crops[i].Height)))
            {
                crops[i].CopyTo(target);
            }
            y += crops[i].Height + Gap;
        }
        return (strip, offsets);
    }

    /// <summary>Drops OCR noise: stray punctuation at the edges and lone symbols.</summary>
    internal static string Clean(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('|', '_', '—', '~', '`', '\'', '"', '‘', '’', '“', '”'))
            .Where(w => w.Length > 0 && (w.Length > 1 || char.IsLetterOrDigit(w[0]) || w is "€" or "$" or "£" or "+" or "-" or "×"));
        return string.Join(" ", words);
    }
}

/// <summary>The text read in a region, and where its words start and end as shares of the region's width.</summary>
internal sealed record RegionText(string Text, double Left, double Right, double Confidence)
{
    public static RegionText Empty { get; } = new("", 0, 0, 0);
}
