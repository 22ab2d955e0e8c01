using System.Globalization;

namespace ActionAgent.Desktop.AtSpi;

/// <summary>
/// Reads an application's windows and their accessibility trees over AT-SPI: role, name, description, states, box,
/// text or value. Only what is on the screen is read (a hidden page or a submenu is skipped), within a node budget,
/// with one exception: the items of a menu bar's closed menus are listed (role, name, states; no box), because they
/// are the app's commands and the Action interface activates an item without opening its menu.
/// Calls for one element, and for siblings, are sent together: D-Bus pipelines them.
/// </summary>
internal sealed partial class AtSpiTreeReader(AtSpiConnection connection)
{
    /// <summary>At most this many elements per read: a huge list must not stall a step.</summary>
    public int MaxElements { get; init; } = 4000;

    /// <summary>Text longer than this is cut (the snapshot shows an excerpt).</summary>
    public int MaxTextLength { get; init; } = 2000;

    private int _count;

    /// <summary>The application's top-level windows that are on the screen, each read in full.</summary>
    public async Task<IReadOnlyList<AtSpiElement>> ReadWindowsAsync(AccessibleRef application, CancellationToken cancellationToken)
    {
        _count = 0;
        var windows = await connection.GetChildrenAsync(application, cancellationToken).ConfigureAwait(false);
        var read = await Task.WhenAll(windows.Select(async w =>
            await ReadAsync(w, "", 0, cancellationToken, visibleIsShowing: await MarksNoShowingAsync(w, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false))).ConfigureAwait(false);
        var shown = read.Where(w => w is not null && w.States.IsShowing).Select(w => w!).ToList();
        // Under a modal dialog no menu of another window opens: their items are not listed then (only the dialog acts).
        if (shown.Any(w => w.States.Has(AtSpiState.Modal)))
        {
            foreach (var window in shown.Where(w => !w.States.Has(AtSpiState.Modal)))
            {
                foreach (var element in window.DescendantsAndSelf().ToList()) element.Children.RemoveAll(c => c.InClosedMenu);
            }
        }
        AssignPaths(shown, "");
        RowLabels.NameFields(shown);
        return shown;
    }

    /// <summary>One element and what is under it.</summary>
    /// <param name="target">The element.</param>
    /// <param name="parentPath">Unused: paths are given by <see cref="AssignPaths"/> once the tree is read.</param>
    /// <param name="depth">How deep the element is (the read stops at 60).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <param name="parentRole">The parent's role name: a menu bar's menus list their items even when closed.</param>
    /// <param name="inClosedMenu">The element is an item of a menu bar's menu: kept, when the app shows it, even off the screen.</param>
    /// <param name="visibleIsShowing">The window's toolkit never marks its widgets SHOWING: VISIBLE with a box on the screen stands for it.</param>
    public async Task<AtSpiElement?> ReadAsync(AccessibleRef target, string parentPath, int depth, CancellationToken cancellationToken,
        string parentRole = "", bool inClosedMenu = false, bool visibleIsShowing = false)
    {
        if (target.IsNull || Interlocked.Increment(ref _count) > MaxElements || depth > 60) return null;
        try
        {
            var roleTask = connection.GetRoleNameAsync(target, cancellationToken);
            var nameTask = connection.GetNameAsync(target, cancellationToken);
            var descriptionTask = connection.GetDescriptionAsync(target, cancellationToken);
            var stateTask = connection.GetStateAsync(target, cancellationToken);
            var interfacesTask = connection.GetInterfacesAsync(target, cancellationToken);
            await Task.WhenAll(roleTask, nameTask, descriptionTask, stateTask, interfacesTask).ConfigureAwait(false);
            var states = stateTask.Result;
            var interfaces = interfacesTask.Result;
            var role = roleTask.Result;
            if (visibleIsShowing && states.Has(AtSpiState.Visible) && !states.Has(AtSpiState.Showing))
            {
                // GTK 4.8 sets SHOWING on windows only. A widget it lays out has a box; one on a hidden page has none.
                var extents = interfaces.Contains("org.a11y.atspi.Component") ? await connection.GetExtentsAsync(target, cancellationToken).ConfigureAwait(false) : null;
                if (extents is { Width: > 0, Height: > 0 }) states = states.With(AtSpiState.Showing);
            }
            var showing = states.IsShowing || role == "application";
            var boxTask = showing && interfaces.Contains("org.a11y.atspi.Component") ? connection.GetExtentsAsync(target, cancellationToken) : null;
            var valueTask = showing ? ReadValueAsync(target, role, interfaces, cancellationToken) : null;
            var childrenTask = showing && !IsLeaf(role) ? connection.GetChildrenAsync(target, cancellationToken) : null;
            var name = WidgetTypeName().IsMatch(nameTask.Result) ? "" : Clean(nameTask.Result);
            // A field with no name of its own is named by the label the toolkit tied to it (GTK's "Name:" beside a file
            // chooser's entry), as a browser names an input by its <label>.
            if (name.Length == 0 && showing && IsField(role)) name = await LabelAsync(target, cancellationToken).ConfigureAwait(false);
            var element = new AtSpiElement
            {
                Ref = target,
                RoleName = role,
                Name = name,
                Description = Clean(descriptionTask.Result),
                States = states,
                Interfaces = interfaces,
                Box = boxTask is null ? null : await boxTask.ConfigureAwait(false),
                Value = valueTask is null ? null : await valueTask.ConfigureAwait(false),
                InClosedMenu = inClosedMenu && !states.IsShowing && states.Has(AtSpiState.Visible) && IsMenuItem(role),
            };
            if (childrenTask is not null)
            {
                var children = await childrenTask.ConfigureAwait(false);
                var listsItems = role == "menu" && parentRole == "menu bar";
                var read = await Task.WhenAll(children.Select(c => ReadAsync(c, "", depth + 1, cancellationToken, role, listsItems, visibleIsShowing))).ConfigureAwait(false);
                element.Children.AddRange(read.Where(c => c is not null && (c.States.IsShowing || c.InClosedMenu || c.Children.Count > 0))!);
            }
            return element;
        }
        catch (Tmds.DBus.Protocol.DBusExceptionBase)
        {
            return null; // the element went away while it was read (a closing dialog): it is not on the screen any more
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    /// <summary>
    /// Whether a showing window's toolkit leaves SHOWING off everything inside it (GTK 4.8 does): no child of the
    /// window is SHOWING though some are VISIBLE. Such a window is read by VISIBLE and the boxes instead.
    /// </summary>
    private async Task<bool> MarksNoShowingAsync(AccessibleRef window, CancellationToken cancellationToken)
    {
        try
        {
            if (!(await connection.GetStateAsync(window, cancellationToken).ConfigureAwait(false)).IsShowing) return false;
            var children = await connection.GetChildrenAsync(window, cancellationToken).ConfigureAwait(false);
            if (children.Length == 0) return false;
            var states = await Task.WhenAll(children.Select(c => connection.GetStateAsync(c, cancellationToken))).ConfigureAwait(false);
            return !states.Any(s => s.Has(AtSpiState.Showing)) && states.Any(s => s.Has(AtSpiState.Visible));
        }
        catch (Exception ex) when (ex is Tmds.DBus.Protocol.DBusExceptionBase or TimeoutException)
        {
            return false;
        }
    }

    // An image's children are never interesting.
    private static bool IsLeaf(string role) => role is "separator" or "image" or "icon";

    private static bool IsField(string role) => role is "text" or "entry" or "password text" or "spin button" or "slider" or "combo box";

    private async Task<string> LabelAsync(AccessibleRef field, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var label in await connection.GetLabelledByAsync(field, cancellationToken).ConfigureAwait(false))
            {
                var text = Clean(await connection.GetNameAsync(label, cancellationToken).ConfigureAwait(false));
                if (text.Length > 0) return text;
            }
        }
        catch (Tmds.DBus.Protocol.DBusExceptionBase)
        {
            // a toolkit without relations: the field stays unnamed
        }
        return "";
    }

    private static bool IsMenuItem(string role) => role is "menu item" or "check menu item" or "radio menu item" or "menu";

    private async Task<string?> ReadValueAsync(AccessibleRef target, string role, string[] interfaces, CancellationToken cancellationToken)
    {
        try
        {
            if (interfaces.Contains("org.a11y.atspi.Value") && role is "spin button" or "slider" or "scroll bar" or "progress bar" or "level bar")
            {
                var value = await connection.GetCurrentValueAsync(target, cancellationToken).ConfigureAwait(false);
                return value.ToString("0.####", CultureInfo.InvariantCulture);
            }
            if (interfaces.Contains("org.a11y.atspi.Text") && role is not ("push button" or "toggle button" or "menu item" or "check box" or "radio button" or "page tab"))
            {
                return await connection.GetTextAsync(target, MaxTextLength, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Tmds.DBus.Protocol.DBusExceptionBase)
        {
            // Not every toolkit implements every property of an interface it lists.
        }
        return null;
    }

    /// <summary>Gives every element its path: <c>role[name]</c> segments, <c>role[#n]</c> for the n-th unnamed one of that role.</summary>
    public static void AssignPaths(IEnumerable<AtSpiElement> siblings, string parentPath)
    {
        var unnamed = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var element in siblings)
        {
            string segment;
            if (element.Name.Length > 0)
            {
                segment = $"{element.RoleName}[{element.Name.Replace("/", "∕", StringComparison.Ordinal).Replace("]", ")", StringComparison.Ordinal)}]";
            }
            else
            {
                unnamed.TryGetValue(element.RoleName, out var n);
                unnamed[element.RoleName] = n + 1;
                segment = $"{element.RoleName}[#{n}]";
            }
            element.Path = parentPath.Length == 0 ? segment : parentPath + "/" + segment;
            AssignPaths(element.Children, element.Path);
        }
    }

    // GTK 4.8 names an unnamed widget by its type ("GtkMenuButton", "AdwGizmo"): that says nothing to a person.
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:Gtk|Adw|Gdk)[A-Z][A-Za-z]+$")]
    private static partial System.Text.RegularExpressions.Regex WidgetTypeName();

    private static string Clean(string text) => text.Replace('\n', ' ').Replace('\r', ' ').Trim();
}
