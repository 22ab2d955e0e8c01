using ActionAgent.Core.Actions;

namespace ActionAgent.Core.Ports;

/// <summary>Cuts an element's box out of a screenshot, so a recording keeps a picture of what was acted on.</summary>
public interface IImageCropper
{
    /// <summary>Returns a PNG of <paramref name="box"/> (clipped to the image), or null when the box lies outside it.</summary>
    byte[]? Crop(byte[] screenshot, BoundingBox box);
}
