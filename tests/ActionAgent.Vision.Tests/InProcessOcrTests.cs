using ActionAgent.Vision.Ocr;
using ActionAgent.Vision.Segmentation;
using Microsoft.Extensions.Logging;

namespace ActionAgent.Vision.Tests;

/// <summary>Tesseract called in-process reads what the tesseract command reads, on real Chromium screenshots.</summary>
public sealed class InProcessOcrTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly TesseractOcr _inProcess = new("tesseract", "eng", OcrEngine.InProcess);
    private readonly TesseractOcr _command = new("tesseract", "eng", OcrEngine.Process);

    private async Task<byte[]> SkyFareScreenshotAsync()
    {
        await using var site = await Sites.SiteHost.StartAsync(Sites.SiteCatalog.Resolve(BrowserFixture.SitesRoot, "skyfare"));
        await browser.GotoAsync(site.Address("index.html?today=2026-12-01").ToString());
        return (await browser.ObserveAsync()).Screenshot!;
    }

    [Fact]
    public async Task In_process_OCR_reads_the_same_words_boxes_and_confidences_as_the_command_on_a_whole_screenshot()
    {
        var shot = await SkyFareScreenshotAsync();

        var command = await _command.ReadAsync(shot, 11, CancellationToken.None);
        var inProcess = await _inProcess.ReadAsync(shot, 11, CancellationToken.None);

        Assert.NotEmpty(command);
        Assert.Equal(command, inProcess);
    }

    [Fact]
    public async Task In_process_OCR_gives_segmentation_the_same_regions_and_texts_as_the_command()
    {
        await browser.GotoAsync(browser.Pages.Address("form.html").ToString());
        var shot = (await browser.ObserveAsync()).Screenshot!;

        var command = await new ScreenSegmenter(new VisionOptions { OcrEngine = OcrEngine.Process }).SegmentAsync(shot, CancellationToken.None);
        var inProcess = await new ScreenSegmenter(new VisionOptions { OcrEngine = OcrEngine.InProcess }).SegmentAsync(shot, CancellationToken.None);

        Assert.Contains(command, r => r.Text == "Print receipt");
        Assert.Equal(command, inProcess);
    }

    [Fact]
    public void A_missing_tesseract_library_fails_with_an_error_naming_it_and_how_to_install_it()
    {
        var error = Assert.ThrowsAny<InvalidOperationException>(() => TesseractLibrary.Load(["libtesseract-missing.so.99"]));

        Assert.Contains("libtesseract-missing.so.99", error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install tesseract-ocr", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_process_OCR_without_the_library_throws_the_error_instead_of_reading()
    {
        var ocr = new TesseractOcr("tesseract", "eng", OcrEngine.InProcess, null, _ => throw new TesseractUnavailableException("no libtesseract here"));

        var error = await Assert.ThrowsAnyAsync<InvalidOperationException>(() => ocr.ReadAsync(OnePixelPng(), 11, CancellationToken.None));

        Assert.Equal("no libtesseract here", error.Message);
    }

    [Fact]
    public async Task Auto_OCR_without_the_library_runs_the_command_and_logs_a_warning_once()
    {
        var logger = new ListLogger();
        var ocr = new TesseractOcr("tesseract", "eng", OcrEngine.Auto, logger, _ => throw new TesseractUnavailableException("no libtesseract here"));
        var shot = await SkyFareScreenshotAsync();

        var words = await ocr.ReadAsync(shot, 11, CancellationToken.None);
        await ocr.ReadAsync(shot, 11, CancellationToken.None);

        Assert.Equal(await _command.ReadAsync(shot, 11, CancellationToken.None), words);
        var warning = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("no libtesseract here", warning.Message, StringComparison.Ordinal);
    }

    private static byte[] OnePixelPng()
    {
        using var mat = new OpenCvSharp.Mat(1, 1, OpenCvSharp.MatType.CV_8UC1, OpenCvSharp.Scalar.All(255));
        return mat.ToBytes(".png");
    }

    private sealed class ListLogger : ILogger
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
