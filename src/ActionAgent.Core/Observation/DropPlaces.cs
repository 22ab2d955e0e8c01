using System.Text;

namespace ActionAgent.Core.Observation;

/// <summary>Where in its place a dragged item should end up: anywhere inside, or first or last among the items there.</summary>
public enum DropPosition
{
    /// <summary>Anywhere inside the place ("to Done", "into the Archive folder").</summary>
    Inside,
    /// <summary>First among the place's items ("to the top of the list").</summary>
    First,
    /// <summary>Last among the place's items ("to the bottom of the list").</summary>
    Last,
}

/// <summary>A drag's destination in words, read as a place and a position in it.</summary>
/// <param name="Place">The place's own words ("Done", "list"), without articles or position words.</param>
/// <param name="Position">Where in the place.</param>
public sealed record DropDestination(string Place, DropPosition Position);

/// <summary>
/// Finds, on an accessibility tree, the item a drag moves and the place it goes to, by words alone: the item is the
/// node whose whole text is the item's name; the place is a container named like the destination (its accessible
/// name, or the caption it starts with: a column's header, a list's heading). The planner uses these to choose what
/// to drag and where; the evidence rule uses them to see the item inside the place afterwards. No site knowledge.
/// </summary>
public static class DropPlaces
{
    private static readonly HashSet<string> Articles = new(StringComparer.Ordinal) { "the", "a", "an", "my", "your", "our", "its", "this", "that" };

    // Words that say what kind of container a place is, not which one ("the Done column", "the Archive folder").
    private static readonly HashSet<string> KindWords = new(StringComparer.Ordinal)
    {
        "column", "columns", "lane", "lanes", "swimlane", "list", "lists", "board", "folder", "group", "section", "bucket", "stage",
        "pile", "area", "zone", "panel", "category", "tray", "box", "card", "cards", "item", "items", "row", "queue", "stack",
    };

    private static readonly HashSet<string> ItemRoles = new(StringComparer.Ordinal) { "listitem", "row", "article", "treeitem", "option", "gridcell", "cell" };

    private static readonly HashSet<string> CaptionRoles = new(StringComparer.Ordinal) { "heading", "strong", "text", "generic", "paragraph", "caption", "columnheader", "emphasis", "label" };

    /// <summary>Reads "the top of the list", "the bottom of To do", "Done" into a place and a position.</summary>
    public static DropDestination Parse(string destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var words = Words(destination).Where(w => !Articles.Contains(w)).ToList();
        if (words.Count > 0 && words[0] == "very") words.RemoveAt(0);
        var position = DropPosition.Inside;
        if (words.Count > 0 && words[0] is "top" or "start" or "beginning" or "head" or "front" or "first")
        {
            position = DropPosition.First;
        }
        else if (words.Count > 0 && words[0] is "bottom" or "end" or "tail" or "last")
        {
            position = DropPosition.Last;
        }
        if (position != DropPosition.Inside)
        {
            words.RemoveAt(0);
            if (words.Count > 0 && words[0] is "place" or "position" or "spot") words.RemoveAt(0);
            if (words.Count > 0 && words[0] == "of") words.RemoveAt(0);
            words.RemoveAll(Articles.Contains);
        }
        return new(string.Join(' ', words), position);
    }

    /// <summary>
    /// The nodes (with refs) whose whole text is the item: "Bread" matches <c>listitem: ☰ Bread</c> but not "Bread rolls".
    /// Item roles come first, then the deepest node; a node holding other nodes that match is not the item itself.
    /// </summary>
    public static IReadOnlyList<UiNode> FindItems(IEnumerable<UiNode> roots, string item)
    {
        ArgumentNullException.ThrowIfNull(roots);
        var wanted = Normalise(item);
        if (wanted.Length == 0) return [];
        var found = new List<(UiNode Node, int Depth)>();
        foreach (var root in roots) Walk(root, 0);
        return [.. found.OrderByDescending(f => ItemRoles.Contains(f.Node.Role)).ThenByDescending(f => f.Depth).Select(f => f.Node)];

        void Walk(UiNode node, int depth)
        {
            if (node.Ref is not null && Normalise(node.InnerText()) == wanted) found.Add((node, depth));
            foreach (var child in node.Children) Walk(child, depth + 1);
        }
    }

    /// <summary>
    /// The containers (with refs) the place names, best first: a node whose accessible name, or whose first caption
    /// (a heading, a bold line), has exactly the place's words, setting aside kind words ("column", "folder").
    /// </summary>
    public static IReadOnlyList<UiNode> FindPlaces(IEnumerable<UiNode> roots, string place)
    {
        ArgumentNullException.ThrowIfNull(roots);
        var wanted = Key(place);
        if (wanted.Length == 0) return [];
        var byName = new List<UiNode>();
        var byCaption = new List<UiNode>();
        foreach (var root in roots) Walk(root);
        return [.. byName.Concat(byCaption).Distinct()];

        void Walk(UiNode node)
        {
            if (node.Ref is not null && node.Children.Count > 0)
            {
                if (node.Role is not ("heading" or "button" or "link") && Key(node.Name) == wanted) byName.Add(node);
                else if (node.Name.Length == 0 && Caption(node) is { } caption && Key(caption) == wanted) byCaption.Add(node);
            }
            foreach (var child in node.Children) Walk(child);
        }
    }

    /// <summary>The items of the list that holds <paramref name="item"/>: its siblings of the same role, in order (the item included).</summary>
    public static IReadOnlyList<UiNode> Siblings(IEnumerable<UiNode> roots, UiNode item)
    {
        ArgumentNullException.ThrowIfNull(roots);
        ArgumentNullException.ThrowIfNull(item);
        foreach (var root in roots)
        {
            if (ParentOf(root, item) is { } parent) return [.. parent.Children.Where(c => c.Role == item.Role && c.Ref is not null)];
        }
        return [];
    }

    /// <summary>The node directly holding <paramref name="node"/> under <paramref name="root"/>, or null.</summary>
    public static UiNode? ParentOf(UiNode root, UiNode node)
    {
        ArgumentNullException.ThrowIfNull(root);
        foreach (var child in root.Children)
        {
            if (ReferenceEquals(child, node)) return root;
            if (ParentOf(child, node) is { } found) return found;
        }
        return null;
    }

    /// <summary>Whether <paramref name="node"/> is <paramref name="container"/> or inside it.</summary>
    public static bool IsInside(UiNode node, UiNode container)
    {
        ArgumentNullException.ThrowIfNull(container);
        return container.DescendantsAndSelf().Any(n => ReferenceEquals(n, node));
    }

    /// <summary>A container's caption: the text of its first child when that child is a caption-like leaf (a column's header).</summary>
    public static string? Caption(UiNode container)
    {
        ArgumentNullException.ThrowIfNull(container);
        var first = container.Children.FirstOrDefault();
        if (first is null || !CaptionRoles.Contains(first.Role)) return null;
        if (first.Children.Count > 0 && first.Role != "heading") return null;
        var text = first.InnerText();
        return text.Length == 0 ? null : text;
    }

    private static string Key(string text) => string.Join(' ', Words(text).Where(w => !Articles.Contains(w) && !KindWords.Contains(w)));

    private static string Normalise(string text) => string.Join(' ', Words(text));

    private static List<string> Words(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrEmpty(text)) return words;
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) || c is '@' or '\'' || c == '.' && current.Length > 0) current.Append(char.ToLowerInvariant(c));
            else Flush();
        }
        Flush();
        return words;

        void Flush()
        {
            var word = current.ToString().TrimEnd('.');
            if (word.Length > 0) words.Add(word);
            current.Clear();
        }
    }
}
