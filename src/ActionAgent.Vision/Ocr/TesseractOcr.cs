using System.Diagnostics;
using System.Globalization;
using ActionAgent.Core.Actions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenCvSharp;

namespace ActionAgent.Vision.Ocr;

/// <summary>
/// Reads words with their boxes and confidences with tesseract: in-process through its C API (warm engines, no process
/// start) or by running the <c>tesseract</c> command on a PNG (through stdin) and parsing its TSV output.
/// </summary>
public sealed partial class TesseractOcr
{
    private readonly string _executable;
    private readonly string _language;
    private readonly OcrEngine _engine;
    private readonly ILogger _logger;
    private readonly Func<string, TesseractEnginePool> _poolFor;
    private readonly Lazy<TesseractEnginePool?> _pool;

    /// <summary>Creates a reader that runs in-process when the tesseract library loads, and runs <paramref name="executable"/> otherwise.</summary>
    /// <param name="executable">The tesseract command, for <see cref="OcrEngine.Process"/> (and the fallback of <see cref="OcrEngine.Auto"/>).</param>
    /// <param name="language">The language(s), as tesseract's <c>-l</c> takes them.</param>
    public TesseractOcr(string executable = "tesseract", string language = "eng")
        : this(executable, language, OcrEngine.Auto)
    {
    }

    /// <summary>Creates a reader that runs tesseract as <paramref name="engine"/> says.</summary>
    /// <param name="executable">The tesseract command, for <see cref="OcrEngine.Process"/> (and the fallback of <see cref="OcrEngine.Auto"/>).</param>
    /// <param name="language">The language(s), as tesseract's <c>-l</c> takes them.</param>
    /// <param name="engine">In-process, the command, or in-process with the command as fallback.</param>
    /// <param name="logger">Where the fallback warning goes; none when null.</param>
    public TesseractOcr(string executable, string language, OcrEngine engine, ILogger? logger = null)
        : this(executable, language, engine, logger, TesseractEnginePool.For)
    {
    }

    /// <summary>For tests: <paramref name="poolFor"/> stands in for loading the library.</summary>
    internal TesseractOcr(string executable, string language, OcrEngine engine, ILogger? logger, Func<string, TesseractEnginePool> poolFor)
    {
        _poolFor = poolFor;
        ArgumentException.ThrowIfNullOrWhiteSpace(executable);
        ArgumentException.ThrowIfNullOrWhiteSpace(language);
        _executable = executable;
        _language = language;
        _engine = engine;
        _logger = logger ?? NullLogger.Instance;
        _pool = new Lazy<TesseractEnginePool?>(ResolvePool, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Whether reads run in-process (loads the library on first use; false when they run the command).</summary>
    internal bool InProcess => _pool.Value is not null;

    /// <summary>Reads the words of a PNG. <paramref name="pageSegmentation"/> is tesseract's --psm (11: sparse text, 6: a block).</summary>
    public Task<IReadOnlyList<OcrWord>> ReadAsync(byte[] png, int pageSegmentation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(png);
        return _pool.Value is { } pool
            ? ReadDecodedAsync(pool, png, pageSegmentation, cancellationToken)
            : ReadWithCommandAsync(png, pageSegmentation, cancellationToken);
    }

    /// <summary>
    /// Reads a black-and-white image (8-bit grey, every pixel 0 or 255) whose text is dark on light. In-process it goes
    /// to tesseract at one bit per pixel, so tesseract takes it as its binary image instead of thresholding it again:
    /// the same words, boxes and confidences as reading it grey (Otsu's threshold on two values splits them where they
    /// are), for less work. Tesseract's second, inverted read of low-confidence lines is skipped, in-process and by the
    /// command alike: there is no light text on dark to find.
    /// </summary>
    internal Task<IReadOnlyList<OcrWord>> ReadBinaryAsync(Mat darkOnLight, int pageSegmentation, CancellationToken cancellationToken)
    {
        if (darkOnLight.Type() != MatType.CV_8UC1) throw new ArgumentException("An 8-bit black-and-white image is expected.", nameof(darkOnLight));
        if (_pool.Value is { } pool)
        {
            // Packed on the reading thread: strips read in parallel are packed in parallel too.
            return pool.RunAsync(engine => Parse(engine.ReadTsv(OneBitImage.Pack(darkOnLight), pageSegmentation)), cancellationToken);
        }
        Cv2.ImEncode(".png", darkOnLight, out var png);
        return ReadWithCommandAsync(png, pageSegmentation, cancellationToken, invertToo: false);
    }

    // The image is decoded here (OpenCV) and its pixels handed over in the channel order and depth the command's
    // decoder (Leptonica) gives tesseract: grey stays grey, colour becomes RGB, and an alpha channel is kept.
    // Leptonica's own PNG reader cannot be used in-process: OpenCvSharp's native library captures the system libpng.
    private static async Task<IReadOnlyList<OcrWord>> ReadDecodedAsync(TesseractEnginePool pool, byte[] png, int pageSegmentation, CancellationToken cancellationToken)
    {
        using var decoded = Cv2.ImDecode(png, ImreadModes.Unchanged);
        if (decoded.Empty()) throw new ArgumentException("The image is not one OpenCV can read.", nameof(png));
        using var eight = new Mat();
        if (decoded.Depth() == MatType.CV_8U) decoded.CopyTo(eight);
        else decoded.ConvertTo(eight, MatType.CV_8U, 1.0 / 256);
        var channels = eight.Channels();
        if (channels == 3) Cv2.CvtColor(eight, eight, ColorConversionCodes.BGR2RGB);
        else if (channels == 4) Cv2.CvtColor(eight, eight, ColorConversionCodes.BGRA2RGBA);
        return await ReadPixelsAsync(pool, eight, channels, pageSegmentation, cancellationToken).ConfigureAwait(false);
    }

    private static Task<IReadOnlyList<OcrWord>> ReadPixelsAsync(TesseractEnginePool pool, Mat image, int bytesPerPixel, int pageSegmentation, CancellationToken cancellationToken) =>
        pool.RunAsync(engine => Parse(engine.ReadTsv(image.Data, image.Width, image.Height, bytesPerPixel, (int)image.Step(), pageSegmentation)), cancellationToken);

    /// <summary>Runs the tesseract command on a PNG.</summary>
    internal async Task<IReadOnlyList<OcrWord>> ReadWithCommandAsync(byte[] png, int pageSegmentation, CancellationToken cancellationToken, bool invertToo = true)
    {
        var start = new ProcessStartInfo(_executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] invert = invertToo ? [] : ["-c", "tessedit_do_invert=0"];
        foreach (var arg in (string[])["stdin", "stdout", "-l", _language, "--psm", pageSegmentation.ToString(CultureInfo.InvariantCulture), .. invert, "tsv"])
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["OMP_THREAD_LIMIT"] = "1"; // one thread per process: we run batches in parallel instead.
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {_executable}.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"OCR needs tesseract ({_executable}), which could not be started: {e.Message}. Install it with: apt-get install tesseract-ocr", e);
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.StandardInput.BaseStream.WriteAsync(png, cancellationToken).ConfigureAwait(false);
            process.StandardInput.Close();
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            var tsv = await output.ConfigureAwait(false);
            await errors.ConfigureAwait(false);
            return Parse(tsv);
        }
    }

    /// <summary>Parses tesseract's TSV output into words (level 5 rows with text).</summary>
    public static IReadOnlyList<OcrWord> Parse(string tsv)
    {
        ArgumentNullException.ThrowIfNull(tsv);
        var words = new List<OcrWord>();
        foreach (var line in tsv.Split('\n'))
        {
            var cells = line.TrimEnd('\r').Split('\t');
            if (cells.Length < 12 || cells[0] != "5") continue;
            var text = cells[11].Trim();
            if (text.Length == 0) continue;
            if (!double.TryParse(cells[10], NumberStyles.Float, CultureInfo.InvariantCulture, out var confidence) || confidence < 0) continue;
            var n = new int[4];
            for (var i = 0; i < 4; i++) n[i] = int.Parse(cells[6 + i], CultureInfo.InvariantCulture);
            words.Add(new OcrWord(text, new BoundingBox(n[0], n[1], n[2], n[3]), confidence, $"{cells[2]}.{cells[3]}.{cells[4]}"));
        }
        return words;
    }

    private TesseractEnginePool? ResolvePool()
    {
        if (_engine == OcrEngine.Process) return null;
        try
        {
            return _poolFor(_language);
        }
        catch (TesseractUnavailableException e) when (_engine == OcrEngine.Auto)
        {
            // The command reads the same, only slower: keep the agent working, and say so (once: this runs once per reader).
            LogFallback(_logger, _executable, e.Message);
            return null;
        }
    }

    [LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Warning, Message = "OCR runs the {Executable} command, one process per read (slower): {Reason}")]
    private static partial void LogFallback(ILogger logger, string executable, string reason);
}
