using ActionAgent.Core.Actions;

namespace ActionAgent.Vision.Segmentation;

/// <summary>A region of a screenshot that looks like a UI element, with the text read inside it.</summary>
/// <param name="Box">Where it is, in screenshot pixels.</param>
/// <param name="Kind">button, field, icon or text.</param>
/// <param name="Text">The text read inside it ("" when none).</param>
/// <param name="Label">For a field: the text next to it (left or above) that names it, when any.</param>
public sealed record UiRegion(BoundingBox Box, string Kind, string Text = "", string? Label = null)
{
    /// <summary>What the region says, label first: what a text prompt is matched against.</summary>
    public string Description => Label is null ? Text : $"{Label} {Text}".Trim();
}
