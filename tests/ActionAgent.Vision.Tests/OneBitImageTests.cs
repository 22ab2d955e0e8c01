using ActionAgent.Vision.Ocr;
using OpenCvSharp;

namespace ActionAgent.Vision.Tests;

/// <summary>The region reader's black-and-white strips go to tesseract at one bit per pixel, and read the same.</summary>
public sealed class OneBitImageTests
{
    [Fact]
    public void Packing_puts_each_row_leftmost_pixel_first_with_white_as_a_set_bit_and_pads_the_row_with_white()
    {
        var random = new Random(23);
        const int width = 21, height = 5; // 21: two whole bytes and five pixels over
        using var image = new Mat(height, width, MatType.CV_8UC1);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++) image.Set(y, x, (byte)(random.Next(2) == 0 ? 0 : 255));
        }

        var packed = OneBitImage.Pack(image);

        Assert.Equal(3, packed.BytesPerLine);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < packed.BytesPerLine * 8; x++)
            {
                var bit = (packed.Bits[(y * packed.BytesPerLine) + (x / 8)] >> (7 - (x % 8))) & 1;
                var white = x >= width || image.At<byte>(y, x) == 255;
                Assert.True(bit == (white ? 1 : 0), $"pixel ({x}, {y})");
            }
        }
    }

    [Fact]
    public void In_Leptonica_layout_each_row_is_whole_words_leftmost_pixel_highest_with_black_as_a_set_bit_and_no_bits_past_the_row()
    {
        var random = new Random(24);
        const int width = 45, height = 4, wordsPerLine = 3; // 45: one whole word, a partial one; and a spare word a row
        using var image = new Mat(height, width, MatType.CV_8UC1);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++) image.Set(y, x, (byte)(random.Next(2) == 0 ? 0 : 255));
        }
        var words = new uint[wordsPerLine * height];
        Array.Fill(words, 0xDEADBEEF); // Leptonica's buffer need not start clear

        OneBitImage.Pack(image).CopyToLeptonica(words, wordsPerLine);

        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < wordsPerLine * 32; x++)
            {
                var bit = (words[(y * wordsPerLine) + (x / 32)] >> (31 - (x % 32))) & 1;
                var black = x < width && image.At<byte>(y, x) == 0;
                Assert.True(bit == (black ? 1u : 0u), $"pixel ({x}, {y})");
            }
        }
    }

    [Fact]
    public async Task A_black_and_white_image_read_in_process_at_one_bit_per_pixel_gives_the_words_boxes_and_confidences_the_command_reads()
    {
        using var strip = Strip(dark: false);

        var inProcess = await new TesseractOcr("tesseract", "eng", OcrEngine.InProcess).ReadBinaryAsync(strip, 11, CancellationToken.None);
        var command = await new TesseractOcr("tesseract", "eng", OcrEngine.Process).ReadBinaryAsync(strip, 11, CancellationToken.None);

        Assert.Contains(inProcess, w => w.Text == "flights");
        Assert.Equal(command, inProcess);
    }

    [Fact]
    public async Task A_black_and_white_read_does_not_read_each_line_inverted_as_well()
    {
        // Light text on dark: only tesseract's second, inverted read of a line finds it. The region reader makes every
        // crop dark on light before it reads, so that second read would only cost time.
        var ocr = new TesseractOcr("tesseract", "eng", OcrEngine.InProcess);
        using var lightOnDark = Strip(dark: true);

        var grey = await ocr.ReadAsync(lightOnDark.ToBytes(".png"), 11, CancellationToken.None);
        var blackAndWhite = await ocr.ReadBinaryAsync(lightOnDark, 11, CancellationToken.None);

        Assert.Contains(grey, w => w.Text == "flights");
        Assert.DoesNotContain(blackAndWhite, w => w.Text == "flights");
    }

    private static Mat Strip(bool dark)
    {
        var strip = new Mat(260, 1003, MatType.CV_8UC1, Scalar.All(dark ? 0 : 255)); // a width that is not a multiple of 8
        var ink = Scalar.All(dark ? 255 : 0);
        Cv2.PutText(strip, "Search flights from London", new Point(20, 80), HersheyFonts.HersheySimplex, 1.6, ink, 3);
        Cv2.PutText(strip, "Return 12 December", new Point(20, 200), HersheyFonts.HersheyDuplex, 1.2, ink, 2);
        Cv2.Threshold(strip, strip, 127, 255, ThresholdTypes.Binary);
        return strip;
    }
}
