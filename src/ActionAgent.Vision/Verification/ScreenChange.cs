using OpenCvSharp;

namespace ActionAgent.Vision.Verification;

/// <summary>Pixel change between two screenshots: the share of pixels whose grey level moved by more than a little.</summary>
/// <remarks>
/// Decoding a 1280×800 PNG is nearly all of this check's time (about 11 ms each on a quiet machine; the comparison
/// itself is under a millisecond), so no screenshot is decoded twice: identical bytes mean no change without decoding
/// anything, and the last two decoded images are kept by content. In a run the after of one step is the before of the
/// next, so each step decodes one image.
/// </remarks>
internal static class ScreenChange
{
    private static readonly Lock Gate = new();
    private static Grey? _last;
    private static Grey? _previous;

    /// <summary>The changed share (0 to 1), or null when either image is missing, unreadable, or the sizes differ (then it counts as changed).</summary>
    public static double? Ratio(byte[]? before, byte[]? after)
    {
        if (before is null || after is null) return null;
        if (ReferenceEquals(before, after) || before.AsSpan().SequenceEqual(after)) return 0;
        var a = Decode(before);
        var b = Decode(after);
        if (a is null || b is null) return null;
        if (a.Width != b.Width || a.Height != b.Height) return 1;
        unsafe
        {
            fixed (byte* pa = a.Pixels)
            fixed (byte* pb = b.Pixels)
            {
                using var ma = Mat.FromPixelData(a.Height, a.Width, MatType.CV_8UC1, (nint)pa);
                using var mb = Mat.FromPixelData(b.Height, b.Width, MatType.CV_8UC1, (nint)pb);
                using var diff = new Mat();
                Cv2.Absdiff(ma, mb, diff);
                Cv2.Threshold(diff, diff, 24, 255, ThresholdTypes.Binary);
                return Cv2.CountNonZero(diff) / (double)diff.Total();
            }
        }
    }

    // The grey pixels of a PNG: a kept one when these bytes were decoded lately, else decoded now (and kept).
    private static Grey? Decode(byte[] png)
    {
        lock (Gate)
        {
            if (_last?.Holds(png) == true) return _last;
            if (_previous?.Holds(png) == true) return _previous;
        }
        using var mat = Cv2.ImDecode(png, ImreadModes.Grayscale);
        if (mat.Empty()) return null;
        var pixels = new byte[mat.Width * mat.Height];
        System.Runtime.InteropServices.Marshal.Copy(mat.Data, pixels, 0, pixels.Length); // a freshly decoded image is continuous
        var grey = new Grey(png, mat.Width, mat.Height, pixels);
        lock (Gate)
        {
            _previous = _last;
            _last = grey;
        }
        return grey;
    }

    // Managed pixels, so a kept image can be dropped while another thread still compares it (the GC frees it).
    private sealed record Grey(byte[] Png, int Width, int Height, byte[] Pixels)
    {
        public bool Holds(byte[] png) => ReferenceEquals(Png, png) || Png.AsSpan().SequenceEqual(png);
    }
}
