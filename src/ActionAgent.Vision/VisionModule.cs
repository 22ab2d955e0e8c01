using System.Runtime.CompilerServices;
using ActionAgent.Vision.Ocr;

namespace ActionAgent.Vision;

/// <summary>Runs once when the assembly loads, before any of its code can load OpenCvSharp's native library.</summary>
internal static class VisionModule
{
    // A library's module initializer is usually a smell (CA2255); here the order of native loads is the point: see
    // TesseractLibrary.Preload. It only opens shared libraries, never throws, and starts no engine.
#pragma warning disable CA2255
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Initialize() => TesseractLibrary.Preload();
}
