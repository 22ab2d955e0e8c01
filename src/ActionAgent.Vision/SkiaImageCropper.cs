using ActionAgent.Core.Actions;
using ActionAgent.Core.Ports;
using SkiaSharp;

namespace ActionAgent.Vision;

/// <summary>Cuts a box out of a PNG screenshot with SkiaSharp, with a small margin so the crop shows the element's edge.</summary>
public sealed class SkiaImageCropper(int margin = 4) : IImageCropper
{
    /// <inheritdoc />
    public byte[]? Crop(byte[] screenshot, BoundingBox box)
    {
        ArgumentNullException.ThrowIfNull(screenshot);
        ArgumentNullException.ThrowIfNull(box);
        using var image = SKBitmap.Decode(screenshot);
        if (image is null) return null;
        var rect = SKRectI.Intersect(
            new SKRectI(0, 0, image.Width, image.Height),
            new SKRectI((int)Math.Floor(box.X) - margin, (int)Math.Floor(box.Y) - margin,
                (int)Math.Ceiling(box.X + box.Width) + margin, (int)Math.Ceiling(box.Y + box.Height) + margin));
        if (rect.Width <= 0 || rect.Height <= 0) return null;
        using var crop = new SKBitmap(rect.Width, rect.Height);
        if (!image.ExtractSubset(crop, rect)) return null;
        using var data = crop.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
