using ActionAgent.Core.Actions;
using ActionAgent.Core.Ports;
using ActionAgent.Vision.Marks;
using SkiaSharp;

namespace ActionAgent.Vision.Tests;

public sealed class OnnxLocatorTests
{
    private static readonly BoundingBox Left = new(20, 30, 60, 40);
    private static readonly BoundingBox Right = new(120, 90, 60, 50);

    private static byte[] Screenshot()
    {
        using var bitmap = new SKBitmap(200, 160);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Black);
            using var white = new SKPaint { Color = SKColors.White };
            foreach (var b in new[] { Left, Right }) canvas.DrawRect(SKRect.Create((float)b.X, (float)b.Y, (float)b.Width, (float)b.Height), white);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    [Fact]
    public async Task A_hand_written_onnx_mask_model_is_loaded_and_its_mask_becomes_one_box_per_region()
    {
        var path = TinyOnnxModel.Write(64);
        using var locator = new OnnxSegmentationLocator(new OnnxSegmentationOptions { ModelPath = path });

        var found = await locator.LocateAsync(new LocateRequest { Screenshot = Screenshot() }, CancellationToken.None);

        Assert.Equal(2, found.Count);
        Assert.Contains(found, e => e.Box.IntersectionOverUnion(Left) > 0.8);
        Assert.Contains(found, e => e.Box.IntersectionOverUnion(Right) > 0.8);
        Assert.All(found, e => Assert.True(e.Score > 0.9, $"score {e.Score}"));
    }

    [Fact]
    public async Task A_point_prompt_on_the_onnx_locator_returns_the_region_under_the_point()
    {
        using var locator = new OnnxSegmentationLocator(new OnnxSegmentationOptions { ModelPath = TinyOnnxModel.Write(64) });

        var found = await locator.LocateAsync(new LocateRequest { Screenshot = Screenshot(), Point = Right.Center }, CancellationToken.None);

        Assert.True(found.Single().Box.IntersectionOverUnion(Right) > 0.8);
    }

    [Fact]
    public void A_missing_model_file_is_named_in_the_error()
    {
        var e = Assert.Throws<FileNotFoundException>(() => new OnnxSegmentationLocator(new OnnxSegmentationOptions { ModelPath = "/nowhere/sam.onnx" }));
        Assert.Contains("/nowhere/sam.onnx", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Set_of_marks_numbers_each_region_and_its_legend_refers_back_to_it()
    {
        LocatedElement[] regions = [new(Left, "Pay", 1, "button"), new(Right, null, 1, "field")];

        var marked = SetOfMarks.Render(Screenshot(), regions);

        Assert.Equal("[1] button \"Pay\" at 20,30,60,40\n[2] field at 120,90,60,50\n", marked.Legend());
        Assert.Equal(Right, marked.Find(2)!.Box);
        using var image = SKBitmap.Decode(marked.Png);
        Assert.NotEqual(SKColors.Black, image.GetPixel(121, 90)); // the box outline is drawn over the screenshot
    }

    [Fact]
    public void The_cropper_cuts_the_box_with_a_margin_and_clips_at_the_edge()
    {
        var cropper = new SkiaImageCropper(margin: 4);

        using var crop = SKBitmap.Decode(cropper.Crop(Screenshot(), Left)!);
        var clipped = SKBitmap.Decode(cropper.Crop(Screenshot(), new BoundingBox(190, 150, 50, 50))!);

        Assert.Equal((68, 48), (crop.Width, crop.Height));
        Assert.Equal((14, 14), (clipped.Width, clipped.Height));
        Assert.Null(cropper.Crop(Screenshot(), new BoundingBox(500, 500, 10, 10)));
        clipped.Dispose();
    }
}
