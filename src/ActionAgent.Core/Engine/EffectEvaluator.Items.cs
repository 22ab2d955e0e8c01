using System.Text;
using ActionAgent.Core.Actions;
using ActionAgent.Core.Goals;
using ActionAgent.Core.Observation;

namespace ActionAgent.Core.Engine;

// The right item: a goal that names an item ("Follow @eli", "the file budget.xlsx in 2026", "every photo by @ana",
// "the messages from Billing") is reached only by acting inside that item. An item is a list item, row, article,
// tree item or option; the words that name it are its own text and the text of the items and named containers
// (a dialog, a region, a group) around it.
public static partial class EffectEvaluator
{
    private static readonly HashSet<string> NamedContainerRoles = new(StringComparer.Ordinal)
    {
        "group", "region", "dialog", "alertdialog", "form", "list", "tree", "tabpanel", "grid", "table", "navigation", "complementary", "menu", "rowgroup",
    };

    private static readonly HashSet<string> ScopeFiller = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "of", "to", "for", "on", "in", "at", "by", "from", "with", "and", "or", "my", "your", "all", "every", "each", "both", "one", "ones",
        "that", "this", "these", "those", "which", "who", "is", "are", "was", "were", "as", "it", "its", "their", "his", "her",
    };

    /// <summary>Whether a word of a scope only frames it ("the", "by", "every", "their"): it names no item and no kind of item.</summary>
    /// <param name="word">A lower-case word.</param>
    /// <returns>Whether it is such a word.</returns>
    public static bool IsScopeFiller(string word) => ScopeFiller.Contains(word);

    /// <summary>
    /// The words of the goal that name one item rather than a kind of thing: handles (@ana), numbers (#10440, 2026),
    /// file names (budget.xlsx), names written with a capital in a scope ("from Billing", "the row for Porto"), and a
    /// quoted item of a goal that acts on items. Normalised like the page's text.
    /// </summary>
    internal static IReadOnlyList<string> NamedTokens(SubGoal goal)
    {
        var tokens = new List<string>();
        Add(goal.Scope, scope: true);
        Add(goal.Object, scope: false);
        if (goal.Family is ActionFamily.Activate or ActionFamily.Pick or ActionFamily.Read or ActionFamily.Hover or ActionFamily.Expand or ActionFamily.Navigate)
        {
            // A quoted item ("Open "Q3 report"") and a long number ("in Documents > 2026") name the item too.
            foreach (var value in goal.Values.Where(v => v.Kind == GoalValueKind.Text && v.Label is null && v.Text.Length >= 2 ||
                v.Kind == GoalValueKind.Number && v.Text.Count(char.IsDigit) >= 3))
            {
                var phrase = Normalise(value.Text);
                if (phrase.Length > 0 && !tokens.Contains(phrase)) tokens.Add(phrase);
            }
        }
        return tokens;

        void Add(string? text, bool scope)
        {
            if (string.IsNullOrWhiteSpace(text)) return;
            foreach (var raw in text.Split([' ', '\t', ',', ';', '>', '(', ')', '"', '“', '”', '\'', '’', '/', '|'], StringSplitOptions.RemoveEmptyEntries))
            {
                var word = raw.Trim('.', ':', '!', '?', '-');
                if (word.Length < 2) continue;
                var distinctive = word[0] is '@' or '#' && word.Length > 2
                    || (word.All(char.IsDigit) && word.Length >= 3)
                    || (word.Contains('.', StringComparison.Ordinal) && word.Any(char.IsLetter) && !word.EndsWith('.'))
                    || (scope && char.IsUpper(word[0]) && word.Skip(1).Any(char.IsLower) && !ScopeFiller.Contains(word.ToLowerInvariant()));
                var token = Normalise(word);
                if (distinctive && token.Length > 0 && !tokens.Contains(token)) tokens.Add(token);
            }
        }
    }

    private static EffectEvidence? RightItem(SubGoal goal, EffectStep? step)
    {
        if (step is null || !IsUnspecific(goal.Effect) || !ActsOnItems(goal)) return null;
        var tokens = NamedTokens(goal);
        if (tokens.Count == 0) return null;
        var named = string.Join(", ", tokens.Select(t => $"\"{t}\""));
        if (step.Step.Target is not { } target) return new(false, $"the step acted on no element, and the goal names {named}");
        var path = PathTo(step.Before, target);
        if (path is null) return new(false, $"it cannot be told which element the step acted on ({target}), and the goal names {named}");
        var chain = ChainText(path);
        var missing = tokens.Where(t => Occurrences(chain, t) == 0).ToList();
        var acted = path[^1];
        var item = path.Where((n, i) => IsItem(n, i > 0 ? path[i - 1] : null)).LastOrDefault();
        if (missing.Count == 0)
        {
            if (item is not null && !InScopeItems(goal, step.Before).Any(i => ReferenceEquals(i.Node, item)))
            {
                return new(false, $"the step acted on {Describe(acted)} in \"{Short(OwnText(item))}\", which names {named} but does not fit \"{goal.Scope}\"");
            }
            return new(true, $"the step acted on {Describe(acted)}{(item is null ? "" : $" in \"{Short(OwnText(item))}\"")}, which names {named}");
        }
        if (item is null && BulkSelection(goal, step.Before) is { Observed: true } bulk) return bulk;
        return new(false, $"the step acted on {Describe(acted)}{(item is null ? " outside any item" : $" in \"{Short(OwnText(item))}\"")}, " +
            $"which does not name {string.Join(", ", missing.Select(t => $"\"{t}\""))}");
    }

    /// <summary>
    /// "Every photo by @ana": each item that fits changed (a like, a tick, a new state, or it is gone) and no other
    /// item did. Judged from the sub-goal's baseline, so it holds only once the last of them is done.
    /// </summary>
    private static EffectEvidence? EveryItemInScope(SubGoal goal, UiObservation before, UiObservation after)
    {
        if (goal.Qualifiers.Quantity != Quantity.All || !ActsOnItems(goal)) return null;
        var tokens = NamedTokens(goal);
        if (tokens.Count == 0) return null;
        var inScope = InScopeItems(goal, before);
        if (inScope.Count == 0) return new(false, $"no item names {string.Join(", ", tokens.Select(t => $"\"{t}\""))}");
        var was = ItemPaths(before, innermost: true);
        var now = ItemPaths(after, innermost: true);
        // A screen with no items (the flow moved on: "Done" opened another page) shows no item's change, right or wrong.
        if (now.Count == 0 && goal.Effect.Kind != EffectKind.ItemDisappeared)
        {
            return new(false, $"no item is on the screen any more, so it cannot show that each item that fits \"{goal.Scope ?? goal.Object}\" changed");
        }
        var paired = was.Count == now.Count;
        var unchanged = new List<string>();
        var alsoChanged = new List<string>();
        for (var i = 0; i < was.Count; i++)
        {
            var changed = paired ? Signature(was[i].Node) != Signature(now[i].Node) : !now.Any(n => Signature(n.Node) == Signature(was[i].Node));
            var fits = inScope.Any(s => ReferenceEquals(s.Node, was[i].Node));
            if (fits && !changed) unchanged.Add(Short(OwnText(was[i].Node)));
            if (!fits && changed && paired) alsoChanged.Add(Short(OwnText(was[i].Node)));
        }
        if (unchanged.Count > 0)
        {
            return new(false, $"{unchanged.Count} of the {inScope.Count} item(s) that fit \"{goal.Scope ?? goal.Object}\" did not change (\"{unchanged[0]}\")");
        }
        if (alsoChanged.Count > 0)
        {
            return new(false, $"an item that does not fit \"{goal.Scope ?? goal.Object}\" changed too (\"{alsoChanged[0]}\")");
        }
        return new(true, $"each of the {inScope.Count} item(s) that fit \"{goal.Scope ?? goal.Object}\" changed, and no other item did");
    }

    /// <summary>A bulk action (a toolbar's "Mark as read"): fine when exactly the items that fit are ticked or selected.</summary>
    private static EffectEvidence? BulkSelection(SubGoal goal, UiObservation screen)
    {
        var inScope = InScopeItems(goal, screen);
        if (inScope.Count == 0) return null;
        var items = ItemPaths(screen, innermost: true);
        var selected = items.Where(i => IsOn(i.Node) || i.Node.DescendantsAndSelf().Any(d => ToggleRoles.Contains(d.Role) && IsOn(d))).ToList();
        var fits = selected.Count == inScope.Count && selected.All(s => inScope.Any(i => ReferenceEquals(i.Node, s.Node)));
        return fits
            ? new(true, $"the {inScope.Count} item(s) that fit \"{goal.Scope ?? goal.Object}\" were selected, and no other item")
            : new(false, $"{selected.Count} item(s) were selected where {inScope.Count} fit \"{goal.Scope ?? goal.Object}\"");
    }

    /// <summary>The innermost items whose own words and surroundings name every token, narrowed by the scope's other words where they tell items apart ("photo").</summary>
    private static List<(UiNode Node, List<UiNode> Path)> InScopeItems(SubGoal goal, UiObservation screen)
    {
        var tokens = NamedTokens(goal);
        var candidates = ItemPaths(screen, innermost: false).Where(i => tokens.All(t => Occurrences(ChainText(i.Path), t) > 0)).ToList();
        // Innermost: an item whose nested item also fits is a folder, not the thing named.
        candidates = [.. candidates.Where(c => !candidates.Any(o => !ReferenceEquals(o.Node, c.Node) && o.Path.Contains(c.Node)))];
        foreach (var word in Words(goal.Scope).Where(w => !ScopeFiller.Contains(w) && !tokens.Contains(w)).Select(Stem).Distinct(StringComparer.Ordinal))
        {
            var having = candidates.Where(c => Words(ChainText(c.Path)).Select(Stem).Contains(word)).ToList();
            if (having.Count > 0 && having.Count < candidates.Count) candidates = having;
        }
        return candidates;
    }

    private static List<(UiNode Node, List<UiNode> Path)> ItemPaths(UiObservation screen, bool innermost)
    {
        var items = new List<(UiNode Node, List<UiNode> Path)>();
        var path = new List<UiNode>();
        foreach (var root in screen.Nodes) Walk(root);
        return innermost ? [.. items.Where(i => !items.Any(o => !ReferenceEquals(o.Node, i.Node) && o.Path.Contains(i.Node)))] : items;

        void Walk(UiNode node)
        {
            path.Add(node);
            if (IsItem(node, path.Count > 1 ? path[^2] : null)) items.Add((node, [.. path]));
            foreach (var child in node.Children) Walk(child);
            path.RemoveAt(path.Count - 1);
        }
    }

    /// <summary>
    /// The path from a root to the node the target names: by reference, else by role and name, else by text. Several
    /// matches count only when they lie on one path (a tree item and its clickable label); a "Like" in every post does
    /// not say which one was meant.
    /// </summary>
    internal static List<UiNode>? PathTo(UiObservation screen, ElementTarget target)
    {
        var paths = new List<List<UiNode>>();
        if (target.Ref is { Length: > 0 } r) Collect(n => n.Ref == r);
        // A role-less clickable the browser's probe found is known by its CSS path.
        if (paths.Count == 0 && target.Css is { Length: > 0 } css) Collect(n => n.Attributes.TryGetValue("css", out var c) && c == css);
        if (paths.Count == 0)
        {
            var name = target.Name ?? target.Text;
            if (string.IsNullOrWhiteSpace(name)) return null;
            Collect(n => n.Name == name && (target.Role is null || n.Role == target.Role));
        }
        if (paths.Count == 0) return null;
        var longest = paths.MaxBy(p => p.Count)!;
        if (!paths.All(p => p.All(longest.Contains))) return null;
        // A probed clickable stands alone at the end of the snapshot: the tree item or row named like it whose box
        // holds it is where it is (the <span> "📄 budget.xlsx" of the treeitem "📄 budget.xlsx").
        if (longest is [{ } alone] && alone.Flags.Contains("clickable") && OwnerOf(screen, alone) is { } owner) return [.. owner, alone];
        return longest;

        void Collect(Func<UiNode, bool> match)
        {
            var path = new List<UiNode>();
            foreach (var root in screen.Nodes) Walk(root);

            void Walk(UiNode node)
            {
                path.Add(node);
                if (match(node)) paths.Add([.. path]);
                foreach (var child in node.Children) Walk(child);
                path.RemoveAt(path.Count - 1);
            }
        }
    }

    private static List<UiNode>? OwnerOf(UiObservation screen, UiNode probed)
    {
        List<UiNode>? best = null;
        var path = new List<UiNode>();
        foreach (var root in screen.Nodes) Walk(root);
        return best;

        void Walk(UiNode node)
        {
            path.Add(node);
            if (node != probed && ItemRoles.Contains(node.Role) && string.Equals(node.Name.Trim(), probed.Name.Trim(), StringComparison.Ordinal) &&
                probed.Box is { } box && node.Box?.Holds(box) == true && (best is null || path.Count > best.Count)) best = [.. path];
            foreach (var child in node.Children) Walk(child);
            path.RemoveAt(path.Count - 1);
        }
    }

    /// <summary>The words that name what a path ends at: its own text, the own text of each item around it, the names of the containers around it.</summary>
    private static string ChainText(List<UiNode> path)
    {
        var last = path[^1];
        var text = new StringBuilder(IsItem(last, path.Count > 1 ? path[^2] : null) ? OwnText(last) : last.InnerText());
        // A probed clickable stands alone at the end of the snapshot; the probe wrote the text of the box around it
        // ("Fibre 100 €29 a month What you get").
        if (last.Attributes.TryGetValue("ctx", out var around) && around.Length > 0) text.Append(" | ").Append(around);
        for (var i = 0; i < path.Count - 1; i++)
        {
            var node = path[i];
            if (IsItem(node, i > 0 ? path[i - 1] : null)) text.Append(" | ").Append(OwnText(node));
            else if (NamedContainerRoles.Contains(node.Role) && node.Name.Length > 0) text.Append(" | ").Append(node.Name);
        }
        return Normalise(text.ToString());
    }

    /// <summary>An item's text without the items nested in it (a folder's own name, not its files').</summary>
    private static string OwnText(UiNode item)
    {
        var parts = new List<string>();
        Collect(item, null, top: true);
        return string.Join(" ", parts.Distinct(StringComparer.Ordinal));

        void Collect(UiNode node, UiNode? parent, bool top)
        {
            if (!top && IsItem(node, parent)) return;
            if (!string.IsNullOrWhiteSpace(node.Name)) parts.Add(node.Name);
            if (!string.IsNullOrWhiteSpace(node.Value)) parts.Add(node.Value);
            foreach (var child in node.Children) Collect(child, node, top: false);
        }
    }

    /// <summary>
    /// "Add Thyme to my favourites" where the page keeps no favourites list: the one item that names the value stays
    /// where it is, and its control for the collection changed (♡ → ♥, "Add to cart" → "In cart", pressed). The
    /// collection must be named by a control of that item, so another change of the item is not taken for it.
    /// </summary>
    private static EffectEvidence? MarkedInPlace(string value, string? subject, UiObservation before, UiObservation after)
    {
        var collection = Words(subject).Where(w => !ScopeFiller.Contains(w)).Select(Stem).ToList();
        if (collection.Count == 0) return null;
        var wanted = Normalise(value);
        var was = ItemPaths(before, innermost: true);
        var now = ItemPaths(after, innermost: true);
        if (was.Count != now.Count) return null;
        var naming = Enumerable.Range(0, was.Count).Where(i => Occurrences(Normalise(OwnText(was[i].Node)), wanted) > 0).ToList();
        if (naming.Count != 1) return null;
        var (old, current) = (was[naming[0]].Node, now[naming[0]].Node);
        if (Occurrences(Normalise(OwnText(current)), wanted) == 0) return null;
        string Controls(UiNode item) => string.Join(" | ", item.DescendantsAndSelf().Where(d => CardControlRoles.Contains(d.Role))
            .Select(d => $"{d.Role}:{d.Name}:{d.InnerText()}:{(IsOn(d) ? "on" : "off")}"));
        var namesCollection = old.DescendantsAndSelf().Concat(current.DescendantsAndSelf()).Where(d => CardControlRoles.Contains(d.Role))
            .Any(d => Words(d.Name + " " + d.InnerText()).Select(Stem).Any(collection.Contains));
        if (!namesCollection || Controls(old) == Controls(current)) return null;
        return new(true, $"the item \"{Short(OwnText(current))}\" now shows its control for \"{subject}\" changed (was \"{Short(Controls(old))}\")");
    }

    private static readonly HashSet<string> CardControlRoles = new(StringComparer.Ordinal) { "button", "link", "checkbox", "switch", "radio", "menuitem" };

    /// <summary>
    /// An item: a node with an item role (list item, row, article, tree item, option), or a card of a repeated list
    /// built from plain boxes: a role-less box whose parent holds another box of the same shape (the same roles of
    /// children, in order), with text and a control of its own ("Dev · Too small for me. · Helpful", one of twelve).
    /// </summary>
    private static bool IsItem(UiNode node, UiNode? parent)
    {
        if (ItemRoles.Contains(node.Role)) return true;
        if (node.Role != "generic" || parent is null || node.Children.Count < 2) return false;
        var shape = Shape(node);
        if (parent.Children.Count(c => c.Role == "generic" && Shape(c) == shape) < 2) return false;
        return node.Children.Any(c => c.DescendantsAndSelf().Any(d => CardControlRoles.Contains(d.Role))) &&
            node.Children.Any(c => !CardControlRoles.Contains(c.Role) && c.InnerText().Trim().Length > 0);

        static string Shape(UiNode n) => string.Join(",", n.Children.Select(c => c.Role));
    }

    private static string Signature(UiNode item) =>
        item.InnerText() + "|" + string.Join(",", item.DescendantsAndSelf().Where(IsOn).Select(n => n.Role + ":" + n.Name));

    private static string Short(string text) => text.Length <= 80 ? text : text[..77] + "…";
}
