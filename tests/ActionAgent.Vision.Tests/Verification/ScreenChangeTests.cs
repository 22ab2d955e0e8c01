using ActionAgent.Vision.Verification;
using SkiaSharp;

namespace ActionAgent.Vision.Tests.Verification;

public sealed class ScreenChangeTests
{
    [Fact]
    public void A_screenshot_kept_from_the_last_comparison_gives_the_same_ratio_as_one_decoded_afresh()
    {
        var blank = Png(0);
        var quarter = Png(40);
        var half = Png(80);

        var first = ScreenChange.Ratio(blank, quarter);   // decodes both, keeps "quarter"
        var chained = ScreenChange.Ratio(quarter, half);  // "quarter" comes from the kept image
        var fresh = ScreenChange.Ratio(Png(40), half);    // an equal image in another array: decoded again

        Assert.Equal(0.25, first!.Value, 2);
        Assert.Equal(0.25, chained!.Value, 2);
        Assert.Equal(fresh, chained);
    }

    [Fact]
    public void Equal_screenshot_bytes_are_no_change()
    {
        Assert.Equal(0, ScreenChange.Ratio(Png(40), Png(40)));
    }

    // 160×100, white, with the first `columns` columns black.
    private static byte[] Png(int columns)
    {
        using var bitmap = new SKBitmap(160, 100);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            using var black = new SKPaint { Color = SKColors.Black };
            if (columns > 0) canvas.DrawRect(0, 0, columns, 100, black);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
