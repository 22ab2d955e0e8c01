using ActionAgent.Core.Actions;

namespace ActionAgent.Desktop.AtSpi;

/// <summary>One element of an application's accessibility tree, as read at one moment.</summary>
internal sealed class AtSpiElement
{
    public required AccessibleRef Ref { get; init; }

    /// <summary>AT-SPI's role name (<c>push button</c>, <c>text</c>, <c>frame</c>).</summary>
    public required string RoleName { get; init; }

    /// <summary>The accessible name; a field without one is named by its label (LABELLED_BY, else the label on its row: <see cref="RowLabels"/>).</summary>
    public string Name { get; set; } = "";

    public string Description { get; init; } = "";

    public AtSpiStates States { get; init; }

    /// <summary>Where the element is on the screen (screen coordinates), when it has the Component interface.</summary>
    public BoundingBox? Box { get; init; }

    /// <summary>The element's text (Text interface) or value (Value interface), when it has one.</summary>
    public string? Value { get; init; }

    public IReadOnlyList<string> Interfaces { get; init; } = [];

    /// <summary>
    /// An item of a menu bar's closed menu: not on the screen (no box), but listed in the snapshot, found by targets and
    /// clicked through its Action interface, which activates it without opening the menu.
    /// </summary>
    public bool InClosedMenu { get; init; }

    /// <summary>Shown on the screen, or listed as an item of a closed menu.</summary>
    public bool IsListed => States.IsShowing || InClosedMenu;

    public List<AtSpiElement> Children { get; } = [];

    /// <summary>The path from the window down (<c>frame[Calculator]/push button[7]</c>).</summary>
    public string Path { get; set; } = "";

    public bool Has(string shortInterface) => Interfaces.Contains("org.a11y.atspi." + shortInterface, StringComparer.Ordinal);

    public IEnumerable<AtSpiElement> DescendantsAndSelf()
    {
        yield return this;
        foreach (var child in Children)
        {
            foreach (var node in child.DescendantsAndSelf()) yield return node;
        }
    }

    public override string ToString() => Name.Length == 0 ? RoleName : $"{RoleName} \"{Name}\"";
}
