using System.Numerics;
using System.Runtime.Intrinsics;
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

    /// <summary>The words read in each region of a grey screenshot (same order as <paramref name="regions"/>), each with its x-offset share inside the region.</summary>
    public async Task<IReadOnlyList<RegionText>> ReadAsync(Mat gray, IReadOnlyList<Rect> regions, CancellationToken cancellationToken)
    {
        var results = new RegionText[regions.Count];
        for (var i = 0; i < results.Length; i++) results[i] = RegionText.Empty;
        if (regions.Count == 0) return results;

        var prepared = PrepareAll(gray, regions, results, cancellationToken);
        if (prepared.Count == 0) return results;
        try
        {
            var batchCount = Math.Min(options.OcrParallelism, Math.Max(1, prepared.Count / 8));
            var batches = Balance(prepared, p => p.Cost, batchCount);
            // Each strip is stitched on its own thread, as it is read.
            await Task.WhenAll(batches.Select(batch => Task.Run(() => ReadStripAsync(batch, regions, results, cancellationToken), cancellationToken))).ConfigureAwait(false);
        }
        finally
        {
            foreach (var p in prepared) p.Binary.Dispose();
        }
        foreach (var p in prepared) _read.Add(p.Key, results[p.Index]);
        return results;
    }

    // Each region's crop hashed and, when not read before, enlarged and thresholded, on both cores: the strips cannot
    // start before every crop is ready, and one core would idle meanwhile. A region read before gets its text now.
    private List<Crop> PrepareAll(Mat gray, IReadOnlyList<Rect> regions, RegionText[] results, CancellationToken cancellationToken)
    {
        var crops = new Crop?[regions.Count];
        try
        {
            Parallel.For(0, regions.Count, new ParallelOptions { MaxDegreeOfParallelism = options.OcrParallelism, CancellationToken = cancellationToken }, i =>
            {
                var r = regions[i];
                var inset = r.Height >= 20 && r.Width >= 20 ? 3 : 0; // skip a control's border line: tesseract reads it as "|".
                var source = UiSegmenter.Shrink(r, inset);
                if (source.Width < 4 || source.Height < 4) return;
                // The text's shares are of the region's width, so the region's size is part of the key as well as the pixels read.
                var key = ContentHash.Of(gray, source) ^ (((UInt128)(uint)r.Width << 32) | (uint)r.Height);
                if (_read.TryGet(key, out var known))
                {
                    results[i] = known;
                    return;
                }
                var binary = Prepare(gray, source, out var scale);
                crops[i] = new Crop(i, binary, scale, source, key, ReadingCost(binary));
            });
        }
        catch
        {
            // Cancelled, or a crop OpenCV could not prepare: the crops already prepared are freed before it goes on.
            foreach (var c in crops) c?.Binary.Dispose();
            throw;
        }
        return [.. crops.OfType<Crop>()]; // in the regions' order, as the strips keep them
    }

    private async Task ReadStripAsync(List<Crop> batch, IReadOnlyList<Rect> regions, RegionText[] results, CancellationToken cancellationToken)
    {
        var (strip, offsets) = Stitch(batch.Select(b => b.Binary).ToList());
        using (strip)
        {
            var words = await ocr.ReadBinaryAsync(strip, 11, cancellationToken).ConfigureAwait(false);
            for (var k = 0; k < batch.Count; k++)
            {
                var (index, crop, scale, source, _, _) = batch[k];
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
    }

    // A region's crop made ready for tesseract: its index among the regions, the black-and-white pixels, how much
    // they were enlarged, where they came from, the key its text is kept by, and its estimated reading cost.
    private sealed record Crop(int Index, Mat Binary, double Scale, Rect Source, UInt128 Key, double Cost);

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

    /// <summary>
    /// Splits the crops into <paramref name="count"/> strips of about the same reading time, the costliest crop first
    /// to the strip with the least so far; each strip keeps the crops in their given order. The strips are read in
    /// parallel, so the read takes as long as the slowest strip: splitting by count or by area left one strip a
    /// tenth or more behind the other on the benchmark's booking page, since tesseract's time goes to the letters, not to
    /// the pixels.
    /// </summary>
    internal static List<List<T>> Balance<T>(IReadOnlyList<T> items, Func<T, double> cost, int count)
    {
        var costs = items.Select(cost).ToArray();
        var totals = new double[count];
        var strip = new int[items.Count];
        foreach (var i in Enumerable.Range(0, items.Count).OrderByDescending(i => costs[i]).ThenBy(i => i))
        {
            var least = 0;
            for (var b = 1; b < count; b++)
            {
                if (totals[b] < totals[least]) least = b;
            }
            strip[i] = least;
            totals[least] += costs[i];
        }
        return [.. Enumerable.Range(0, count).Select(b => Enumerable.Range(0, items.Count).Where(i => strip[i] == b).Select(i => items[i]).ToList()).Where(g => g.Count > 0)];
    }

    /// <summary>
    /// What reading a black-and-white crop costs tesseract, in units of its own: its time goes mostly to the LSTM, which
    /// runs along each text line scaled to a fixed height, so in about as many steps as the line has letters. The
    /// strokes a row crosses grow with the letters whatever the font's size: half the black/white changes along a row,
    /// averaged over the rows with ink (every third row: the crop is enlarged three times), plus one for the crop
    /// itself (a blank crop costs that one). On the 58 crops of the benchmark's booking page, read one by one, it
    /// followed tesseract's CPU time with a correlation of 0.97 (the crops' black pixels: 0.74).
    /// </summary>
    internal static double ReadingCost(Mat binary)
    {
        int width = binary.Width, height = binary.Height;
        if (width < 2) return 1;
        var step = (int)binary.Step();
        long changes = 0;
        var rowsWithInk = 0;
        unsafe
        {
            var data = (byte*)binary.Data;
            for (var y = 0; y < height; y += 3)
            {
                var row = new ReadOnlySpan<byte>(data + ((long)y * step), width);
                var rowChanges = Changes(row);
                if (rowChanges == 0) continue;
                changes += rowChanges;
                rowsWithInk++;
            }
        }
        return 1 + (rowsWithInk == 0 ? 0 : changes / (2.0 * rowsWithInk));
    }

    private static int Changes(ReadOnlySpan<byte> row)
    {
        var count = 0;
        var x = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; x + Vector256<byte>.Count < row.Length; x += Vector256<byte>.Count)
            {
                var here = Vector256.Create(row.Slice(x, Vector256<byte>.Count));
                var next = Vector256.Create(row.Slice(x + 1, Vector256<byte>.Count));
                count += BitOperations.PopCount(Vector256.ExtractMostSignificantBits(~Vector256.Equals(here, next)));
            }
        }
        for (; x + 1 < row.Length; x++)
        {
            if (row[x] != row[x + 1]) count++;
        }
        return count;
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
