using OpenCvSharp;

namespace ActionAgent.Vision.Segmentation;

/// <summary>
/// Pays, on the thread pool while a run is still starting its browser, what a process's first screen read would
/// otherwise wait for: OpenCV's native library starting (~180 ms on its first call). Started when vision is composed, so nothing is loaded when vision is off; it never blocks the
/// caller and never throws (whatever cannot load is reported by the first read, as before).
/// </summary>
internal static class BackgroundWarmUp
{
    private static int _openCvStarted;

    public static void Start()
    {
        // Only OpenCV: any run's first screen check loads it anyway. The tesseract engines are not warmed here: measured
        // on the goal run (book-flight, /usr/bin/time -v, two runs each, load 2-4), warming them raised the run's peak
        // working set from 434-437 MB to 470-471 MB, against the 400 MB target, while a run whose screen checks
        // never read text would pay it for nothing.
        if (Interlocked.Exchange(ref _openCvStarted, 1) == 0) _ = Task.Run(WarmOpenCv);
    }

    // The calls a first read makes, on a tiny image: decode a PNG, convert, find edges and contours.
    private static void WarmOpenCv()
    {
        try
        {
            using var image = new Mat(48, 96, MatType.CV_8UC3, Scalar.All(255));
            Cv2.Rectangle(image, new Rect(8, 8, 80, 32), Scalar.All(0), 2);
            Cv2.ImEncode(".png", image, out var png);
            using var decoded = Cv2.ImDecode(png, ImreadModes.Color);
            using var grey = new Mat();
            Cv2.CvtColor(decoded, grey, ColorConversionCodes.BGR2GRAY);
            _ = UiSegmenter.Segment(decoded, grey, 4);
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or OpenCVException or OpenCvSharpException)
        {
            // The first read reports a missing or broken OpenCV.
        }
    }
}
