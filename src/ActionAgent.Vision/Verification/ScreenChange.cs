using ActionAgent.Vision.Caching;
using OpenCvSharp;

namespace ActionAgent.Vision.Verification;

/// <summary>Pixel change between two screenshots: the share of pixels whose grey level moved by more than a little.</summary>
/// <remarks>
/// Decoding a 1280×800 PNG is nearly all of this check's time (about 11 ms each on a quiet machine; the comparison
/// itself is under a millisecond), so no screenshot is decoded twice: identical bytes mean no change without decoding
/// anything, and decoded screenshots are kept by content (<see cref="DecodedScreenshot"/>), for the next step, whose
/// before-shot is this step's after, and for the segmenter, should the screenshot be read next.
/// </remarks>
internal static class ScreenChange
{
    /// <summary>The changed share (0 to 1), or null when either image is missing, unreadable, or the sizes differ (then it counts as changed).</summary>
    public static double? Ratio(byte[]? before, byte[]? after)
    {
        if (before is null || after is null) return null;
        if (ReferenceEquals(before, after) || before.AsSpan().SequenceEqual(after)) return 0;
        using var a = DecodedScreenshot.Of(before);
        using var b = DecodedScreenshot.Of(after);
        if (a is null || b is null) return null;
        if (a.Grey.Width != b.Grey.Width || a.Grey.Height != b.Grey.Height) return 1;
        using var diff = new Mat();
        Cv2.Absdiff(a.Grey, b.Grey, diff);
        Cv2.Threshold(diff, diff, 24, 255, ThresholdTypes.Binary);
        return Cv2.CountNonZero(diff) / (double)diff.Total();
    }
}
