using ActionAgent.Core.Actions;

namespace ActionAgent.Browser;

/// <summary>What the driver read of a resolved element before acting on it (<see cref="ElementDescriber.ReadAsync"/>).</summary>
/// <param name="Target">The element in every layer a recording keeps; null when it could not be read.</param>
/// <param name="Read">Whether the facts below were read from the element (a located element that was still there).</param>
/// <param name="ReadOnly">A text field that cannot be typed into.</param>
/// <param name="DocumentUrl">The URL of the document the element is in (a frame's own, inside a frame).</param>
/// <param name="ValueWidget">The number widget it is, as the value-widget script reads it (kind, now, min, max, role); null for none.</param>
internal sealed record ElementFacts(ElementTarget? Target, bool Read = false, bool ReadOnly = false, string? DocumentUrl = null, string[]? ValueWidget = null);
