namespace ActionAgent;

/// <summary>The screen check after each step and the visual locator fallback (OCR + OpenCV, embedded).</summary>
public sealed class VisionSettings
{
    /// <summary>Whether the screen check and the visual locator are used.</summary>
    /// <value>The default value is true.</value>
    public bool Enabled { get; set; } = true;
}
