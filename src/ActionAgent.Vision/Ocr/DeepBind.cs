using System.Runtime.InteropServices;
using System.Text;

namespace ActionAgent.Vision.Ocr;

/// <summary>
/// Opens a native library with glibc's <c>RTLD_DEEPBIND</c>, so that it and the libraries it newly brings bind to their
/// own dependencies first. OpenCvSharp's native library (loaded earlier, for segmentation) exports its own copies of
/// libpng, libarchive and OpenSSL and captures the system libraries it loads (the system libpng then calls OpenCV's
/// copy); tesseract should not bind to them too. Elsewhere than glibc (no <c>dlopen</c> in libc.so.6) the caller loads
/// the library as usual.
/// </summary>
internal static unsafe class DeepBind
{
    private const int RtldNow = 0x2;
    private const int RtldDeepBind = 0x8;
    private static readonly Lazy<nint> Libc = new(() => OperatingSystem.IsLinux() && NativeLibrary.TryLoad("libc.so.6", out var handle) ? handle : 0);

    /// <summary>
    /// True with the handle when the library opened; false with an error when glibc could not open it; false with no
    /// error when deep binding is not available here.
    /// </summary>
    public static bool TryOpen(string name, out nint handle, out string? error)
    {
        handle = 0;
        error = null;
        if (Libc.Value == 0 || !NativeLibrary.TryGetExport(Libc.Value, "dlopen", out var open) || !NativeLibrary.TryGetExport(Libc.Value, "dlerror", out var lastError)) return false;
        var bytes = Encoding.UTF8.GetBytes(name + "\0");
        fixed (byte* path = bytes)
        {
            handle = ((delegate* unmanaged<byte*, int, nint>)open)(path, RtldNow | RtldDeepBind);
        }
        if (handle != 0) return true;
        error = Marshal.PtrToStringUTF8(((delegate* unmanaged<nint>)lastError)()) ?? $"{name} could not be opened.";
        return false;
    }

    private static readonly Lazy<nint> SetOpenMpThreads = new(() => OpenMpExport("omp_set_num_threads"));
    private static readonly Lazy<nint> SetOpenMpMaxActiveLevels = new(() => OpenMpExport("omp_set_max_active_levels"));

    private static nint OpenMpExport(string name) =>
        OperatingSystem.IsLinux() && NativeLibrary.TryLoad("libgomp.so.1", out var gomp) && NativeLibrary.TryGetExport(gomp, name, out var export) ? export : 0;

    /// <summary>
    /// One thread for what tesseract runs on the calling thread: the engines themselves run in parallel, one per core
    /// (the command was started with OMP_THREAD_LIMIT=1 for the same reason). Set per thread through libgomp's API, so
    /// the process environment, and any other OpenMP user in the process, is left as it was. The thread count alone is
    /// not enough: tesseract's LSTM asks for its teams with <c>num_threads(4)</c>, which overrides it, and those teams
    /// (3 more threads per reading thread, spinning while they wait) cost 3–4 times the CPU of the read itself on 2
    /// cores. No active parallel level (<c>omp_set_max_active_levels(0)</c>) runs every parallel region on the calling
    /// thread whatever it asks for.
    /// </summary>
    public static void OneOpenMpThread()
    {
        if (SetOpenMpThreads.Value != 0) ((delegate* unmanaged<int, void>)SetOpenMpThreads.Value)(1);
        if (SetOpenMpMaxActiveLevels.Value != 0) ((delegate* unmanaged<int, void>)SetOpenMpMaxActiveLevels.Value)(0);
    }
}
