using ActionAgent.Core.Observation;

namespace ActionAgent.Planning.Offline;

/// <summary>An observation as a navigable tree: every node knows its parent and its nearby label text.</summary>
public sealed partial class PageModel
{
    private static readonly HashSet<string> FieldRoles = new(StringComparer.Ordinal)
    {
        "textbox", "searchbox", "combobox", "spinbutton", "listbox", "checkbox", "radio", "switch", "slider",
    };

    private PageModel(UiObservation observation, List<PageNode> roots, List<PageNode> all)
    {
        Observation = observation;
        Roots = roots;
        All = all;
    }

    /// <summary>The observation.</summary>
    public UiObservation Observation { get; }

    /// <summary>The top-level nodes.</summary>
    public IReadOnlyList<PageNode> Roots { get; }

    /// <summary>Every node in document order.</summary>
    public IReadOnlyList<PageNode> All { get; }

    /// <summary>Builds the model of an observation (parsing its snapshot text when it has no parsed nodes).</summary>
    public static PageModel From(UiObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        var nodes = observation.Nodes.Count > 0 || string.IsNullOrEmpty(observation.SnapshotText)
            ? observation.Nodes
            : AriaSnapshotParser.Parse(observation.SnapshotText);
        var all = new List<PageNode>();
        var roots = new List<PageNode>();
        foreach (var node in nodes) roots.Add(Build(node, null, all));
        PlaceProbedClickables(roots, all);
        foreach (var node in all) node.NearbyText = FindNearbyText(node);
        // A text that is another field's name is that field's label, not this one's context: a grid that lists its
        // labels before its entries ("Name", "City", then both boxes) would otherwise read the Name box as "Name City".
        var fieldNames = all.Where(n => FieldRoles.Contains(n.Role) && n.Name.Length > 0).Select(n => LabelWords(n.Name)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var node in all.Where(n => FieldRoles.Contains(n.Role) && n.Name.Length > 0 && n.NearbyText.Length > 0))
        {
            if (fieldNames.Contains(LabelWords(node.NearbyText)) && !string.Equals(LabelWords(node.NearbyText), LabelWords(node.Name), StringComparison.OrdinalIgnoreCase)) node.NearbyText = "";
        }
        return new PageModel(observation, roots, all);
    }

    private static PageNode Build(UiNode node, PageNode? parent, List<PageNode> all)
    {
        var page = new PageNode(node, parent, all.Count);
        all.Add(page);
        foreach (var child in node.Children) page.Children.Add(Build(child, page, all));
        return page;
    }

    /// <summary>Nodes with the role.</summary>
    public IEnumerable<PageNode> WithRole(params string[] roles) => All.Where(n => roles.Contains(n.Role, StringComparer.Ordinal));

    /// <summary>The main heading (first h1, else first heading), for telling pages apart.</summary>
    public string MainHeading =>
        (All.FirstOrDefault(n => n.Role == "heading" && n.Node.Attributes.TryGetValue("level", out var l) && l == "1")
         ?? All.FirstOrDefault(n => n.Role == "heading"))?.Name ?? "";

    /// <summary>A short signature of what the page shows: location, main heading and the interactive names.</summary>
    public string Signature() =>
        Observation.Location + "|" + MainHeading + "|" + string.Join(",", All.Where(n => IsInteractive(n)).Select(n => n.Role + ":" + n.Name).Take(40));

    /// <summary>
    /// The containers of the page, with their text: rows, list items, cards (articles), dialogs, sections (regions,
    /// groups, forms), menus, tab panels and tree items. A target can be scoped to one of them ("the row for Porto").
    /// </summary>
    public IEnumerable<PageNode> Containers => All.Where(IsContainer);

    /// <summary>Whether the node groups other content a goal can point at.</summary>
    public static bool IsContainer(PageNode node) => node.Role is "listitem" or "row" or "article" or "dialog" or "alertdialog" or "region"
        or "group" or "form" or "menu" or "menubar" or "tabpanel" or "treeitem" or "list" or "table" or "grid" or "listbox" or "navigation"
        or "complementary" or "main" or "tree" or "radiogroup" or "iframe" || (node.Role == "generic" && node.Children.Count >= 2 && node.Children.Any(c => IsInteractive(c) || c.IsRolelessClickable || c.Role is "text" or "paragraph" or "heading"));

    /// <summary>
    /// Repeated items: the children of one parent that share a role (list items, rows, articles, cards) and number at
    /// least two, the largest such set first. A feed, a todo list or a results table.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<PageNode>> Collections()
    {
        var sets = new List<IReadOnlyList<PageNode>>();
        foreach (var siblings in All.Select(p => (IReadOnlyList<PageNode>)p.Children).Prepend(Roots))
        {
            foreach (var group in siblings.Where(c => c.Role is "listitem" or "row" or "article" or "group" or "generic" or "treeitem" or "option")
                .GroupBy(c => c.Role))
            {
                var items = group.Where(c => c.InnerText().Length > 0).ToList();
                if (group.Key == "row") items = [.. items.Where(r => !r.Children.Any(c => c.Role == "columnheader"))];
                if (group.Key is "generic" && items.Any(i => i.Children.Count == 0)) continue;
                if (items.Count >= 2) sets.Add(items);
            }
        }
        return [.. sets.OrderByDescending(s => s.Count)];
    }

    /// <summary>Whether a person can act on the node (a control, not plain text).</summary>
    public static bool IsInteractive(PageNode node) =>
        FieldRoles.Contains(node.Role) || node.Role is "button" or "link" or "option" or "menuitem" or "tab" or "menuitemcheckbox" or "menuitemradio";

    private static string LabelWords(string text) => text.Trim().TrimEnd(':', '*').Trim();

    // "From" in a text sibling just before an unnamed field, or the group's name for a field inside a group.
    private static string FindNearbyText(PageNode node)
    {
        if (!FieldRoles.Contains(node.Role) && node.Role != "button") return "";
        for (var container = node.Parent; container is not null; container = container.Parent)
        {
            var index = container.Children.FindIndex(c => c == node || c.DescendantsAndSelf().Contains(node));
            for (var i = index - 1; i >= 0; i--)
            {
                var sibling = container.Children[i];
                if (IsInteractive(sibling) || sibling.DescendantsAndSelf().Any(n => IsInteractive(n) || n.IsRolelessClickable)) return "";
                // A list or table before a button is content, not its label ("Checkout" after the cart's items).
                if (sibling.Role is "list" or "listitem" or "table" or "grid" or "row" or "article" or "rowgroup") return "";
                var text = sibling.InnerText();
                if (text.Length is > 0 and < 80) return text;
            }
            if (container.Role is "group" or "radiogroup" or "form" or "dialog" or "region") return container.Name;
            if (container.Children.Count(c => c.DescendantsAndSelf().Any(IsInteractive)) > 1) return "";
        }
        return "";
    }
}
