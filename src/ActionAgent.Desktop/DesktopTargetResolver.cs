using ActionAgent.Core.Actions;
using ActionAgent.Desktop.AtSpi;
using ActionAgent.Desktop.Snapshot;

namespace ActionAgent.Desktop;

/// <summary>
/// Finds the element a target names in a fresh desktop snapshot, layer by layer: the ref of the last observation, the
/// accessibility path, role+name, label, text, then the box. The first layer that finds an element wins; which layer
/// it was is reported, so a replay that healed through another layer says so.
/// </summary>
internal static class DesktopTargetResolver
{
    public static (AtSpiElement? Element, string? Layer, string Tried) Resolve(ElementTarget target, DesktopSnapshot fresh, DesktopSnapshot? last)
    {
        var tried = new List<string>();
        var all = fresh.All().Where(e => e.IsListed).ToList();
        if (target.Ref is { } reference)
        {
            tried.Add($"ref {reference}");
            if (last?.Refs.TryGetValue(reference, out var known) == true && all.FirstOrDefault(e => e.Ref == known.Ref) is { } same) return (same, "ref", Join(tried));
            if (last is null && fresh.Refs.TryGetValue(reference, out var now)) return (now, "ref", Join(tried));
        }
        if (target.AccessibilityPath is { } path)
        {
            tried.Add($"path {path}");
            if (all.FirstOrDefault(e => e.Path == path) is { } byPath) return (byPath, "path", Join(tried));
        }
        if (target.Role is not null || target.Name is not null)
        {
            tried.Add(target.Role is null ? $"name \"{target.Name}\"" : $"role {target.Role}{(target.Name is null ? "" : $" \"{target.Name}\"")}");
            var byRole = Best(all.Where(e => (target.Role is null || RoleMatches(e, target.Role)) && (target.Name is null || NameMatches(e.Name, target.Name, target.Exact))), target.Name);
            if (byRole is not null) return (byRole, "role", Join(tried));
        }
        if (target.Label is { } label)
        {
            tried.Add($"label \"{label}\"");
            if (ByLabel(fresh, label, target.Exact) is { } byLabel) return (byLabel, "label", Join(tried));
        }
        if (target.Placeholder is { } placeholder)
        {
            tried.Add($"placeholder \"{placeholder}\"");
            var byPlaceholder = Best(all.Where(e => DesktopRoles.ToAria(e.RoleName) == "textbox" && NameMatches(e.Description, placeholder, target.Exact)), placeholder);
            if (byPlaceholder is not null) return (byPlaceholder, "placeholder", Join(tried));
        }
        if (target.Text is { } text)
        {
            tried.Add($"text \"{text}\"");
            var byText = Best(all.Where(e => NameMatches(e.Name, text, target.Exact) || (e.Value is { } v && NameMatches(v, text, target.Exact))), text);
            if (byText is not null) return (byText, "text", Join(tried));
        }
        if (target.Css is "body" or "html" or ":root")
        {
            // A selector for the document root means the UI itself: on the desktop, the window where the next step happens.
            tried.Add($"css {target.Css} (the window)");
            if (fresh.Windows.FirstOrDefault() is { } window) return (window, "css", Join(tried));
        }
        if (target.Box is { } box)
        {
            tried.Add($"box {box}");
            var (x, y) = box.Center;
            var atPoint = all.Where(e => e.Box is { } b && b.Width > 0 && x >= b.X && x <= b.X + b.Width && y >= b.Y && y <= b.Y + b.Height && !DesktopRoles.IsWindow(e.RoleName))
                .OrderBy(e => e.Box!.Width * e.Box.Height).FirstOrDefault();
            if (atPoint is not null) return (atPoint, "box", Join(tried));
        }
        return (null, null, Join(tried));
    }

    private static string Join(List<string> tried) => tried.Count == 0 ? "no layer" : string.Join(", ", tried);

    private static bool RoleMatches(AtSpiElement element, string role) =>
        string.Equals(DesktopRoles.ToAria(element.RoleName), role, StringComparison.OrdinalIgnoreCase)
        || string.Equals(element.RoleName, role, StringComparison.OrdinalIgnoreCase)
        || (role == "option" && DesktopRoles.ToAria(element.RoleName) is "menuitem" or "listitem" or "cell" or "treeitem");

    public static bool NameMatches(string actual, string wanted, bool exact) =>
        exact ? string.Equals(actual.Trim(), wanted.Trim(), StringComparison.Ordinal)
              : actual.Contains(wanted.Trim(), StringComparison.OrdinalIgnoreCase);

    // An exact name beats a substring; an enabled, interactive element beats a label; then the first in snapshot order.
    private static AtSpiElement? Best(IEnumerable<AtSpiElement> candidates, string? wanted) =>
        candidates
            .OrderByDescending(e => wanted is not null && string.Equals(e.Name.Trim(), wanted.Trim(), StringComparison.OrdinalIgnoreCase))
            .ThenByDescending(e => e.States.IsEnabled)
            .ThenByDescending(e => e.Has("Action") || e.Has("EditableText"))
            .FirstOrDefault();

    // A field named by its label: a field whose own name is the label, else the first field after a label with that text.
    private static AtSpiElement? ByLabel(DesktopSnapshot snapshot, string label, bool exact)
    {
        var ordered = snapshot.All().Where(e => e.States.IsShowing).ToList();
        var field = ordered.FirstOrDefault(e => IsField(e) && NameMatches(e.Name, label, exact));
        if (field is not null) return field;
        var labels = ordered.Where(e => DesktopRoles.ToAria(e.RoleName) == "text" && NameMatches(e.Name, label, exact)).ToList();
        var fields = ordered.Where(IsField).ToList();
        // Where the label is on the screen says which field it names: the nearest field on its row to the right, else
        // the nearest below it (toolkits list a grid's children in any order, so "the next field" is not enough).
        foreach (var text in labels.Where(l => l.Box is not null))
        {
            var box = text.Box!;
            var (lx, ly) = box.Center;
            var sameRow = fields.Where(f => f.Box is { } b && b.X >= box.X + box.Width - 2 && Math.Abs(b.Center.Y - ly) <= Math.Max(box.Height, b.Height) / 2)
                .OrderBy(f => f.Box!.X - box.X).FirstOrDefault();
            if (sameRow is not null) return sameRow;
            var below = fields.Where(f => f.Box is { } b && b.Y >= box.Y + box.Height / 2 && Math.Abs(b.X - box.X) < 200)
                .OrderBy(f => f.Box!.Y - box.Y).FirstOrDefault();
            if (below is not null) return below;
        }
        foreach (var text in labels)
        {
            var next = ordered.SkipWhile(e => e != text).Skip(1).FirstOrDefault(IsField);
            if (next is not null) return next;
        }
        return null;
    }

    private static bool IsField(AtSpiElement e) =>
        DesktopRoles.ToAria(e.RoleName) is "textbox" or "spinbutton" or "slider" or "combobox" or "checkbox" or "switch";
}
