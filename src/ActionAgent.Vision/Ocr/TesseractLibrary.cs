using System.Runtime.InteropServices;

namespace ActionAgent.Vision.Ocr;

/// <summary>
/// Tesseract's C API (libtesseract), loaded once per process on first use.
/// The same library the <c>tesseract</c> command runs, so reading in-process gives the command's words without
/// starting a process and loading the language model on every call.
/// </summary>
internal sealed unsafe class TesseractLibrary
{
    // Debian/Ubuntu name the libraries by soname; the bare names let the runtime probe the platform's own spellings.
    private static readonly string[] TesseractNames = ["libtesseract.so.5", "libtesseract.so", "tesseract"];
    private static readonly Lazy<TesseractLibrary> Shared = new(LoadOnce, LazyThreadSafetyMode.ExecutionAndPublication);
    private static (nint Handle, string? Name, string Error)? _preloaded;
    private static bool _openCvFirst;

    private TesseractLibrary(nint tesseract, string tesseractName)
    {
        LibraryName = tesseractName;
        Create = (delegate* unmanaged<nint>)Export(tesseract, "TessBaseAPICreate");
        Delete = (delegate* unmanaged<nint, void>)Export(tesseract, "TessBaseAPIDelete");
        End = (delegate* unmanaged<nint, void>)Export(tesseract, "TessBaseAPIEnd");
        Init3 = (delegate* unmanaged<nint, byte*, byte*, int>)Export(tesseract, "TessBaseAPIInit3");
        SetVariable = (delegate* unmanaged<nint, byte*, byte*, int>)Export(tesseract, "TessBaseAPISetVariable");
        SetPageSegMode = (delegate* unmanaged<nint, int, void>)Export(tesseract, "TessBaseAPISetPageSegMode");
        SetImage = (delegate* unmanaged<nint, byte*, int, int, int, int, void>)Export(tesseract, "TessBaseAPISetImage");
        Recognize = (delegate* unmanaged<nint, nint, int>)Export(tesseract, "TessBaseAPIRecognize");
        GetTsvText = (delegate* unmanaged<nint, int, byte*>)Export(tesseract, "TessBaseAPIGetTsvText");
        DeleteText = (delegate* unmanaged<byte*, void>)Export(tesseract, "TessDeleteText");
        Clear = (delegate* unmanaged<nint, void>)Export(tesseract, "TessBaseAPIClear");
        ClearAdaptiveClassifier = (delegate* unmanaged<nint, void>)Export(tesseract, "TessBaseAPIClearAdaptiveClassifier");
        // A one-bit image is handed over as a Leptonica image (Leptonica is tesseract's own dependency, so its exports are
        // found through tesseract's handle): tesseract copies a raw one-bit buffer into one pixel by pixel. Optional:
        // without them the raw buffer is given, as before.
        if (NativeLibrary.TryGetExport(tesseract, "TessBaseAPISetImage2", out var setImage2)
            && NativeLibrary.TryGetExport(tesseract, "pixCreate", out var pixCreate)
            && NativeLibrary.TryGetExport(tesseract, "pixGetData", out var pixGetData)
            && NativeLibrary.TryGetExport(tesseract, "pixGetWpl", out var pixGetWpl)
            && NativeLibrary.TryGetExport(tesseract, "pixDestroy", out var pixDestroy))
        {
            SetImage2 = (delegate* unmanaged<nint, nint, void>)setImage2;
            PixCreate = (delegate* unmanaged<int, int, int, nint>)pixCreate;
            PixGetData = (delegate* unmanaged<nint, uint*>)pixGetData;
            PixGetWpl = (delegate* unmanaged<nint, int>)pixGetWpl;
            PixDestroy = (delegate* unmanaged<nint*, void>)pixDestroy;
        }
        var version = (delegate* unmanaged<byte*>)Export(tesseract, "TessVersion");
        Version = Marshal.PtrToStringUTF8((nint)version()) ?? "?";
    }

    public string LibraryName { get; }
    public string Version { get; }
    public delegate* unmanaged<nint> Create { get; }
    public delegate* unmanaged<nint, void> Delete { get; }
    public delegate* unmanaged<nint, void> End { get; }
    public delegate* unmanaged<nint, byte*, byte*, int> Init3 { get; }
    public delegate* unmanaged<nint, byte*, byte*, int> SetVariable { get; }
    public delegate* unmanaged<nint, int, void> SetPageSegMode { get; }
    public delegate* unmanaged<nint, byte*, int, int, int, int, void> SetImage { get; }
    public delegate* unmanaged<nint, nint, int> Recognize { get; }
    public delegate* unmanaged<nint, int, byte*> GetTsvText { get; }
    public delegate* unmanaged<byte*, void> DeleteText { get; }
    public delegate* unmanaged<nint, void> Clear { get; }
    public delegate* unmanaged<nint, void> ClearAdaptiveClassifier { get; }

    /// <summary>Whether images can be handed over as Leptonica images (<see cref="SetImage2"/> and the <c>pix</c> functions below are set).</summary>
    public bool HasLeptonica => SetImage2 != null;
    public delegate* unmanaged<nint, nint, void> SetImage2 { get; }
    public delegate* unmanaged<int, int, int, nint> PixCreate { get; }
    public delegate* unmanaged<nint, uint*> PixGetData { get; }
    public delegate* unmanaged<nint, int> PixGetWpl { get; }
    public delegate* unmanaged<nint*, void> PixDestroy { get; }

    /// <summary>The process's library, loaded on the first call; throws <see cref="TesseractUnavailableException"/> (every time) when it cannot be.</summary>
    public static TesseractLibrary Get() => Shared.Value;

    /// <summary>Loads the library from <paramref name="names"/> (for tests: a name that does not exist gives the error a user would see).</summary>
    internal static TesseractLibrary Load(IReadOnlyList<string> names) => FromLoaded(LoadFirst(names), names);

    /// <summary>
    /// Loads libtesseract and its dependencies (Leptonica, the system libpng, …) before anything loads OpenCvSharp's
    /// native library, which exports its own libpng and, loaded first, makes the system libpng call into it: tesseract
    /// encodes every word image as a PNG while it reads, and that mix crashes the process. Only the libraries are
    /// opened here (a few milliseconds); no engine starts until the first read. Called once, from the module initializer.
    /// </summary>
    internal static void Preload()
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            if (File.ReadAllText("/proc/self/maps").Contains("OpenCvSharpExtern", StringComparison.Ordinal))
            {
                _openCvFirst = true;
                return;
            }
            _preloaded = LoadFirst(TesseractNames);
        }
        catch (IOException)
        {
            // No /proc: load on first use as elsewhere.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static TesseractLibrary LoadOnce()
    {
        if (_openCvFirst)
        {
            throw new TesseractUnavailableException(
                "In-process OCR cannot run in this process: OpenCvSharp's native library was loaded before ActionAgent.Vision, and it takes over the system libpng " +
                "that tesseract uses (reading would crash the process). Use ActionAgent.Vision before OpenCvSharp, or set VisionOptions.OcrEngine to OcrEngine.Process.");
        }
        if (_preloaded is { Handle: not 0 } preloaded) return FromLoaded(preloaded, TesseractNames);
        return FromLoaded(LoadFirst(TesseractNames), TesseractNames);
    }

    private static TesseractLibrary FromLoaded((nint Handle, string? Name, string Error) loaded, IReadOnlyList<string> names)
    {
        if (loaded.Handle == 0)
        {
            throw new TesseractUnavailableException(
                $"In-process OCR needs the tesseract library ({string.Join(" or ", names)}), which could not be loaded: {loaded.Error} " +
                "Install it with: apt-get install tesseract-ocr (it brings libtesseract5), or set VisionOptions.OcrEngine to OcrEngine.Process to run the tesseract command instead.");
        }
        try
        {
            return new TesseractLibrary(loaded.Handle, loaded.Name!);
        }
        catch (EntryPointNotFoundException e)
        {
            throw new TesseractUnavailableException($"The tesseract library {loaded.Name} lacks a function of tesseract 4/5's C API ({e.Message}); install tesseract 5 (apt-get install tesseract-ocr).", e);
        }
    }

    private static (nint Handle, string? Name, string Error) LoadFirst(IReadOnlyList<string> names)
    {
        var error = "";
        foreach (var name in names)
        {
            if (DeepBind.TryOpen(name, out var handle, out var deepError)) return (handle, name, "");
            if (deepError is not null)
            {
                error = deepError;
                continue;
            }
            try
            {
                return (NativeLibrary.Load(name, typeof(TesseractLibrary).Assembly, null), name, "");
            }
            catch (DllNotFoundException e)
            {
                error = e.Message;
            }
            catch (BadImageFormatException e)
            {
                error = e.Message;
            }
        }
        return (0, null, error);
    }

    private static nint Export(nint library, string name) => NativeLibrary.GetExport(library, name);
}
