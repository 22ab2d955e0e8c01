namespace ActionAgent.Desktop.Snapshot;

/// <summary>
/// Maps AT-SPI role names to the ARIA roles the browser snapshot uses, so planners, checks and the visual locator
/// read a desktop window as they read a page. Containers without a name are flattened; decoration is left out.
/// </summary>
public static class DesktopRoles
{
    private static readonly Dictionary<string, string> Aria = new(StringComparer.Ordinal)
    {
        ["push button"] = "button", ["button"] = "button", ["toggle button"] = "button", ["menu button"] = "button",
        ["check box"] = "checkbox", ["switch"] = "switch", ["radio button"] = "radio",
        ["text"] = "textbox", ["text box"] = "textbox", ["entry"] = "textbox", ["password text"] = "textbox", ["editbar"] = "textbox", ["terminal"] = "textbox",
        ["spin button"] = "spinbutton", ["slider"] = "slider", ["combo box"] = "combobox",
        ["menu bar"] = "menubar", ["menu"] = "menu", ["popup menu"] = "menu", ["menu item"] = "menuitem",
        ["check menu item"] = "menuitemcheckbox", ["radio menu item"] = "menuitemradio", ["tear off menu item"] = "menuitem",
        ["page tab"] = "tab", ["page tab list"] = "tablist",
        ["label"] = "text", ["static"] = "text", ["caption"] = "text", ["accelerator label"] = "text",
        ["frame"] = "window", ["window"] = "window",
        ["dialog"] = "dialog", ["file chooser"] = "dialog", ["color chooser"] = "dialog", ["font chooser"] = "dialog", ["alert"] = "alertdialog",
        ["tool bar"] = "toolbar", ["status bar"] = "status", ["info bar"] = "status", ["notification"] = "alert",
        ["table"] = "table", ["tree table"] = "treegrid", ["table row"] = "row", ["table cell"] = "cell",
        ["table column header"] = "columnheader", ["column header"] = "columnheader", ["table row header"] = "rowheader", ["row header"] = "rowheader",
        ["list"] = "list", ["list box"] = "listbox", ["list item"] = "listitem", ["tree"] = "tree", ["tree item"] = "treeitem",
        ["icon"] = "img", ["image"] = "img", ["heading"] = "heading", ["link"] = "link", ["paragraph"] = "paragraph",
        ["progress bar"] = "progressbar", ["level bar"] = "meter", ["scroll bar"] = "scrollbar", ["header"] = "banner", ["footer"] = "contentinfo",
        ["grouping"] = "group", ["form"] = "form", ["landmark"] = "region", ["article"] = "article", ["document text"] = "document",
    };

    private static readonly HashSet<string> Containers = new(StringComparer.Ordinal)
    {
        "panel", "filler", "scroll pane", "viewport", "split pane", "layered pane", "glass pane", "root pane", "option pane",
        "section", "internal frame", "document frame", "redundant object", "unknown", "invalid", "extended", "canvas", "block quote",
        "description list", "autocomplete", "embedded", "application",
    };

    private static readonly HashSet<string> Hidden = new(StringComparer.Ordinal) { "separator", "tool tip", "scroll bar" };

    /// <summary>The ARIA role for an AT-SPI role name; unknown roles keep their own name with spaces as dashes.</summary>
    public static string ToAria(string atSpiRole) =>
        Aria.TryGetValue(atSpiRole, out var aria) ? aria : IsContainer(atSpiRole) ? "group" : atSpiRole.Replace(' ', '-');

    /// <summary>Whether the role is a layout container (flattened into its parent when it has no name).</summary>
    public static bool IsContainer(string atSpiRole) => Containers.Contains(atSpiRole);

    /// <summary>Whether the role is decoration the snapshot leaves out.</summary>
    public static bool IsHidden(string atSpiRole) => Hidden.Contains(atSpiRole);

    /// <summary>Whether the role is a top-level window (frame or dialog).</summary>
    public static bool IsWindow(string atSpiRole) => ToAria(atSpiRole) is "window" or "dialog" or "alertdialog";
}
