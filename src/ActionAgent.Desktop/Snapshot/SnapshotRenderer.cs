using System.Globalization;
using System.Text;
using ActionAgent.Desktop.AtSpi;

namespace ActionAgent.Desktop.Snapshot;

/// <summary>
/// Renders AT-SPI windows in the compact snapshot form the browser gives
/// (<c>- button "Save" [ref=d12] [box=x,y,w,h]</c>, states as flags, children indented), so
/// <c>AriaSnapshotParser</c>, the planners, the screen check and the visual locator read it unchanged.
/// </summary>
internal static class SnapshotRenderer
{
    private const int MaxValueLength = 300;

    public static DesktopSnapshot Render(IReadOnlyList<AtSpiElement> windows)
    {
        var text = new StringBuilder();
        var refs = new Dictionary<string, AtSpiElement>(StringComparer.Ordinal);
        // The window where the next step happens comes first: the active one, else (no window manager marks one active)
        // a dialog the app opened, the newest first.
        var ordered = windows.Select((w, i) => (w, i))
            .OrderByDescending(p => p.w.States.Has(AtSpiState.Active))
            .ThenByDescending(p => DesktopRoles.ToAria(p.w.RoleName) is "dialog" or "alertdialog" || p.w.States.Has(AtSpiState.Modal))
            .ThenByDescending(p => p.i)
            .Select(p => p.w).ToList();
        foreach (var window in ordered) Write(window, 0, text, refs);
        return new DesktopSnapshot { Text = text.ToString().TrimEnd('\n'), Refs = refs, Windows = ordered };
    }

    private static void Write(AtSpiElement element, int indent, StringBuilder text, Dictionary<string, AtSpiElement> refs)
    {
        if (DesktopRoles.IsHidden(element.RoleName)) return;
        var role = DesktopRoles.ToAria(element.RoleName);
        var visibleChildren = element.Children.Where(c => c.IsListed).ToList();
        if (DesktopRoles.IsContainer(element.RoleName) && element.Name.Length == 0)
        {
            foreach (var child in visibleChildren) Write(child, indent, text, refs);
            return;
        }
        // A label or text with no name and no text says nothing.
        if (role == "text" && element.Name.Length == 0 && string.IsNullOrWhiteSpace(element.Value) && visibleChildren.Count == 0) return;

        var reference = "d" + (refs.Count + 1).ToString(CultureInfo.InvariantCulture);
        refs[reference] = element;
        text.Append(' ', indent).Append("- ").Append(role);
        var name = element.Name.Length > 0 ? element.Name : role == "text" ? Excerpt(element.Value ?? "") : "";
        if (name.Length > 0) text.Append(" \"").Append(name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
        foreach (var flag in Flags(element, role)) text.Append(" [").Append(flag).Append(']');
        text.Append(" [ref=").Append(reference).Append(']');
        if (element.Box is { Width: > 0, Height: > 0 } box)
        {
            text.Append(CultureInfo.InvariantCulture, $" [box={box.X:0},{box.Y:0},{box.Width:0},{box.Height:0}]");
        }
        var value = role == "text" || element.Value?.Trim() == element.Name ? null : element.Value;
        if (visibleChildren.Count > 0)
        {
            text.Append(":\n");
            if (!string.IsNullOrEmpty(value)) text.Append(' ', indent + 2).Append("- text: ").Append(Quote(Excerpt(value))).Append('\n');
            foreach (var child in visibleChildren) Write(child, indent + 2, text, refs);
        }
        else
        {
            if (!string.IsNullOrEmpty(value)) text.Append(": ").Append(Quote(Excerpt(value)));
            text.Append('\n');
        }
    }

    /// <summary>The states the browser snapshot shows as flags: checked, pressed, selected, expanded, disabled, active.</summary>
    public static IEnumerable<string> Flags(AtSpiElement element, string role)
    {
        var states = element.States;
        if (role is "checkbox" or "radio" or "switch" or "menuitemcheckbox" or "menuitemradio")
        {
            if (states.Has(AtSpiState.Indeterminate)) yield return "checked=mixed";
            else if (states.Has(AtSpiState.Checked)) yield return "checked";
        }
        else if (element.RoleName == "toggle button" && (states.Has(AtSpiState.Checked) || states.Has(AtSpiState.Pressed)))
        {
            yield return "pressed";
        }
        if (states.Has(AtSpiState.Selected) && role is "tab" or "listitem" or "option" or "cell" or "row" or "treeitem" or "menuitem") yield return "selected";
        if (states.Has(AtSpiState.Expandable)) yield return states.Has(AtSpiState.Expanded) ? "expanded" : "expanded=false";
        if (!states.IsEnabled && IsInteractive(role)) yield return "disabled";
        if (states.Has(AtSpiState.Focused)) yield return "active";
        if (role is "textbox" && !states.Has(AtSpiState.Editable)) yield return "readonly";
    }

    private static bool IsInteractive(string role) => role is "button" or "checkbox" or "radio" or "switch" or "textbox" or "spinbutton"
        or "slider" or "combobox" or "menuitem" or "menuitemcheckbox" or "menuitemradio" or "tab" or "link" or "option" or "listitem";

    private static string Excerpt(string value)
    {
        var flat = string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length > MaxValueLength ? flat[..MaxValueLength] + "…" : flat;
    }

    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
