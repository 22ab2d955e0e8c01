using System.Runtime.InteropServices;
using System.Text;

namespace ActionAgent.Vision.Ocr;

/// <summary>
/// One warm tesseract engine (a <c>TessBaseAPI</c> with its language model loaded). Not thread-safe, as tesseract's API
/// object is not: <see cref="TesseractEnginePool"/> lends each engine to one reader at a time.
/// </summary>
internal sealed unsafe class TesseractEngine : IDisposable
{
    private static readonly Lock CreateGate = new();
    private readonly TesseractLibrary _library;
    private nint _api;
    private bool _invertsToo = true; // tesseract's default

    private TesseractEngine(TesseractLibrary library, nint api)
    {
        _library = library;
        _api = api;
    }

    /// <summary>Creates an engine and loads <paramref name="language"/> from tesseract's own tessdata folder (or TESSDATA_PREFIX), as the command does.</summary>
    public static TesseractEngine Create(TesseractLibrary library, string language)
    {
        // Creating and initialising engines is not thread-safe in tesseract (global parameters, the shared dictionary
        // cache): one at a time. Reading on separate engines at once is.
        lock (CreateGate)
        {
            return CreateLocked(library, language);
        }
    }

    private static TesseractEngine CreateLocked(TesseractLibrary library, string language)
    {
        var api = library.Create();
        // Tesseract's notes ("Estimating resolution as …") would land on the agent's console; the command's went to a
        // pipe that was dropped. Only where tesseract prints changes, not what it reads.
        if (File.Exists("/dev/null")) Set(library, api, "debug_file", "/dev/null");
        int status;
        var languageBytes = Utf8(language);
        fixed (byte* lang = languageBytes)
        {
            status = library.Init3(api, null, lang);
        }
        if (status != 0)
        {
            library.Delete(api);
            throw new TesseractUnavailableException(
                $"Tesseract ({library.LibraryName} {library.Version}) could not load the language '{language}': its {language}.traineddata was not found in tesseract's tessdata folder (or the one TESSDATA_PREFIX names). " +
                $"Install it with: apt-get install tesseract-ocr-{language}");
        }
        return new TesseractEngine(library, api);
    }

    /// <summary>Reads raw 8-bit pixels (<paramref name="bytesPerPixel"/> 1 for grey, 3 for RGB), with no encoding on the way.</summary>
    public string ReadTsv(nint pixels, int width, int height, int bytesPerPixel, int bytesPerLine, int pageSegmentation)
    {
        _library.SetPageSegMode(_api, pageSegmentation);
        _library.SetImage(_api, (byte*)pixels, width, height, bytesPerPixel, bytesPerLine);
        return Recognize(invertToo: true);
    }

    /// <summary>
    /// Reads a black-and-white image packed at one bit per pixel (tesseract skips its own thresholding) whose text is
    /// dark on light: tesseract's second read of each low-confidence line, inverted (<c>tessedit_do_invert</c>), is
    /// skipped, as it would look for light text on dark that is not there.
    /// </summary>
    public string ReadTsv(OneBitImage darkOnLight, int pageSegmentation)
    {
        _library.SetPageSegMode(_api, pageSegmentation);
        if (_library.HasLeptonica)
        {
            // As a Leptonica image, the form tesseract keeps (it takes its own copy, one block copy): given a raw
            // one-bit buffer, it builds that image itself, setting each pixel's bit one call at a time.
            var pix = _library.PixCreate(darkOnLight.Width, darkOnLight.Height, 1);
            if (pix == 0) throw new InsufficientMemoryException("Leptonica could not allocate the image to read.");
            try
            {
                var words = _library.PixGetWpl(pix);
                darkOnLight.CopyToLeptonica(new Span<uint>(_library.PixGetData(pix), words * darkOnLight.Height), words);
                _library.SetImage2(_api, pix);
            }
            finally
            {
                _library.PixDestroy(&pix);
            }
        }
        else
        {
            fixed (byte* bits = darkOnLight.Bits)
            {
                // Tesseract copies the pixels into its own image here: the array need not outlive the call.
                _library.SetImage(_api, bits, darkOnLight.Width, darkOnLight.Height, 0, darkOnLight.BytesPerLine);
            }
        }
        return Recognize(invertToo: false);
    }

    private string Recognize(bool invertToo)
    {
        try
        {
            DeepBind.OneOpenMpThread();
            if (invertToo != _invertsToo)
            {
                Set(_library, _api, "tessedit_do_invert", invertToo ? "1" : "0");
                _invertsToo = invertToo;
            }
            if (_library.Recognize(_api, 0) != 0) throw new InvalidOperationException("Tesseract could not recognise the image.");
            var tsv = _library.GetTsvText(_api, 0);
            try
            {
                return Marshal.PtrToStringUTF8((nint)tsv) ?? "";
            }
            finally
            {
                if (tsv is not null) _library.DeleteText(tsv);
            }
        }
        finally
        {
            // Each read starts as fresh as a new tesseract process: no page results, nothing learnt from the last image.
            _library.Clear(_api);
            _library.ClearAdaptiveClassifier(_api);
        }
    }

    private static void Set(TesseractLibrary library, nint api, string name, string value)
    {
        var n = Utf8(name);
        var v = Utf8(value);
        fixed (byte* np = n)
        fixed (byte* vp = v)
        {
            _ = library.SetVariable(api, np, vp);
        }
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text + "\0");

    public void Dispose()
    {
        if (_api == 0) return;
        _library.End(_api);
        _library.Delete(_api);
        _api = 0;
    }
}
