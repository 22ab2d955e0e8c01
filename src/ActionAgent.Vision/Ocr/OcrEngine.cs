namespace ActionAgent.Vision.Ocr;

/// <summary>How tesseract is run. Both read with the same library and settings, so they give the same words and boxes.</summary>
public enum OcrEngine
{
    /// <summary>In-process when the tesseract library can be loaded; otherwise the <c>tesseract</c> command, with a warning logged once.</summary>
    Auto,

    /// <summary>Tesseract's C API called in-process, with one warm engine per processor; fails with an error naming the missing library when it cannot be loaded.</summary>
    InProcess,

    /// <summary>A new <c>tesseract</c> process per read (slower: each one loads the language model again).</summary>
    Process,
}
