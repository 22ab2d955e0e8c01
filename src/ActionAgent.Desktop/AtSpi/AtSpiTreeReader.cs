using System.Globalization;

namespace ActionAgent.Desktop.AtSpi;

/// <summary>
/// Reads an application's windows and their accessibility trees over AT-SPI: role, name, description, states, box,
/// text or value. Only what is on the screen is read (a hidden page or a closed menu is skipped), within a node budget.
/// Calls for one element, and for siblings, are sent together: D-Bus pipelines them.
/// </summary>
internal sealed class AtSpiTreeReader(AtSpiConnection connection)
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
        var read = await Task.WhenAll(windows.Select(w => ReadAsync(w, "", 0, cancellationToken))).ConfigureAwait(false);
        var shown = read.Where(w => w is not null && w.States.IsShowing).Select(w => w!).ToList();
        AssignPaths(shown, "");
        return shown;
    }

    /// <summary>One element and what is under it.</summary>
    public async Task<AtSpiElement?> ReadAsync(AccessibleRef target, string parentPath, int depth, CancellationToken cancellationToken)
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
            var showing = states.IsShowing || role == "application";
            var boxTask = showing && interfaces.Contains("org.a11y.atspi.Component") ? connection.GetExtentsAsync(target, cancellationToken) : null;
            var valueTask = showing ? ReadValueAsync(target, role, interfaces, cancellationToken) : null;
            var childrenTask = showing && !IsLeaf(role) ? connection.GetChildrenAsync(target, cancellationToken) : null;
            var element = new AtSpiElement
            {
                Ref = target,
                RoleName = role,
                Name = Clean(nameTask.Result),
                Description = Clean(descriptionTask.Result),
                States = states,
                Interfaces = interfaces,
                Box = boxTask is null ? null : await boxTask.ConfigureAwait(false),
                Value = valueTask is null ? null : await valueTask.ConfigureAwait(false),
            };
            if (childrenTask is not null)
            {
                var children = await childrenTask.ConfigureAwait(false);
                var read = await Task.WhenAll(children.Select(c => ReadAsync(c, "", depth + 1, cancellationToken))).ConfigureAwait(false);
                element.Children.AddRange(read.Where(c => c is not null && (c.States.IsShowing || c.Children.Count > 0))!);
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

    // Menus' items are read when the menu is open (showing); an image's children are never interesting.
    private static bool IsLeaf(string role) => role is "separator" or "image" or "icon";

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

    private static string Clean(string text) => text.Replace('\n', ' ').Replace('\r', ' ').Trim();
}
