using OpenCvSharp;

namespace ActionAgent.Vision.Caching;

/// <summary>
/// A screenshot's pixels, in colour and in grey, decoded once for everyone who looks at them: the screen check's change
/// ratio (grey), and the segmenter and region reader (colour and grey). A never-seen screenshot read by OCR used to be
/// decoded twice, in grey for the ratio and again in colour for the segmentation (a tenth of a millisecond short of
/// each other, ~11–15 ms each, before any text is read). The last two decoded screenshots are kept by content: in a
/// run the after-shot of one step is the before-shot of the next.
/// </summary>
/// <remarks>
/// Each caller gets its own headers over the kept pixels (OpenCV counts the references), taken under the lock that
/// drops them, so a screenshot pushed out of the cache while another thread still reads it is freed after that read.
/// </remarks>
internal sealed class DecodedScreenshot : IDisposable
{
    private static readonly Lock Gate = new();
    private static Kept? _last;
    private static Kept? _previous;

    private DecodedScreenshot(Mat colour, Mat grey)
    {
        Colour = colour;
        Grey = grey;
    }

    /// <summary>The pixels in OpenCV's BGR order, 8 bits a channel.</summary>
    public Mat Colour { get; }

    /// <summary>The pixels in grey (OpenCV's BGR-to-grey weights).</summary>
    public Mat Grey { get; }

    /// <summary>The pixels of <paramref name="png"/> (kept ones when these bytes were decoded lately), or null when they cannot be decoded. Dispose it.</summary>
    public static DecodedScreenshot? Of(byte[] png)
    {
        ArgumentNullException.ThrowIfNull(png);
        lock (Gate)
        {
            if (_last?.Holds(png) == true) return _last.Share();
            if (_previous?.Holds(png) == true) return _previous.Share();
        }
        var colour = Cv2.ImDecode(png, ImreadModes.Color);
        if (colour.Empty())
        {
            colour.Dispose();
            return null;
        }
        var grey = new Mat();
        Cv2.CvtColor(colour, grey, ColorConversionCodes.BGR2GRAY);
        var kept = new Kept(png, colour, grey);
        lock (Gate)
        {
            _previous?.Dispose();
            _previous = _last;
            _last = kept;
            return kept.Share();
        }
    }

    /// <summary>Whether <paramref name="png"/>'s pixels are kept (for tests).</summary>
    internal static bool IsKept(byte[] png)
    {
        lock (Gate)
        {
            return _last?.Holds(png) == true || _previous?.Holds(png) == true;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Colour.Dispose();
        Grey.Dispose();
    }

    private sealed class Kept(byte[] png, Mat colour, Mat grey) : IDisposable
    {
        public bool Holds(byte[] bytes) => ReferenceEquals(png, bytes) || png.AsSpan().SequenceEqual(bytes);

        // New headers over the same pixels: OpenCV frees them when the last header is released.
        public DecodedScreenshot Share() =>
            new(new Mat(colour, new Rect(0, 0, colour.Width, colour.Height)), new Mat(grey, new Rect(0, 0, grey.Width, grey.Height)));

        public void Dispose()
        {
            colour.Dispose();
            grey.Dispose();
        }
    }
}
