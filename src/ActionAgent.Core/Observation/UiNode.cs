using ActionAgent.Core.Actions;

namespace ActionAgent.Core.Observation;

/// <summary>One node of an accessibility snapshot (browser ARIA tree or desktop AT-SPI tree).</summary>
public sealed record UiNode
{
    /// <summary>The role (button, textbox, combobox, option, row, cell, text, generic, ...).</summary>
    public required string Role { get; init; }

    /// <summary>The accessible name, or empty.</summary>
    public string Name { get; init; } = "";

    /// <summary>The reference a driver resolves (<c>e12</c>), when the snapshot gave one.</summary>
    public string? Ref { get; init; }

    /// <summary>Where the node is drawn, when known.</summary>
    public BoundingBox? Box { get; init; }

    /// <summary>The value or inline text after the colon (<c>textbox "From": Paris</c>), when any.</summary>
    public string? Value { get; init; }

    /// <summary>Bare attributes (<c>checked</c>, <c>disabled</c>, <c>expanded</c>, <c>selected</c>, <c>active</c>).</summary>
    public IReadOnlySet<string> Flags { get; init; } = new HashSet<string>();

    /// <summary>Attributes with values (<c>level=2</c>, <c>url=/x</c>, <c>cursor=pointer</c>).</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    /// <summary>Child nodes in document order.</summary>
    public IReadOnlyList<UiNode> Children { get; init; } = [];

    /// <summary>Whether the node is disabled.</summary>
    public bool IsDisabled => Flags.Contains("disabled");

    /// <summary>This node and every descendant, depth first.</summary>
    public IEnumerable<UiNode> DescendantsAndSelf()
    {
        yield return this;
        foreach (var child in Children)
        {
            foreach (var node in child.DescendantsAndSelf()) yield return node;
        }
    }

    /// <summary>All text under this node: its name, value and the text of its descendants.</summary>
    public string InnerText()
    {
        var parts = DescendantsAndSelf()
            .SelectMany(n => new[] { n.Name, n.Value })
            .Where(s => !string.IsNullOrWhiteSpace(s))
            .Distinct(StringComparer.Ordinal);
        return string.Join(" ", parts);
    }
}
