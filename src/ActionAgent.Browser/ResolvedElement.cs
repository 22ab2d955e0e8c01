using System.Text.Json;
using ActionAgent.Core.Actions;
using Microsoft.Playwright;

namespace ActionAgent.Browser;

/// <summary>An element a target resolved to: a locator matching exactly one visible element, or a point on the screen.</summary>
/// <param name="Layer">The target layer that found it ("role", "css", "box", ...).</param>
/// <param name="Locator">The locator; null when resolved by <see cref="Box"/>.</param>
/// <param name="Box">The screen box, when resolved by coordinates.</param>
/// <param name="Frame">The frame the element lives in.</param>
/// <param name="Facts">
/// What <see cref="ElementDescriber.ReadAsync"/> reads of the element, when the resolver read it in the same call that
/// counted the matches (an action's resolution); null when it was not read.
/// </param>
internal sealed record ResolvedElement(string Layer, ILocator? Locator, BoundingBox? Box, IFrame Frame, JsonElement? Facts = null)
{
    public bool IsByCoordinates => Locator is null;
}
