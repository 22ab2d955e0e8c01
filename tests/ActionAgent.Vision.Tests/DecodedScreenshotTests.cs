using ActionAgent.Vision.Caching;
using ActionAgent.Vision.Segmentation;
using ActionAgent.Vision.Verification;
using OpenCvSharp;

namespace ActionAgent.Vision.Tests;

/// <summary>The decoded screenshots are process-wide: no other test may decode screenshots between a step and its check.</summary>
[CollectionDefinition(nameof(DecodedScreenshotTests), DisableParallelization = true)]
public sealed class DecodedScreenshotCollection;

/// <summary>A screenshot is decoded once for the change ratio and the segmentation.</summary>
[Collection(nameof(DecodedScreenshotTests))]
public sealed class DecodedScreenshotTests
{
    [Fact]
    public async Task A_screenshot_compared_for_change_is_segmented_from_the_kept_pixels_into_the_regions_a_fresh_decode_gives()
    {
        var before = Screenshot("Search flights", "London");
        var after = Screenshot("Search flights", "Paris");

        Assert.NotNull(ScreenChange.Ratio(before, after)); // decodes both and keeps them
        var fromKept = await new ScreenSegmenter(new VisionOptions()).SegmentAsync(after, CancellationToken.None);
        Forget(after);
        var fresh = await new ScreenSegmenter(new VisionOptions()).SegmentAsync(after, CancellationToken.None);

        Assert.True(DecodedScreenshot.IsKept(after), "the segmenter did not keep what it decoded");
        Assert.Contains(fresh, r => r.Text == "Search flights");
        Assert.Equal(fresh, fromKept);
    }

    [Fact]
    public void The_kept_pixels_are_the_screenshot_s_colour_and_grey()
    {
        var png = Screenshot("Book", "Rome");
        using var expected = Cv2.ImDecode(png, ImreadModes.Color);
        using var expectedGrey = new Mat();
        Cv2.CvtColor(expected, expectedGrey, ColorConversionCodes.BGR2GRAY);

        using var first = DecodedScreenshot.Of(png)!;
        using var again = DecodedScreenshot.Of([.. png])!; // equal bytes in another array: the kept pixels

        Assert.Equal(first.Colour.Data, again.Colour.Data);
        Assert.Equal(0, Cv2.Norm(expected, again.Colour, NormTypes.INF));
        Assert.Equal(0, Cv2.Norm(expectedGrey, again.Grey, NormTypes.INF));
    }

    // Two other screenshots decoded push this one's pixels out of the kept two.
    private static void Forget(byte[] png)
    {
        DecodedScreenshot.Of(Screenshot("One", "1"))!.Dispose();
        DecodedScreenshot.Of(Screenshot("Two", "2"))!.Dispose();
        Assert.False(DecodedScreenshot.IsKept(png));
    }

    // A light page with a filled button and a field holding a value, as PNG.
    private static byte[] Screenshot(string button, string value)
    {
        using var image = new Mat(400, 640, MatType.CV_8UC3, new Scalar(250, 248, 246));
        Cv2.Rectangle(image, new Rect(40, 60, 320, 48), new Scalar(120, 120, 120), 2);
        Cv2.PutText(image, value, new Point(52, 94), HersheyFonts.HersheySimplex, 0.9, Scalar.All(30), 2, LineTypes.AntiAlias);
        Cv2.Rectangle(image, new Rect(40, 160, 260, 52), new Scalar(60, 140, 20), -1);
        Cv2.PutText(image, button, new Point(58, 196), HersheyFonts.HersheySimplex, 0.9, Scalar.All(255), 2, LineTypes.AntiAlias);
        return image.ToBytes(".png");
    }
}
