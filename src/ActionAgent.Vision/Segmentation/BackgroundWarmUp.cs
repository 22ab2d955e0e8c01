using ActionAgent.Vision.Ocr;
using OpenCvSharp;

namespace ActionAgent.Vision.Segmentation;

/// <summary>
/// Pays, on the thread pool while a run is still starting its browser, what a process's first screen read would
/// otherwise wait for: OpenCV's native library starting (~180 ms on its first call) and the tesseract engines loading
/// their language model. Started when vision is composed, so nothing is loaded when vision is off; it never blocks the
/// caller and never throws (whatever cannot load is reported by the first read, as before).
/// </summary>
internal static class BackgroundWarmUp
{
    private static int _openCvStarted;

    public static void Start(TesseractOcr ocr, VisionOptions options)
    {
        // As many engines as a read runs batches at once (one per core here), so a first read loads no model at all.
        // Measured when the page was ready, before any read: the working set grew by 53 MB with two engines and OpenCV
        // warm, 45 MB with one; OpenCV's share is loaded by any run's first screen check anyway, so the engines are
        // what a run that never reads a screenshot pays.
        ocr.WarmInBackground(options.OcrParallelism);
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
            _ = UiSegmenter.Segment(decoded, 4);
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or OpenCVException or OpenCvSharpException)
        {
            // The first read reports a missing or broken OpenCV.
        }
    }
}
