using System.Globalization;
using System.Text.RegularExpressions;
using ActionAgent.Core.Actions;
using ActionAgent.Core.Engine;
using ActionAgent.Core.Goals;
using ActionAgent.Core.Ports;

namespace ActionAgent.Planning.Offline;

// Sub-goals about items of a collection ("the second task", "every photo by @ana", "the cheapest row"), scopes
// ("in the dialog", "the row for Porto"), and controls hidden until hover or inside collapsed sections.
public sealed partial class OfflinePlanner
{
    // Words of a scope or object that name the kind of container, not which one ("the post by @ana" → "ana").
    private static readonly HashSet<string> ContainerNouns = new(StringComparer.Ordinal)
    {
        "post", "row", "item", "card", "entry", "section", "panel", "photo", "picture", "image", "task", "todo", "one", "result", "line",
        "message", "mail", "email", "comment", "tweet", "product", "by", "from", "posted", "written", "called", "named", "labelled", "shared",
    };

    /// <summary>Whether the sub-goal is about items of a list (an ordinal, an ordering, a quantity, or a named item to act in).</summary>
    private static bool NeedsCollection(SubGoal goal, PageModel page)
    {
        // A filter or sort acts on the list's controls, never on one of its items ("the most expensive first" is an order).
        if (goal.Family is ActionFamily.EnterText or ActionFamily.Navigate or ActionFamily.Wait or ActionFamily.Choose or ActionFamily.Filter) return false;
        var q = goal.Qualifiers;
        if (q.Ordinal is not null || q.Ordering is not null || q.Quantity != Quantity.One || goal.Family == ActionFamily.Pick) return true;
        // "remove the item X", "tick off Y", "remove the tea towel": the item is named, and the action is inside it.
        return (goal.Family is ActionFamily.Remove or ActionFamily.Toggle or ActionFamily.Activate || EffectEvaluator.AsksForFile(goal)) && NamedItem(goal) is { } text &&
            page.Collections().Any(set => set.Count(i => Contains(i.InnerText(), text)) == 1 || goal.Family == ActionFamily.Remove && set.Any(i => Contains(i.InnerText(), text)));
    }

    /// <summary>The items the sub-goal points at, in the order they are acted on.</summary>
    private List<PageNode> TargetItems(SubGoal goal, PageModel page)
    {
        var sets = page.Collections();
        if (sets.Count == 0) return [];
        var named = NamedItem(goal);
        var scopeWords = ScopeWords(goal.Scope, page);
        var objectWords = DistinctWords(goal.Object);
        // The set whose items carry the named text, the scope's words or the object's words; else the largest set.
        IReadOnlyList<PageNode>? set = sets.FirstOrDefault(x => named is not null && x.Any(i => Contains(i.InnerText(), named)))
            ?? sets.FirstOrDefault(x => scopeWords.Count > 0 && x.Any(i => Covers(i, scopeWords, stems: true)))
            ?? sets.FirstOrDefault(x => goal.Object.Length > 0 && x.Any(i => i.Ancestors().Any(a => a.Role is "group" or "radiogroup" && Contains(a.Name, goal.Object))))
            ?? sets.FirstOrDefault(x => x.Any(i => ControlFor(goal, i) is not null))
            ?? (EffectEvaluator.AsksForFile(goal) ? FileSet(sets, objectWords) : sets[0]);
        if (set is null) return [];
        var items = set.Where(i => i.IsOnScreen || i.Node.Box is null).ToList();
        // "Only cheese and olives": the items the goal keeps are left alone.
        var keep = goal.Values.Where(v => v.IsException).Select(v => v.Text).ToList();
        if (keep.Count > 0) items = [.. items.Where(i => !keep.Any(k => Contains(i.InnerText(), k)))];
        var byName = named is not null && items.Any(i => Contains(i.InnerText(), named));
        if (byName) items = [.. items.Where(i => Contains(i.InnerText(), named!))];
        // A scope that no item holds names the list itself ("from the cart") once the item is named.
        if (scopeWords.Count > 0 && (!byName || items.Any(i => Covers(i, scopeWords, stems: true)))) items = [.. items.Where(i => Covers(i, scopeWords, stems: true))];
        items = NarrowedByScope(goal, items);
        items = OfTheKind(goal, items);
        items = ThatSay(goal, items);
        var q = goal.Qualifiers;
        items = WithinConstraints(goal, items);
        if (q.Ordering is { } ordering) items = Order(items, ordering);
        if (q.Ordinal is { } ordinal)
        {
            var at = ordinal > 0 ? ordinal - 1 : items.Count + ordinal;
            return at >= 0 && at < items.Count ? [items[at]] : [];
        }
        if (q.Quantity == Quantity.All) return items;
        if (q.Quantity == Quantity.Count && q.Count is { } count) return [.. items.Take(count)];
        // "The latest invoice as a PDF": the newest item that offers a file; one that opens to none (a reminder about
        // invoices) is passed over for the next, in order.
        if (EffectEvaluator.AsksForFile(goal)) return items;
        return items.Take(1).ToList();
    }

    /// <summary>
    /// "The cheapest kettle": the items whose title ends in the kind ("Nordic kettle"), not those where the kind only
    /// qualifies another thing ("kettle case (accessory)" is a case). Only when some items are of the kind and some not;
    /// titles that never end in it (rows of a timetable, "Kettle Pro 2000") rule nothing out.
    /// </summary>
    private static List<PageNode> OfTheKind(SubGoal goal, List<PageNode> items)
    {
        if (items.Count < 2 || NamedItem(goal) is not null) return items;
        if (TextTokens.Words(goal.Scope ?? goal.Object).LastOrDefault(w => w.Any(char.IsLetter)) is not { } word) return items;
        var kind = TextTokens.Stem(word);
        var ofKind = items.Where(i => TitleHead(i) is { } head && TextTokens.Stem(head) == kind).ToList();
        return ofKind.Count > 0 && ofKind.Count < items.Count ? ofKind : items;
    }

    /// <summary>
    /// "Every photo posted by @ana": the scope's other words ("photo") narrow its items where they tell them apart (a
    /// photo post from a text post), as the evidence rule does; a word every item or no item says rules nothing out.
    /// </summary>
    private static List<PageNode> NarrowedByScope(SubGoal goal, List<PageNode> items)
    {
        if (string.IsNullOrWhiteSpace(goal.Scope) || items.Count < 2) return items;
        foreach (var word in TextTokens.Words(goal.Scope).Where(w => w.Any(char.IsLetter) && !EffectEvaluator.IsScopeFiller(w)).Select(TextTokens.Stem).Distinct(StringComparer.Ordinal))
        {
            var having = items.Where(i => TextTokens.Words(i.InnerText()).Select(TextTokens.Stem).Contains(word)).ToList();
            if (having.Count > 0 && having.Count < items.Count) items = having;
        }
        return items;
    }

    /// <summary>
    /// "The latest invoice" among messages of which only some mention an invoice: the order or position is counted among
    /// those that say a word of the object. Only when some items do and some do not; items that never say it rule
    /// nothing out ("the shortest bus" in a timetable that never says "bus").
    /// </summary>
    private static List<PageNode> ThatSay(SubGoal goal, List<PageNode> items)
    {
        if (items.Count < 2 || NamedItem(goal) is not null || goal.Qualifiers is { Ordering: null, Ordinal: null }) return items;
        var words = DistinctWords(goal.Object).Where(w => w.Any(char.IsLetter)).Select(TextTokens.Stem).ToHashSet(StringComparer.Ordinal);
        if (words.Count == 0) return items;
        // Its own words: a card's "Select plan" button does not make it a plan that the others are not.
        var saying = items.Where(i => OwnStems(i).Overlaps(words)).ToList();
        return saying.Count > 0 && saying.Count < items.Count ? saying : items;
    }

    /// <summary>The last word of an item's title: its first text that is not a control's, with any "(…)" aside dropped.</summary>
    private static string? TitleHead(PageNode item)
    {
        var title = OwnNodes(item).Where(n => n != item && n.Children.Count == 0)
            .Select(n => n.Name.Length > 0 ? n.Name : n.Value ?? "")
            .FirstOrDefault(t => t.Any(char.IsLetter));
        // "Account statement · July 2026": a date after the title says when, not what.
        return title is null ? null : TextTokens.Words(Aside().Replace(title, " ")).LastOrDefault(w => w.Any(char.IsLetter) && DateExpressionParser.MonthOf(w) is null);
    }

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Aside();

    /// <summary>The next item of the sub-goal to act on, and the action in it; hovering the item when its control is hidden.</summary>
    private async Task<SearchAttempt?> CollectionCandidateAsync(SubGoal goal, PageModel page, CancellationToken cancellationToken)
    {
        var s = _run.Search!;
        if (Bulk(goal, page) is { } bulk) return bulk;
        foreach (var item in TargetItems(goal, page))
        {
            var itemKey = "item:" + ItemKey(item);
            if (s.DoneTargets.Contains(itemKey) || s.Tried.Contains(itemKey)) continue;
            var control = ControlFor(goal, item);
            if (control is null)
            {
                if (EffectEvaluator.AsksForFile(goal) && s.Revealed.Contains("hover:" + itemKey) && OpenForFile(goal, item, itemKey, page) is { } opened) return opened;
                if (s.Revealed.Add("hover:" + itemKey))
                {
                    // A control that shows only on hover (a todo's delete button): hover the item, then look again.
                    var hover = SearchStep(ActionKind.Hover, item, null, $"hover {Shorten(item.InnerText())} to reveal its controls", "the item");
                    return new SearchAttempt("hover:" + itemKey, hover, "the item shows no control for this yet; hover it", TargetKey: null) with { Key = "reveal" };
                }
                s.Tried.Add(itemKey);
                continue;
            }
            var (action, value) = ActionFor(goal, control);
            if (IsMultiTarget(goal) && action is ActionKind.Check or ActionKind.Uncheck && (control.Has("checked") || control.Node.Attributes.GetValueOrDefault("checked") == "true") == (action == ActionKind.Check))
            {
                s.DoneTargets.Add(itemKey); // one of several already as asked: nothing to do for it
                continue;
            }
            var step = SearchStep(action, control, value, goal.Text, ObjectWords(goal));
            var undo = action is ActionKind.Check or ActionKind.Uncheck ? step with { Action = action == ActionKind.Check ? ActionKind.Uncheck : ActionKind.Check } : null;
            return new SearchAttempt(itemKey, step, $"{control} in the item \"{Shorten(item.InnerText())}\"", undo,
                TargetKey: IsMultiTarget(goal) ? itemKey : null, TargetText: TargetSignature(control));
        }
        await Task.CompletedTask.ConfigureAwait(false);
        return null;
    }

    /// <summary>
    /// "Mark all the messages from Billing as read" on a list whose items have no such control of their own, only a box
    /// to select them, and one control above them that does it ("Mark as read"): tick exactly the items that fit (and
    /// clear any other), one step each, then press that control. Its evidence is the engine's: the items that fit were
    /// the ones selected, and each of them changed.
    /// </summary>
    private SearchAttempt? Bulk(SubGoal goal, PageModel page)
    {
        if (goal.Qualifiers.Quantity != Quantity.All || goal.Family is not (ActionFamily.Activate or ActionFamily.Remove)) return null;
        var s = _run.Search!;
        var targets = TargetItems(goal, page);
        if (targets.Count == 0 || targets.Any(i => ControlFor(goal, i) is not null)) return null;
        var set = page.Collections().FirstOrDefault(c => targets.All(c.Contains));
        if (set is null) return null;
        static PageNode? Box(PageNode item) => item.DescendantsAndSelf().FirstOrDefault(n => n.Role == "checkbox" && !n.IsDisabled);
        if (set.Any(i => Box(i) is null)) return null;
        var words = DistinctWords(goal.Family == ActionFamily.Remove ? $"{goal.Object} delete remove" : goal.Object).Where(w => !ContainerNouns.Contains(w)).Select(TextTokens.Stem).ToHashSet(StringComparer.Ordinal);
        var commands = page.All.Where(n => (n.Role is "button" or "menuitem" or "link" || n.IsRolelessClickable) && n.IsOnScreen && !n.IsDisabled &&
            !set.Any(i => i.DescendantsAndSelf().Contains(n)) && TextTokens.Content(n.Label()).Select(TextTokens.Stem).Count(words.Contains) * 2 >= Math.Max(words.Count, 1)).ToList();
        if (commands.Count != 1) return null;
        var command = commands[0];
        // One box at a time (each is a preparation, not the effect): the items that fit ticked, every other one clear.
        foreach (var item in set)
        {
            var box = Box(item)!;
            var on = box.Has("checked") || box.Node.Attributes.GetValueOrDefault("checked") == "true";
            var wanted = targets.Contains(item);
            if (on == wanted || !s.Revealed.Add("bulk:" + (box.Node.Ref ?? $"{item.Order}:{ItemKey(item)}") + ":" + wanted)) continue;
            var tick = SearchStep(wanted ? ActionKind.Check : ActionKind.Uncheck, box, null, $"{(wanted ? "select" : "clear")} \"{Shorten(item.InnerText())}\" for {command.Label()}", box.Label());
            return new SearchAttempt("reveal", tick, $"{command} acts on the selected items and no item has a control of its own for it; {(wanted ? "select" : "clear")} {box}");
        }
        return new SearchAttempt(CandidateKey(ActionKind.Click, command), SearchStep(ActionKind.Click, command, null, goal.Text, command.Label()),
            $"the {targets.Count} item(s) that fit are selected and nothing else; {command} acts on them");
    }

    /// <summary>The control inside an item that does what the sub-goal asks (its checkbox, its delete button, its like button, its link).</summary>
    private static PageNode? ControlFor(SubGoal goal, PageNode item)
    {
        var controls = item.DescendantsAndSelf().Where(n => n != item && !n.IsDisabled &&
            (PageModel.IsInteractive(n) || n.IsRolelessClickable)).ToList();
        var words = DistinctWords(goal.Object).Where(w => !ContainerNouns.Contains(w)).ToHashSet(StringComparer.Ordinal);
        switch (goal.Family)
        {
            case ActionFamily.Toggle:
                return controls.FirstOrDefault(c => c.Role is "checkbox" or "switch" or "radio" or "menuitemcheckbox");
            case ActionFamily.Remove:
                return controls.FirstOrDefault(c => RemoveWords().IsMatch(c.Label()) || c.Name.Trim() is "×" or "✕" or "x" or "🗑");
            case ActionFamily.Read when EffectEvaluator.AsksForFile(goal):
                return controls.FirstOrDefault(c => FetchesFile(goal, c));
            default:
                var byWords = words.Count == 0 ? null : controls.FirstOrDefault(c => TextTokens.Content(c.Label()).Overlaps(words.Select(TextTokens.Stem)));
                if (byWords is not null) return byWords;
                // "Open the third article": the object names the items themselves; the item's own link or button opens it.
                var byPosition = goal.Qualifiers.Ordinal is not null || goal.Qualifiers.Ordering is not null;
                if (goal.Family is ActionFamily.Pick or ActionFamily.Activate or ActionFamily.Navigate && (words.Count == 0 || byPosition) || goal.Family == ActionFamily.Pick)
                {
                    return controls.FirstOrDefault(c => ChooseWords().IsMatch(c.Label())) ?? controls.FirstOrDefault(c => c.Role is "link" or "button" or "radio")
                        ?? (item.IsRolelessClickable ? item : null);
                }
                return null;
        }
    }

    private (ActionKind Action, string? Value) ActionFor(SubGoal goal, PageNode control)
    {
        if (goal.Family == ActionFamily.Toggle && control.Role is "checkbox" or "switch" or "menuitemcheckbox")
        {
            var on = goal.Qualifiers.DesiredState ?? (goal.Effect.Kind != EffectKind.Unchecked);
            return (on ? ActionKind.Check : ActionKind.Uncheck, null);
        }
        if (goal.Family == ActionFamily.Read && !(control.Role is "link" or "button")) return (ActionKind.Extract, "value");
        return (ActionKind.Click, null);
    }

    /// <summary>Orders items by a criterion read from their text: prices, durations, clock times, dates.</summary>
    private static List<PageNode> Order(List<PageNode> items, string ordering)
    {
        var o = ordering.ToLowerInvariant();
        decimal? Key(PageNode item)
        {
            var text = item.InnerText();
            if (o.Contains("cheap") || o.Contains("expensive") || o.Contains("price") || o.Contains("lowest") || o.Contains("highest")) return ResultListReader.ParsePrice(text);
            if (o.Contains("short") || o.Contains("long") || o.Contains("fast") || o.Contains("quick")) return ResultListReader.ParseDuration(text);
            if (DateOf(text) is { } date) return date.DayNumber;
            return ResultListReader.ParseTime(text);
        }
        var keyed = items.Select(i => (Item: i, Key: Key(i))).Where(p => p.Key is not null).ToList();
        if (keyed.Count == 0) return o is "last" or "latest" or "newest" ? [.. Enumerable.Reverse(items)] : items;
        var descending = o.Contains("expensive") || o.Contains("highest") || o.Contains("long") || o.Contains("latest") || o.Contains("newest") || o.Contains("most recent") || o == "last";
        return descending ? [.. keyed.OrderByDescending(p => p.Key).Select(p => p.Item)] : [.. keyed.OrderBy(p => p.Key).Select(p => p.Item)];
    }

    private static DateOnly? DateOf(string text)
    {
        var iso = IsoDate().Match(text);
        if (iso.Success && DateOnly.TryParseExact(iso.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        var named = NamedDate().Match(text);
        if (named.Success && DateExpressionParser.MonthOf(named.Groups["m"].Value) is { } month &&
            int.TryParse(named.Groups["d"].Value, CultureInfo.InvariantCulture, out var day) && int.TryParse(named.Groups["y"].Value, CultureInfo.InvariantCulture, out var year) && day <= DateTime.DaysInMonth(year, month))
        {
            return new DateOnly(year, month, day);
        }
        return null;
    }

    /// <summary>The nodes a sub-goal may act on: inside the containers its scope names ("in the dialog", "the row for Porto"), else all.</summary>
    private static IEnumerable<PageNode> InScope(SubGoal goal, PageModel page)
    {
        if (string.IsNullOrWhiteSpace(goal.Scope)) return page.All;
        var words = TextTokens.Words(goal.Scope);
        if (words.Any(w => w is "dialog" or "popup" or "modal"))
        {
            var dialogs = page.All.Where(n => n.Role is "dialog" or "alertdialog").ToList();
            if (dialogs.Count > 0) return dialogs.SelectMany(d => d.DescendantsAndSelf());
        }
        // "in Documents > 2026": a path of nested items, each found inside the one before.
        var segments = PathParts(goal.Scope);
        if (segments.Length > 1) return PathScope(segments, page);
        var wanted = ScopeWords(goal.Scope, page);
        if (wanted.Count == 0) return page.All;
        // "in the Billing tab": the tab is open (only its panel shows), so the whole page is the scope.
        var scopeContent = TextTokens.Content(goal.Scope);
        if (page.All.Any(n => n.Role == "tab" && TextTokens.Content(n.Name) is { Count: > 0 } tab && tab.All(scopeContent.Contains))) return page.All;
        // The smallest containers whose text covers the scope's words.
        var matches = page.Containers.Where(c => Covers(c, wanted)).ToList();
        var smallest = matches.Where(m => !matches.Any(o => o != m && o.Ancestors().Contains(m))).ToList();
        // Cards drawn without a box of their own ("Basic" as a heading, its text and its link after it, then the next
        // card's heading): a container holding several headings is the page, not the item; the heading that says the
        // words and what follows it up to the next heading is.
        if (smallest.All(c => c.DescendantsAndSelf().Count(n => n.Role == "heading") > 1) && HeadingSection(page, wanted) is { Count: > 0 } section)
        {
            return section;
        }
        // Words in a part of an item (a post's header line "Ben Ode @ben · 3h") name the whole item: its reply box and buttons too.
        if (smallest.Count > 0) return smallest.Select(c => c.Ancestors().Prepend(c).FirstOrDefault(IsItemNode) ?? c).Distinct().SelectMany(c => c.DescendantsAndSelf());
        // A scope that names someone or something not on the page ("the review by Dev" before "load more"): nothing here.
        return NamesAbsent(goal.Scope, page) ? [] : page.All;
    }

    /// <summary>
    /// When nothing fits yet: hover a container the goal points at (hover-only controls), or open a collapsed section
    /// whose words fit, then look again. Each is tried once per sub-goal.
    /// </summary>
    private async Task<PlanDecision?> RevealAsync(SubGoal goal, PageModel page, CancellationToken cancellationToken)
    {
        var s = _run.Search!;
        // One control can show twice (its own line and the line of the box around it): each face is opened once.
        var collapsed = page.All.Where(n => n.IsCollapsed && !n.IsDisabled && !s.Revealed.Contains("open:" + KeyOf(n)) && !s.Revealed.Contains("face:" + FaceOf(n))).ToList();
        if (collapsed.Count > 0)
        {
            var ranked = await _scorer.RankAsync($"{ObjectWords(goal)} {goal.Scope}", ActionKind.Click, n => 1, collapsed, cancellationToken).ConfigureAwait(false);
            // An option to choose, or an order or filter to set, that no control shows: it may be inside a closed
            // dropdown whose face says nothing of it ("Select… ▾"); open those in page order, each once.
            // A section that says nothing of what is looked for stays closed: a list dropped over the page can cover the
            // very control the sub-goal needs.
            var best = ranked.FirstOrDefault(r => r.Score >= 0.25 && (r.TokenOverlap > 0 || r.Similarity >= 0.4)) ?? (collapsed.Count == 1 && ranked.Count == 1 && goal.Family != ActionFamily.Submit ? ranked[0] : null)
                ?? (goal.Family is ActionFamily.Choose or ActionFamily.Filter ? ranked.Where(r => IsDropdown(r.Node)).MinBy(r => r.Node.Order) : null);
            if (best is not null)
            {
                s.Revealed.Add("open:" + KeyOf(best.Node));
                s.Revealed.Add("face:" + FaceOf(best.Node));
                return PlanDecision.Continue([SearchStep(ActionKind.Click, best.Node, null, $"open the collapsed {best.Node.Label()} to look inside", best.Node.Label())],
                    $"sub-goal {goal}: nothing fits on the page; {best.Explain()} is collapsed");
            }
        }
        var scopeWords = ScopeWords(goal.Scope, page);
        var container = page.Containers.FirstOrDefault(c => c.Role is "listitem" or "row" or "article" && scopeWords.Count > 0 && Covers(c, scopeWords) && !s.Revealed.Contains("hover:" + KeyOf(c)));
        if (container is not null)
        {
            s.Revealed.Add("hover:" + KeyOf(container));
            return PlanDecision.Continue([SearchStep(ActionKind.Hover, container, null, "hover the item to reveal its controls", "the item")],
                $"sub-goal {goal}: the item shows no fitting control; hover it");
        }
        return null;
    }

    private static string FaceOf(PageNode node) => node.Role + ":" + (node.Name.Length > 0 ? node.Name : node.InnerText()).Trim();

    /// <summary>A closed control that drops a list down: a combobox, a popup button, or a face that ends in a caret.</summary>
    private static bool IsDropdown(PageNode node) =>
        node.Role == "combobox" || node.Node.Attributes.ContainsKey("haspopup") || DropdownCaret().IsMatch(node.Name) || DropdownCaret().IsMatch(node.InnerText());

    private static HashSet<string> DistinctWords(string? text) =>
        TextTokens.Words(text).Where(w => !ContainerNouns.Contains(w) && w is not ("the" or "a" or "an" or "of" or "in" or "on" or "for" or "with" or "to" or "my" or "dialog"))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The item at the end of a path ("Documents > 2026"): each part is the smallest item that says its words inside the
    /// item before it. Empty while a part is not shown yet (a folder still closed), so the search opens what hides it.
    /// </summary>
    private static List<PageNode> PathScope(string[] segments, PageModel page)
    {
        PageNode? at = null;
        foreach (var segment in segments)
        {
            if (DistinctWords(segment).Count == 0) continue;
            at = PathPart(at, segment, page);
            if (at is null) return [];
        }
        return at is null ? [.. page.All] : [.. at.DescendantsAndSelf()];
    }

    /// <summary>The parts of a path scope ("Documents > 2026"); one part when the scope is no path.</summary>
    private static string[] PathParts(string scope) => scope.Split(['>', '›', '»'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>One part of a path: the smallest item that says its words inside <paramref name="at"/> (the page when null).</summary>
    private static PageNode? PathPart(PageNode? at, string segment, PageModel page)
    {
        var words = DistinctWords(segment);
        var within = at is null ? page.All : at.DescendantsAndSelf().Skip(1);
        var matches = within.Where(n => IsItemNode(n) && Covers(n, words)).ToList();
        if (matches.Count == 0) matches = [.. within.Where(n => n.Children.Count > 0 && Covers(n, words))];
        return matches.FirstOrDefault(m => !matches.Any(o => o != m && o.Ancestors().Contains(m)));
    }

    /// <summary>
    /// The one heading whose words cover <paramref name="wanted"/>, with the nodes after it up to the next heading of its
    /// level or higher, and the role-less clickables the browser's probe found in its text; empty unless exactly one heading fits.
    /// </summary>
    private static List<PageNode> HeadingSection(PageModel page, HashSet<string> wanted)
    {
        var headings = page.All.Where(n => n.Role == "heading" && Covers(n, wanted)).ToList();
        if (headings.Count != 1 || headings[0].Parent is not { } parent) return [];
        var heading = headings[0];
        var level = Level(heading);
        var section = new List<PageNode>(heading.DescendantsAndSelf());
        foreach (var sibling in parent.Children.SkipWhile(c => c != heading).Skip(1))
        {
            if (sibling.Role == "heading" && Level(sibling) <= level || sibling.DescendantsAndSelf().Any(n => n.Role == "heading" && Level(n) <= level)) break;
            section.AddRange(sibling.DescendantsAndSelf());
        }
        // A clickable the probe put back at the end of the page: its text around it ("Basic More info") says whose it is.
        var headingWords = TextTokens.Words(heading.InnerText()).ToHashSet(StringComparer.Ordinal);
        section.AddRange(page.All.Where(n => !section.Contains(n) && n.Node.Attributes.TryGetValue("ctx", out var ctx) &&
            TextTokens.Words(ctx).ToHashSet(StringComparer.Ordinal) is var around && headingWords.All(around.Contains) &&
            page.All.Count(h => h.Role == "heading" && h != heading && TextTokens.Words(h.InnerText()).All(around.Contains)) == 0));
        return section;

        static int Level(PageNode h) => h.Node.Attributes.TryGetValue("level", out var l) && int.TryParse(l, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 2;
    }

    /// <summary>
    /// Whether the node's text holds every one of <paramref name="words"/>; with <paramref name="stems"/>, singular and
    /// plural alike ("messages from Billing" covers "Select message from Billing").
    /// </summary>
    private static bool Covers(PageNode node, HashSet<string> words, bool stems = false)
    {
        var text = TextTokens.Words(node.InnerText()).Select(w => stems ? TextTokens.Stem(w) : w).ToHashSet(StringComparer.Ordinal);
        return words.All(w => text.Contains(stems ? TextTokens.Stem(w) : w));
    }

    private static bool Contains(string text, string part) =>
        string.Join(' ', TextTokens.Words(text)).Contains(string.Join(' ', TextTokens.Words(part)), StringComparison.Ordinal);

    /// <summary>An item's own words (not its controls' labels or numbers), which stay the same when acting on it redraws it.</summary>
    private static string ItemKey(PageNode item)
    {
        var words = OwnWords(item).Where(w => !w.All(char.IsDigit));
        return Shorten(string.Join(' ', words));
    }

    /// <summary>The words of the item's own text (not its controls' labels, nor the item's own name, which repeats them).</summary>
    private static IEnumerable<string> OwnWords(PageNode item) =>
        OwnNodes(item).SelectMany(n => TextTokens.Words(n.Role is "listitem" or "row" or "article" ? "" : n.Name + " " + n.Value));

    /// <summary>The stems of the item's own text (not its controls' labels).</summary>
    private static HashSet<string> OwnStems(PageNode item) => OwnWords(item).Select(TextTokens.Stem).ToHashSet(StringComparer.Ordinal);

    /// <summary>The item's nodes that are not controls nor inside one: its own text, not its buttons' labels.</summary>
    private static IEnumerable<PageNode> OwnNodes(PageNode item) =>
        item.DescendantsAndSelf().Where(n => !PageModel.IsInteractive(n) && !n.Ancestors().Any(PageModel.IsInteractive));

    private static string Shorten(string text) => text.Length > 60 ? text[..60] : text;

    [GeneratedRegex(@"[▾▼⌄⏷]\s*$")]
    private static partial Regex DropdownCaret();

    [GeneratedRegex(@"\b(?:remove|delete|discard|trash|bin|clear|destroy)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RemoveWords();

    [GeneratedRegex(@"\b(?:select|choose|book|pick|buy|reserve|view|open)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ChooseWords();

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\b(?<d>\d{1,2})\s+(?<m>[A-Za-z]{3,9})\.?\s+(?<y>\d{4})\b")]
    private static partial Regex NamedDate();
}
