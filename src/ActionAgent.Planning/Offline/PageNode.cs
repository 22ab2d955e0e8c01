using ActionAgent.Core.Observation;

namespace ActionAgent.Planning.Offline;

/// <summary>A snapshot node with its place in the tree: parent, document order, and the label text near it.</summary>
public sealed class PageNode
{
    internal PageNode(UiNode node, PageNode? parent, int order)
    {
        Node = node;
        Parent = parent;
        Order = order;
    }

    /// <summary>The snapshot node.</summary>
    public UiNode Node { get; }

    /// <summary>The parent, or null at the top.</summary>
    public PageNode? Parent { get; internal set; }

    /// <summary>The position in document order.</summary>
    public int Order { get; }

    /// <summary>The children in document order.</summary>
    public List<PageNode> Children { get; } = [];

    /// <summary>The role.</summary>
    public string Role => Node.Role;

    /// <summary>The accessible name.</summary>
    public string Name => Node.Name;

    /// <summary>The current value (text of a field, option of a select), when shown.</summary>
    public string? Value => Node.Value;

    /// <summary>The placeholder of a text field, when any.</summary>
    public string? Placeholder => Node.Attributes.TryGetValue("placeholder", out var p) ? p : null;

    /// <summary>
    /// Text that labels the node when its name does not say enough: the nearest preceding text sibling
    /// ("From" above an unnamed combobox), or the name of the enclosing group.
    /// </summary>
    public string NearbyText { get; internal set; } = "";

    /// <summary>Whether the node is disabled.</summary>
    public bool IsDisabled => Node.IsDisabled;

    /// <summary>Whether the node has a flag (<c>checked</c>, <c>expanded</c>, <c>selected</c>).</summary>
    public bool Has(string flag) => Node.Flags.Contains(flag);

    /// <summary>Whether the node says it is collapsed (<c>[expanded=false]</c>): a section, menu or tree item that can be opened.</summary>
    public bool IsCollapsed => Node.Attributes.TryGetValue("expanded", out var e) && e == "false";

    /// <summary>Whether the node is a clickable the accessibility tree gives no role (found by the DOM probe or by <c>cursor=pointer</c>).</summary>
    public bool IsRolelessClickable =>
        Role is "generic" or "text" or "paragraph" or "img" or "listitem" or "cell" or "gridcell" &&
        (Node.Attributes.TryGetValue("cursor", out var c) && c == "pointer" || Node.Attributes.ContainsKey("clickable") || Node.Flags.Contains("clickable"));

    /// <summary>The nearest ancestor that is a container (a row, list item, card, dialog, section, menu…), or null.</summary>
    public PageNode? Container => Ancestors().FirstOrDefault(PageModel.IsContainer);

    /// <summary>Whether the node is drawn somewhere a person could see it (no box means unknown, taken as visible).</summary>
    public bool IsOnScreen => Node.Box is not { } b || (b.Width > 0 && b.Height > 0 && b.X + b.Width > 0 && b.Y + b.Height > 0);

    /// <summary>Ancestors, nearest first.</summary>
    public IEnumerable<PageNode> Ancestors()
    {
        for (var p = Parent; p is not null; p = p.Parent) yield return p;
    }

    /// <summary>This node and its descendants, depth first.</summary>
    public IEnumerable<PageNode> DescendantsAndSelf()
    {
        yield return this;
        foreach (var child in Children)
        {
            foreach (var d in child.DescendantsAndSelf()) yield return d;
        }
    }

    /// <summary>All text under the node.</summary>
    public string InnerText() => Node.InnerText();

    /// <summary>The words a person reads for this element: name, nearby label, placeholder.</summary>
    public string Label()
    {
        var parts = new List<string>();
        if (Name.Length > 0) parts.Add(Name);
        if (NearbyText.Length > 0 && !Name.Contains(NearbyText, StringComparison.OrdinalIgnoreCase)) parts.Add(NearbyText);
        if (Placeholder is { Length: > 0 } placeholder && !parts.Any(p => p.Contains(placeholder, StringComparison.OrdinalIgnoreCase))) parts.Add(placeholder);
        if (parts.Count == 0 && Role is "link" or "button" or "option" or "listitem" or "cell" or "gridcell" or "text" or "paragraph" or "generic")
        {
            var text = InnerText();
            if (text.Length > 0) parts.Add(text.Length > 120 ? text[..120] : text);
        }
        return string.Join(" ", parts);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Role} \"{Name}\"{(Node.Ref is null ? "" : $" [{Node.Ref}]")}";
}
