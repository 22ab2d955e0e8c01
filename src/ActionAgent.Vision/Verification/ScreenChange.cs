using OpenCvSharp;

namespace ActionAgent.Vision.Verification;

/// <summary>Pixel change between two screenshots: the share of pixels whose grey level moved by more than a little.</summary>
internal static class ScreenChange
{
    /// <summary>The changed share (0 to 1), or null when either image is missing, unreadable, or the sizes differ (then it counts as changed).</summary>
    public static double? Ratio(byte[]? before, byte[]? after)
    {
        if (before is null || after is null) return null;
        using var a = Cv2.ImDecode(before, ImreadModes.Grayscale);
        using var b = Cv2.ImDecode(after, ImreadModes.Grayscale);
        if (a.Empty() || b.Empty()) return null;
        if (a.Size() != b.Size()) return 1;
        using var diff = new Mat();
        Cv2.Absdiff(a, b, diff);
        Cv2.Threshold(diff, diff, 24, 255, ThresholdTypes.Binary);
        return Cv2.CountNonZero(diff) / (double)diff.Total();
    }
}
