namespace ActionAgent.Vision.Ocr;

/// <summary>The tesseract library could not be loaded or started: a broken environment, named in the message with how to mend it.</summary>
internal sealed class TesseractUnavailableException : InvalidOperationException
{
    public TesseractUnavailableException(string message)
        : base(message)
    {
    }

    public TesseractUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
