using ActionAgent.Core.Actions;
using Microsoft.Playwright;

namespace ActionAgent.Browser;

/// <summary>An element a target resolved to: a locator matching exactly one visible element, or a point on the screen.</summary>
/// <param name="Layer">The target layer that found it ("role", "css", "box", ...).</param>
/// <param name="Locator">The locator; null when resolved by <see cref="Box"/>.</param>
/// <param name="Box">The screen box, when resolved by coordinates.</param>
/// <param name="Frame">The frame the element lives in.</param>
internal sealed record ResolvedElement(string Layer, ILocator? Locator, BoundingBox? Box, IFrame Frame)
{
    public bool IsByCoordinates => Locator is null;
}
