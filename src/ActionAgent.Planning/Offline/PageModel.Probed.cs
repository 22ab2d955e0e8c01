namespace ActionAgent.Planning.Offline;

// The browser's DOM probe appends role-less clickables (a <span> "Remove" with a click handler) at the end of the
// snapshot, each with the text around it ([ctx=…]: its list entry, card or row). Putting each one back inside the
// smallest node whose text holds that context lets a scope ("the tea towel", "the Basic plan") find it.
public sealed partial class PageModel
{
    private static void PlaceProbedClickables(List<PageNode> roots, List<PageNode> all)
    {
        foreach (var probed in roots.Where(r => r.Node.Flags.Contains("clickable") || r.Node.Attributes.ContainsKey("clickable")).ToList())
        {
            // The element that carries a tree item's or list entry's click (a <span> "📁 Documents" inside the
            // treeitem "📁 Documents"): the item named like it whose box holds it.
            var owner = all.Where(n => n != probed && n.Role is "treeitem" or "listitem" or "row" or "cell" or "gridcell" or "option" or "article" &&
                    string.Equals(n.Name.Trim(), probed.Name.Trim(), StringComparison.Ordinal) && probed.Node.Box is { } box && n.Node.Box?.Holds(box) == true)
                .OrderByDescending(n => n.Ancestors().Count()).FirstOrDefault();
            if (owner is not null)
            {
                roots.Remove(probed);
                probed.Parent = owner;
                owner.Children.Insert(0, probed);
                continue;
            }
            if (!probed.Node.Attributes.ContainsKey("ctx")) continue;
            var own = TextTokens.Words(probed.Name).ToHashSet(StringComparer.Ordinal);
            var context = TextTokens.Words(probed.Node.Attributes["ctx"]).Where(w => !own.Contains(w)).ToList();
            if (context.Count == 0) continue;
            var home = all
                .Where(n => n != probed && n.Children.Count + (n.Value is null ? 0 : 1) > 0 && !IsInteractive(n) && n.Role is not ("text" or "paragraph" or "heading"))
                .Where(n => Holds(n, context))
                .OrderByDescending(n => n.Ancestors().Count())
                .FirstOrDefault();
            if (home is null) continue;
            roots.Remove(probed);
            probed.Parent = home;
            home.Children.Add(probed);
        }
    }

    private static bool Holds(PageNode node, List<string> words)
    {
        var text = TextTokens.Words(node.InnerText()).ToHashSet(StringComparer.Ordinal);
        return words.All(text.Contains);
    }
}
