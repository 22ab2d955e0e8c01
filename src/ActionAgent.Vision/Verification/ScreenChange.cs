using OpenCvSharp;

namespace ActionAgent.Vision.Verification;

/// <summary>Pixel change between two screenshots: the share of pixels whose grey level moved by more than a little.</summary>
/// <remarks>
/// A run compares each step's after-screenshot with its before-screenshot, and the after of one step is the before of
/// the next (the same array): the last decoded after-image is kept, so each screenshot is decoded once, not twice.
/// </remarks>
internal static class ScreenChange
{
    private static readonly Lock Gate = new();
    private static byte[]? _lastPng;
    private static Mat? _lastGrey;

    /// <summary>The changed share (0 to 1), or null when either image is missing, unreadable, or the sizes differ (then it counts as changed).</summary>
    public static double? Ratio(byte[]? before, byte[]? after)
    {
        if (before is null || after is null) return null;
        var a = TakeDecoded(before) ?? Cv2.ImDecode(before, ImreadModes.Grayscale);
        var b = Cv2.ImDecode(after, ImreadModes.Grayscale);
        try
        {
            if (a.Empty() || b.Empty()) return null;
            if (a.Size() != b.Size()) return 1;
            using var diff = new Mat();
            Cv2.Absdiff(a, b, diff);
            Cv2.Threshold(diff, diff, 24, 255, ThresholdTypes.Binary);
            return Cv2.CountNonZero(diff) / (double)diff.Total();
        }
        finally
        {
            a.Dispose();
            Keep(after, b);
        }
    }

    // The kept image, when it is this very array's (taken out: the caller disposes it).
    private static Mat? TakeDecoded(byte[] png)
    {
        lock (Gate)
        {
            if (!ReferenceEquals(_lastPng, png)) return null;
            var grey = _lastGrey;
            _lastPng = null;
            _lastGrey = null;
            return grey;
        }
    }

    private static void Keep(byte[] png, Mat grey)
    {
        Mat? old;
        lock (Gate)
        {
            old = _lastGrey;
            _lastPng = png;
            _lastGrey = grey;
        }
        old?.Dispose();
    }
}
