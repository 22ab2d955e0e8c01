using System.Text.Json.Serialization;

namespace ActionAgent.Core.Actions;

/// <summary>
/// What a step acts on, in layers: a driver resolves the first layer that finds exactly one element, in the order
/// <see cref="Ref"/>, <see cref="TestId"/>, <see cref="Role"/>+<see cref="Name"/>, <see cref="Label"/>,
/// <see cref="Placeholder"/>, <see cref="Text"/>, <see cref="Css"/>, <see cref="XPath"/>, then <see cref="Box"/>. The browser
/// driver tries a ref's <see cref="Role"/>+<see cref="Name"/> before the ref itself when they single out one visible
/// element of a page without frames, drawn where the ref's was (the element is then found again when acted on, even if
/// the page drew it again since the ref was read); the ref decides where they match several or one drawn elsewhere.
/// A target with only a <see cref="Description"/> is semantic: a planner or locator grounds it first.
/// </summary>
public sealed record ElementTarget
{
    /// <summary>A snapshot reference (<c>e12</c>), valid only for the observation it came from.</summary>
    public string? Ref { get; init; }

    /// <summary>A <c>data-testid</c> value.</summary>
    public string? TestId { get; init; }

    /// <summary>An ARIA role (button, textbox, combobox, link, option, checkbox, ...).</summary>
    public string? Role { get; init; }

    /// <summary>The accessible name that goes with <see cref="Role"/>.</summary>
    public string? Name { get; init; }

    /// <summary>The text of the element's label.</summary>
    public string? Label { get; init; }

    /// <summary>The placeholder of a text field.</summary>
    public string? Placeholder { get; init; }

    /// <summary>Visible text of the element.</summary>
    public string? Text { get; init; }

    /// <summary>A CSS selector.</summary>
    public string? Css { get; init; }

    /// <summary>An XPath expression.</summary>
    public string? XPath { get; init; }

    /// <summary>
    /// For an element inside frames: the frames to enter, outermost first, each a CSS selector of the <c>iframe</c> in
    /// the document around it (<c>#checkout</c>, <c>iframe[title="Card payment"]</c>). The DOM layers are then looked up
    /// in that frame only. Null for an element of the page itself. The box stays in page (viewport) coordinates.
    /// </summary>
    public IReadOnlyList<string>? FramePath { get; init; }

    /// <summary>Where the element was on the screen: the last resort, acted on by coordinates.</summary>
    public BoundingBox? Box { get; init; }

    /// <summary>For desktop apps, the accessibility path (<c>frame[Calculator]/push button[7]</c>).</summary>
    public string? AccessibilityPath { get; init; }

    /// <summary>Whether an exact name/text/label match is wanted (default: substring, case-insensitive).</summary>
    public bool Exact { get; init; }

    /// <summary>A description in plain words ("the Search button"); what a planner grounds.</summary>
    public string? Description { get; init; }

    /// <summary>True when only a description is known, so the target must be grounded before acting.</summary>
    [JsonIgnore]
    public bool IsSemanticOnly =>
        Ref is null && TestId is null && Role is null && Name is null && Label is null && Placeholder is null &&
        Text is null && Css is null && XPath is null && Box is null && AccessibilityPath is null;

    /// <summary>A target that only describes the element in words.</summary>
    public static ElementTarget Describe(string description) => new() { Description = description };

    /// <summary>A short, human-readable form for logs and the console.</summary>
    public override string ToString()
    {
        if (Role is not null) return Name is null ? Role : $"{Role} \"{Name}\"";
        if (Label is not null) return $"label \"{Label}\"";
        if (Placeholder is not null) return $"placeholder \"{Placeholder}\"";
        if (Text is not null) return $"text \"{Text}\"";
        if (TestId is not null) return $"testid {TestId}";
        if (Css is not null) return $"css {Css}";
        if (XPath is not null) return $"xpath {XPath}";
        if (Ref is not null) return $"ref {Ref}";
        if (AccessibilityPath is not null) return AccessibilityPath;
        if (Box is not null) return $"box {Box}";
        return Description ?? "(no target)";
    }
}
