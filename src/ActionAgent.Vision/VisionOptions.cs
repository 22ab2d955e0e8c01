using ActionAgent.Vision.Ocr;
using Microsoft.Extensions.Logging;

namespace ActionAgent.Vision;

/// <summary>Settings of the embedded screen check and visual locator. The defaults suit a 1280×800 browser page.</summary>
public sealed record VisionOptions
{
    /// <summary>
    /// How tesseract runs: in-process through its library (warm engines, the fast path), as a command per read, or
    /// in-process with the command as fallback. <value>The default value is <see cref="OcrEngine.Auto"/>.</value>
    /// </summary>
    public OcrEngine OcrEngine { get; init; } = OcrEngine.Auto;

    /// <summary>Where vision logs (the OCR fallback warning). <value>The default value is null: no logging.</value></summary>
    public ILogger? Logger { get; init; }

    /// <summary>The tesseract executable, for <see cref="OcrEngine.Process"/> and the fallback of <see cref="OcrEngine.Auto"/>. <value>The default value is <c>tesseract</c> (found on PATH).</value></summary>
    public string TesseractPath { get; init; } = "tesseract";

    /// <summary>The OCR language. <value>The default value is <c>eng</c>.</value></summary>
    public string Language { get; init; } = "eng";

    /// <summary>How much each region is enlarged before OCR (small UI text reads far better enlarged). <value>The default value is 3.</value></summary>
    public int OcrScale { get; init; } = 3;

    /// <summary>How many region batches tesseract reads at once (warm engines in-process, or processes). <value>The default value is the processor count.</value></summary>
    public int OcrParallelism { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>The most regions segmentation keeps (largest text-bearing first). <value>The default value is 250.</value></summary>
    public int MaxRegions { get; init; } = 250;

    /// <summary>
    /// The share of pixels that must differ (after a small noise threshold) for the screen to count as changed.
    /// <value>The default value is 0.0005 (about 500 pixels of a 1280×800 screen: a caret blink is less).</value>
    /// </summary>
    public double ChangeRatioThreshold { get; init; } = 0.0005;

    /// <summary>The similarity at or above which an expectation counts as shown. <value>The default value is 0.6.</value></summary>
    public double ExpectationMatchSimilarity { get; init; } = 0.6;

    /// <summary>
    /// The share of an expectation's content words that must be on the screen for the words alone to count it as shown
    /// (else its similarity to one phrase must reach <see cref="ExpectationMatchSimilarity"/>). Words are looked for
    /// anywhere on the screen, so a lower share passes screens that only share its common words (a results page with
    /// "Manage booking" and "Confirmation" in its menus for "a confirmation page showing a booking reference").
    /// <value>The default value is 0.8: every word of an expectation of up to four, four of five.</value>
    /// </summary>
    public double ExpectationWordShare { get; init; } = 0.8;

    /// <summary>The similarity below which an expectation counts as clearly absent. <value>The default value is 0.3.</value></summary>
    public double ExpectationAbsentSimilarity { get; init; } = 0.3;

    /// <summary>Whether an unsure embedded verdict is sent to the remote vision model, when one is configured. <value>The default value is <c>true</c>.</value></summary>
    public bool EscalateWhenUnsure { get; init; } = true;

    /// <summary>The OCR reader these options describe.</summary>
    internal TesseractOcr CreateOcr() => new(TesseractPath, Language, OcrEngine, Logger);

    /// <summary>Throws when a setting is out of range.</summary>
    public void Validate()
    {
        if (OcrScale is < 1 or > 6) throw new ArgumentOutOfRangeException(nameof(OcrScale), OcrScale, "OcrScale must be 1 to 6.");
        if (OcrParallelism < 1) throw new ArgumentOutOfRangeException(nameof(OcrParallelism), OcrParallelism, "OcrParallelism must be at least 1.");
        if (MaxRegions < 1) throw new ArgumentOutOfRangeException(nameof(MaxRegions), MaxRegions, "MaxRegions must be at least 1.");
        if (ChangeRatioThreshold is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(ChangeRatioThreshold), ChangeRatioThreshold, "ChangeRatioThreshold must be 0 to 1.");
        if (ExpectationWordShare is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(ExpectationWordShare), ExpectationWordShare, "ExpectationWordShare must be above 0 and at most 1.");
        if (ExpectationAbsentSimilarity > ExpectationMatchSimilarity)
        {
            throw new ArgumentOutOfRangeException(nameof(ExpectationAbsentSimilarity), ExpectationAbsentSimilarity, "ExpectationAbsentSimilarity must not exceed ExpectationMatchSimilarity.");
        }
    }
}
