using System.Globalization;
using System.Text;
using ActionAgent.Core.Actions;
using ActionAgent.Core.Goals;
using ActionAgent.Core.Observation;

namespace ActionAgent.Core.Engine;

/// <summary>
/// Decides from two observations (before the sub-goal's steps, and now) whether a sub-goal's expected effect shows on
/// the screen: a field holds the value, a box is checked, an item appeared or disappeared, a section expanded, the page
/// navigated. Pure: no driver, no model, so any planner's steps are judged the same way and the rule is unit-tested.
/// </summary>
public static partial class EffectEvaluator
{
    private static readonly HashSet<string> FieldRoles = new(StringComparer.Ordinal) { "textbox", "searchbox", "combobox", "spinbutton", "slider" };
    private static readonly HashSet<string> ToggleRoles = new(StringComparer.Ordinal) { "checkbox", "radio", "switch", "menuitemcheckbox", "menuitemradio" };
    private static readonly HashSet<string> ItemRoles = new(StringComparer.Ordinal) { "listitem", "row", "article", "treeitem", "option" };
    private static readonly HashSet<string> PopupRoles = new(StringComparer.Ordinal) { "dialog", "alertdialog", "menu", "listbox" };

    /// <summary>Whether the effect shows, judged between <paramref name="before"/> and <paramref name="after"/>.</summary>
    /// <param name="effect">The expected effect.</param>
    /// <param name="before">The screen before the steps that served the sub-goal.</param>
    /// <param name="after">The screen now.</param>
    /// <param name="step">The step just carried out, when any (a read is proven by the extract step itself).</param>
    public static EffectEvidence Evaluate(ExpectedEffect effect, UiObservation before, UiObservation after, PlanStep? step = null)
    {
        ArgumentNullException.ThrowIfNull(effect);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var value = IsPlaceholder(effect.Value) ? null : effect.Value;
        var secretValue = IsPlaceholder(effect.Value);
        return effect.Kind switch
        {
            EffectKind.ValueSet => ValueSet(effect.Subject, value, secretValue, before, after),
            EffectKind.Checked => Toggled(effect.Subject ?? value, wanted: true, before, after),
            EffectKind.Unchecked => Toggled(effect.Subject ?? value, wanted: false, before, after),
            EffectKind.Selected => Selected(effect.Subject, value, before, after, step),
            EffectKind.ItemAppeared => ItemAppeared(value, effect.Subject, before, after),
            EffectKind.ItemDisappeared => ItemDisappeared(value ?? effect.Subject, before, after),
            EffectKind.Expanded => Expanded(effect.Subject, before, after),
            EffectKind.Closed => Closed(effect.Subject, before, after),
            EffectKind.Navigated => Navigated(before, after),
            EffectKind.ListChanged => ListChanged(before, after, effect.Subject),
            EffectKind.TextVisible => TextVisible(value ?? effect.Subject, after),
            EffectKind.ValueRead => step is { Action: ActionKind.Extract }
                ? new EffectEvidence(true, $"read into variable \"{step.Value}\"")
                : Changed(before, after),
            EffectKind.Revealed => Revealed(effect.Subject ?? value, before, after),
            EffectKind.Moved => Moved(value, effect.Subject, before, after),
            _ => Changed(before, after),
        };
    }

    private static EffectEvidence ValueSet(string? subject, string? value, bool secret, UiObservation before, UiObservation after)
    {
        var fields = Fields(after).ToList();
        if (fields.Count == 0) return new(false, "the screen shows no text field");
        if (value is not null)
        {
            var holding = fields.Where(f => SameValue(f.Value, value)).ToList();
            if (holding.Count > 0)
            {
                var best = BestBySubject(holding, subject) ?? holding[0];
                return new(true, $"{Describe(best)} holds \"{value}\"");
            }
        }
        // A time asked for in separate lists (hour, minute, AM/PM): each list shows its part.
        if (value is not null && ClockFields.Show(after.AllNodes(), value))
        {
            return new(true, $"the hour and minute lists show {value} ({string.Join(" ", ClockFields.Choices(after.AllNodes(), value)!.Select(c => c.Option))})");
        }
        // A masked or secret value cannot be compared: a field that fits the subject and changed to something is the evidence.
        var beforeValues = Fields(before).Select(f => (f.Role, f.Name, f.Value ?? "")).ToList();
        var changed = fields.Where(f => !string.IsNullOrEmpty(f.Value) && !beforeValues.Contains((f.Role, f.Name, f.Value ?? ""))).ToList();
        if ((secret || value is null || LooksMasked(fields, value)) && changed.Count > 0)
        {
            var best = BestBySubject(changed, subject) ?? changed[0];
            return new(true, $"{Describe(best)} now holds a value");
        }
        return new(false, value is null ? "no field changed" : $"no field holds \"{value}\"; fields: {Summarise(fields)}");
    }

    private static bool LooksMasked(List<UiNode> fields, string? value) =>
        value is not null && fields.Any(f => f.Value is { Length: > 0 } v && v.All(c => c is '•' or '*' or '●'));

    private static EffectEvidence Toggled(string? subject, bool wanted, UiObservation before, UiObservation after)
    {
        var toggles = after.AllNodes().Where(n => ToggleRoles.Contains(n.Role) || n.Attributes.ContainsKey("pressed") || n.Flags.Contains("pressed")).ToList();
        var state = wanted ? "checked" : "not checked";
        if (toggles.Count == 0) return new(false, "the screen shows no checkbox, switch or radio");
        var matched = BestBySubject(toggles, subject);
        if (matched is not null)
        {
            return IsOn(matched) == wanted
                ? new(true, $"{Describe(matched)} is {state}")
                : new(false, $"{Describe(matched)} is {(wanted ? "not checked" : "checked")}");
        }
        // A switch named by its state ("Off" → "On") whose label is the text just before it ("Offline mode").
        var labelled = after.Nodes.SelectMany(LabelledToggles).ToList();
        if (BestBySubject([.. labelled.Select(l => new UiNode { Role = "text", Name = l.Label })], subject) is { } label)
        {
            var toggle = labelled.First(l => l.Label == label.Name).Toggle;
            return IsOn(toggle) == wanted
                ? new(true, $"{Describe(toggle)} after \"{label.Name}\" is {state}")
                : new(false, $"{Describe(toggle)} after \"{label.Name}\" is {(wanted ? "not checked" : "checked")}");
        }
        // No label fits the words: the box whose state turned as wanted is the evidence (the same element by its ref,
        // whose name may say its state, or by role and name).
        var was = before.AllNodes().Where(n => ToggleRoles.Contains(n.Role)).Select(n => (n.Role, n.Name, IsOn(n))).ToList();
        var wasByRef = before.AllNodes().Where(n => ToggleRoles.Contains(n.Role) && n.Ref is not null).GroupBy(n => n.Ref!).ToDictionary(g => g.Key, g => IsOn(g.First()), StringComparer.Ordinal);
        var turned = toggles.FirstOrDefault(n => IsOn(n) == wanted &&
            (n.Ref is { } r && wasByRef.TryGetValue(r, out var on) ? on != wanted : was.Contains((n.Role, n.Name, !wanted))));
        return turned is not null
            ? new(true, $"{Describe(turned)} turned {state}")
            : new(false, $"no box fits \"{subject}\" and none turned {state}; boxes: {Summarise(toggles.Take(6))}");
    }

    /// <summary>Toggles with the plain text just before them among their siblings (their visible label), all through the tree.</summary>
    private static IEnumerable<(UiNode Toggle, string Label)> LabelledToggles(UiNode parent)
    {
        for (var i = 0; i < parent.Children.Count; i++)
        {
            var child = parent.Children[i];
            if (ToggleRoles.Contains(child.Role) && i > 0 && parent.Children[i - 1] is { } before && IsPlainText(before) && before.InnerText().Trim() is { Length: > 0 and < 80 } text)
            {
                yield return (child, text);
            }
            foreach (var inner in LabelledToggles(child)) yield return inner;
        }
    }

    private static bool IsPlainText(UiNode node) =>
        node.Role is "text" or "generic" or "paragraph" or "strong" or "emphasis" or "term" or "label" or "LabelText" &&
        !node.DescendantsAndSelf().Any(n => n.Ref is not null && (ToggleRoles.Contains(n.Role) || FieldRoles.Contains(n.Role) || n.Role is "button" or "link"));

    // The option a goal asks for: the same value, or what options say for the goal's word ("private" → "Only me").
    private static bool Chosen(string? shown, string value) => SameValue(shown, value) || ChoiceWords.Means(shown, value);

    private static bool IsOn(UiNode node) =>
        node.Flags.Contains("checked") || node.Flags.Contains("pressed") || node.Flags.Contains("selected") ||
        (node.Attributes.TryGetValue("checked", out var c) && c is "true" or "mixed") ||
        (node.Attributes.TryGetValue("pressed", out var p) && p == "true");

    private static EffectEvidence Selected(string? subject, string? value, UiObservation before, UiObservation after, PlanStep? step)
    {
        if (value is not null)
        {
            foreach (var node in after.AllNodes())
            {
                if (node.Role is "combobox" or "listbox" &&
                    (Chosen(node.Value, value) ? node.Value : node.Children.FirstOrDefault(o => IsOn(o) && Chosen(o.Name, value))?.Name) is { } shows)
                {
                    return new(true, $"{Describe(node)} shows \"{shows}\"");
                }
                if ((IsOn(node) || node.Flags.Contains("active")) && Chosen(node.Name, value))
                {
                    return new(true, $"{Describe(node)} is selected");
                }
            }
            // A control drawn without ARIA that shows its state only by its look ("★" turned gold): the page marks it with
            // a state class (the DOM probe's [marked]); it counts only when it was not marked before.
            var markedBefore = before.AllNodes().Where(n => n.Flags.Contains("marked")).Select(n => Normalise(n.Name)).ToHashSet(StringComparer.Ordinal);
            if (after.AllNodes().FirstOrDefault(n => n.Flags.Contains("marked") && Chosen(n.Name, value) && !markedBefore.Contains(Normalise(n.Name))) is { } marked)
            {
                return new(true, $"{Describe(marked)} is now shown as chosen (it was not before)");
            }
            // "the Large size": the value names the option and its group (radio "Large" in the group "Size").
            var wasOn = before.AllNodes().Where(IsOn).Select(n => n.Role + "\u0000" + n.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var (node, group) in InGroups(after.Nodes, null))
            {
                if (group is { Length: > 0 } && IsOn(node) && !wasOn.Contains(node.Role + "\u0000" + node.Name) &&
                    (SameValue(node.Name + " " + group, value) || SameValue(group + " " + node.Name, value)))
                {
                    return new(true, $"{Describe(node)} in \"{group}\" is selected");
                }
            }
            // A custom dropdown shows the choice as its button's name.
            var shown = after.AllNodes().FirstOrDefault(n => n.Role is "button" or "combobox" && Contains(n.Name, value) &&
                !before.AllNodes().Any(b => b.Role == n.Role && b.Name == n.Name));
            if (shown is not null) return new(true, $"{Describe(shown)} now shows \"{value}\"");
            if (ChosenOnFace(value, before, after, step) is { } face) return face;
            return new(false, $"nothing shows \"{value}\" as selected");
        }
        // "Pick the cheapest": the choice shows as a changed selection, a new page or new content.
        var flagsBefore = StateFlags(before);
        var flagsAfter = StateFlags(after);
        if (!flagsBefore.SetEquals(flagsAfter))
        {
            var turned = flagsAfter.Except(flagsBefore).FirstOrDefault() ?? flagsBefore.Except(flagsAfter).First();
            return new(true, $"the selection changed ({turned})");
        }
        var navigated = Navigated(before, after);
        return navigated.Observed ? navigated : new(false, $"no selection changed and {navigated.Detail}");
    }

    /// <summary>
    /// A dropdown drawn without ARIA: the step clicked an option whose words are most of the value's ("Next day · €
    /// 14.90" for "next day shipping"), the list closed, and the dropdown's face now shows that option's text where it
    /// showed something else before. An option is no face: while its list is open it proves nothing.
    /// </summary>
    private static EffectEvidence? ChosenOnFace(string value, UiObservation before, UiObservation after, PlanStep? step)
    {
        if (step is not { Action: ActionKind.Click, Target: { } target }) return null;
        // A target by ref alone (a clickable with no role) reads its words off the screen it was clicked on.
        var clicked = new[] { target.Name, target.Text, target.Ref is { } r ? before.AllNodes().FirstOrDefault(n => n.Ref == r)?.InnerText() : null }
            .FirstOrDefault(t => !string.IsNullOrWhiteSpace(t));
        if (clicked is null) return null;
        var wanted = Words(value).Where(w => !Filler.Contains(w)).ToHashSet(StringComparer.Ordinal);
        var option = Words(clicked).ToHashSet(StringComparer.Ordinal);
        if (wanted.Count == 0) return null;
        if (after.AllNodes().Any(n => Normalise(n.Name) == Normalise(clicked) && n.Role is "option" or "menuitem")) return null; // the list is still open
        var facesBefore = before.AllNodes().Where(IsFace).Select(n => Normalise(FaceText(n))).ToHashSet(StringComparer.Ordinal);
        foreach (var face in after.AllNodes().Where(n => IsFace(n) && Contains(FaceText(n), clicked) && !facesBefore.Contains(Normalise(FaceText(n)))))
        {
            // "the large size" on a dropdown labelled "Size": the label's words say which list, not which option.
            var label = Words(LabelAround(after, face)).ToHashSet(StringComparer.Ordinal);
            var asked = wanted.Where(w => !label.Contains(w)).ToList() is { Count: > 0 } rest ? rest : [.. wanted];
            // "standard shipping" where the list is labelled "Delivery": one word the page never showed names the kind of
            // thing, not the option; what is left must still fit the option. Only one, and only where no other closed list
            // could be hiding it ("large thin crust" beside a closed "Crust" list is not the "Large" size).
            var pageWords = Words(before.VisibleText()).ToHashSet(StringComparer.Ordinal);
            var otherLists = after.AllNodes().Count(n => !ReferenceEquals(n, face) && Normalise(FaceText(n)) != Normalise(FaceText(face)) &&
                (n.Role == "combobox" || n.Attributes.TryGetValue("expanded", out var open) && open == "false" || n.Attributes.ContainsKey("haspopup")));
            if (otherLists == 0 && asked.Where(pageWords.Contains).ToList() is { Count: > 0 } shownWords && shownWords.Count == asked.Count - 1) asked = shownWords;
            if (asked.Count(option.Contains) * 2 >= asked.Count + 1) return new(true, $"{Describe(face)} now shows \"{clicked}\", the option just chosen");
        }
        return null;

        // The text beside the face, up to three levels up ("Size", "Delivery"): the list's label.
        static string LabelAround(UiObservation screen, UiNode face)
        {
            var path = new List<UiNode>();
            if (!Find(screen.Nodes, face, path)) return "";
            var words = new StringBuilder();
            for (var i = path.Count - 2; i >= Math.Max(0, path.Count - 4); i--)
            {
                foreach (var child in path[i].Children.Where(c => !path.Contains(c) && c.Children.Count == 0 && c.Role is "text" or "generic" or "paragraph" or "label"))
                {
                    words.Append(' ').Append(child.InnerText());
                }
            }
            return words.ToString();
        }

        static bool Find(IReadOnlyList<UiNode> nodes, UiNode wanted, List<UiNode> path)
        {
            foreach (var node in nodes)
            {
                path.Add(node);
                if (ReferenceEquals(node, wanted) || Find(node.Children, wanted, path)) return true;
                path.RemoveAt(path.Count - 1);
            }
            return false;
        }

        static bool IsFace(UiNode n) => n.Role is "combobox" or "button" || n.Attributes.ContainsKey("expanded") || n.Attributes.ContainsKey("haspopup");
        static string FaceText(UiNode n) => n.Name.Length > 0 ? n.Name : n.InnerText();
    }

    /// <summary>Every node with the name of the nearest group around it (a fieldset's legend, a radio group).</summary>
    private static IEnumerable<(UiNode Node, string? Group)> InGroups(IEnumerable<UiNode> nodes, string? group)
    {
        foreach (var node in nodes)
        {
            yield return (node, group);
            var inner = node.Role is "group" or "radiogroup" && node.Name.Trim().Length > 0 ? node.Name.Trim() : group;
            foreach (var child in InGroups(node.Children, inner)) yield return child;
        }
    }

    private static HashSet<string> StateFlags(UiObservation observation) =>
        observation.AllNodes().Where(IsOn).Select(n => $"{n.Role} \"{n.Name}\"").ToHashSet(StringComparer.Ordinal);

    private static EffectEvidence ItemAppeared(string? value, string? subject, UiObservation before, UiObservation after)
    {
        if (value is null)
        {
            int b = Items(before).Count, a = Items(after).Count;
            if (a > b) return new(true, $"the list grew from {b} to {a} items");
            // "Add to cart" on a product page: the page answers with a line of its own ("Added. 1 item in your basket").
            return NewMessage(before, after) is { } message
                ? new(true, $"the page now says \"{message}\"")
                : new(false, $"the list did not grow ({b} → {a} items) and the page said nothing new");
        }
        var was = Occurrences(ContentText(before), value);
        var now = Occurrences(ContentText(after), value);
        if (now > was) return new(true, $"\"{value}\" now shows {now} time(s) outside the fields (before: {was})");
        if (now > 0 && MarkedInPlace(value, subject, before, after) is { } marked) return marked;
        return new(false, now == 0 ? $"\"{value}\" does not show on the page outside the fields" : $"\"{value}\" shows {now} time(s), as before");
    }

    private static EffectEvidence ItemDisappeared(string? value, UiObservation before, UiObservation after)
    {
        if (value is null)
        {
            int b = Items(before).Count, a = Items(after).Count;
            return a < b ? new(true, $"the list shrank from {b} to {a} items") : new(false, $"the list did not shrink ({b} → {a} items)");
        }
        var was = Occurrences(ContentText(before), value);
        var now = Occurrences(ContentText(after), value);
        if (was == 0) return new(false, $"\"{value}\" was not on the page to begin with");
        return now < was ? new(true, $"\"{value}\" shows {now} time(s), down from {was}") : new(false, $"\"{value}\" still shows ({now} time(s))");
    }

    private static EffectEvidence Expanded(string? subject, UiObservation before, UiObservation after)
    {
        var wasExpanded = before.AllNodes().Where(IsExpanded).Select(n => n.Role + n.Name).ToHashSet(StringComparer.Ordinal);
        var opened = after.AllNodes().Where(n => IsExpanded(n) && !wasExpanded.Contains(n.Role + n.Name)).ToList();
        var best = BestBySubject(opened, subject);
        if (best is not null) return new(true, $"{Describe(best)} is expanded");
        // "The question about returns" names which one: another question opening is not its effect.
        var which = Words(subject).Where(w => !Filler.Contains(w) && !PanelWords.Contains(w)).ToList();
        if (opened.Count > 0 && which.Count > 0) return new(false, $"{Describe(opened[0])} opened, which says nothing of \"{string.Join(' ', which)}\"");
        if (opened.FirstOrDefault() is { } first) return new(true, $"{Describe(first)} is expanded");
        var matched = BestBySubject([.. after.AllNodes().Where(n => IsExpanded(n) || n.Attributes.ContainsKey("expanded"))], subject);
        if (matched is not null && IsExpanded(matched)) return new(true, $"{Describe(matched)} is expanded");
        var newText = NewWords(before, after);
        int popupsBefore = before.AllNodes().Count(n => PopupRoles.Contains(n.Role)), popupsAfter = after.AllNodes().Count(n => PopupRoles.Contains(n.Role));
        if (popupsAfter > popupsBefore) return new(true, "a dialog, menu or list opened");
        return newText.Count >= 2
            ? new(true, $"new content shows: {string.Join(" ", newText.Take(8))}")
            : new(false, matched is null ? "nothing expanded and no new content shows" : $"{Describe(matched)} is still collapsed");
    }

    // Words that say what kind of collapsed thing is meant, not which one ("the question about returns").
    private static readonly HashSet<string> PanelWords = new(StringComparer.Ordinal)
    {
        "panel", "panels", "section", "sections", "question", "questions", "accordion", "details", "more", "about", "collapsed", "hidden",
        "closed", "folded", "dropdown", "menu", "submenu", "drawer", "sidebar", "faq", "group", "tree", "part", "area", "one",
    };

    private static bool IsExpanded(UiNode node) =>
        node.Flags.Contains("expanded") || (node.Attributes.TryGetValue("expanded", out var e) && e == "true");

    private static EffectEvidence Closed(string? subject, UiObservation before, UiObservation after)
    {
        int b = before.AllNodes().Count(n => PopupRoles.Contains(n.Role)), a = after.AllNodes().Count(n => PopupRoles.Contains(n.Role));
        if (a < b) return new(true, $"{b - a} dialog(s) or menu(s) closed");
        var wasOpen = before.AllNodes().Where(IsExpanded).ToList();
        var closed = wasOpen.FirstOrDefault(w => !after.AllNodes().Any(n => n.Role == w.Role && n.Name == w.Name && IsExpanded(n)));
        if (closed is not null) return new(true, $"{Describe(closed)} collapsed");
        var gone = BestBySubject([.. before.AllNodes()], subject);
        if (gone is not null && !after.AllNodes().Any(n => n.Role == gone.Role && n.Name == gone.Name))
        {
            return new(true, $"{Describe(gone)} is gone");
        }
        return new(false, "no dialog, menu or section closed");
    }

    private static EffectEvidence Navigated(UiObservation before, UiObservation after)
    {
        // Only the part after # changed (a link to #join): the same page, judged by what it shows. A new page may
        // hold any words; there only an alert that reads as an error says the step was refused.
        if (!string.Equals(WithoutFragment(before.Location), WithoutFragment(after.Location), StringComparison.Ordinal))
        {
            return NewError(before, after, alertsOnly: true) is { } alert
                ? new(false, $"the page went to {after.Location} and shows an error: \"{alert}\"")
                : new(true, $"the page went from {before.Location} to {after.Location}");
        }
        // A form that answers with an error message stayed where it was: the message is not the next page.
        if (NewError(before, after) is { } error) return new(false, $"the page shows an error: \"{error}\"");
        if (!string.Equals(before.Title, after.Title, StringComparison.Ordinal)) return new(true, $"the title is now \"{after.Title}\"");
        var headingsBefore = Headings(before);
        var headingsAfter = Headings(after);
        if (!headingsBefore.SequenceEqual(headingsAfter, StringComparer.Ordinal) && headingsAfter.Count > 0)
        {
            return new(true, $"the headings are now: {string.Join(", ", headingsAfter.Take(3))}");
        }
        var newWords = NewWords(before, after);
        if (newWords.Count >= 3) return new(true, $"new content shows: {string.Join(" ", newWords.Take(8))}");
        if (NewMessage(before, after) is { } message) return new(true, $"the page now says \"{message}\"");
        if (AnsweredButton(before, after) is { } answer) return new(true, answer);
        var items = ListChanged(before, after);
        return items.Observed ? items : new(false, $"the page stayed at {after.Location} with the same heading and content");
    }

    private static EffectEvidence ListChanged(UiObservation before, UiObservation after, string? subject = null)
    {
        var b = Items(before);
        var a = Items(after);
        if (a.Count != b.Count) return new(true, $"the list shows {a.Count} items (before: {b.Count})");
        if (!a.SequenceEqual(b, StringComparer.Ordinal)) return new(true, "the list shows other items");
        // A list the page only counts ("24 bikes" → "10 bikes up to € 450"): the count of the things filtered changed.
        if (subject is not null && Counted(after, subject) is { } now && Counted(before, subject) is { } was && now != was)
        {
            return new(true, $"the page now counts \"{now}\" (before: \"{was}\")");
        }
        return new(false, $"the list shows the same {a.Count} items");
    }

    /// <summary>The page's counts of the subject's things ("24 bikes", "3 results"), in page order, or null when it shows none.</summary>
    private static string? Counted(UiObservation observation, string subject)
    {
        var noun = Words(subject).LastOrDefault();
        if (noun is null) return null;
        var counts = CountPattern().Matches(ContentText(observation))
            .Where(m => Stem(m.Groups["w"].Value) == Stem(noun) || m.Groups["w"].Value is "results" or "items" or "matches" or "products")
            .Select(m => m.Value).ToList();
        return counts.Count == 0 ? null : string.Join(" | ", counts);
    }

    private static EffectEvidence TextVisible(string? text, UiObservation after)
    {
        if (string.IsNullOrWhiteSpace(text)) return new(false, "no text was given to look for");
        return Occurrences(ContentText(after), text) > 0 || Contains(after.VisibleText(), text)
            ? new(true, $"\"{text}\" is visible")
            : new(false, $"\"{text}\" is not on the screen");
    }

    private static EffectEvidence Revealed(string? subject, UiObservation before, UiObservation after)
    {
        var now = BestBySubject([.. after.AllNodes().Where(OnScreen)], subject);
        if (now is null) return subject is null ? Changed(before, after) : new(false, $"nothing that fits \"{subject}\" shows");
        var wasShown = before.AllNodes().Any(n => n.Role == now.Role && n.Name == now.Name && OnScreen(n) && n.Box == now.Box);
        return wasShown ? new(true, $"{Describe(now)} shows (it showed before too)") : new(true, $"{Describe(now)} now shows");
    }

    /// <summary>A sentence that was not on the page before (a confirmation, "Your bus: 09:30 …"), not an error.</summary>
    private static string? NewMessage(UiObservation before, UiObservation after)
    {
        // A field's value is what was typed, not what the page says: a paragraph holding a field reads without it.
        var old = before.AllNodes().Select(TextOutsideFields).ToHashSet(StringComparer.Ordinal);
        // A live region (role status or alert) is where a page announces what just happened ("Sent: hello", "Saved"):
        // there a short new text is the answer. Elsewhere a short text is too often a counter or a label to count.
        var announced = after.AllNodes()
            .Where(n => n.Role is "status" or "alert")
            .Select(n => TextOutsideFields(n).Trim())
            .FirstOrDefault(t => t.Length is >= 2 and < 200 && !old.Contains(t) && !LooksLikeError(t) && !LooksBusy(t) && Words(t).Count >= 1);
        return announced ?? after.AllNodes()
            .Where(n => n.Role is "alert" or "status" or "text" or "paragraph" or "heading" && n.Children.Count == 0 || n.Role is "paragraph" or "status")
            .Select(TextOutsideFields)
            .FirstOrDefault(t => (t.Length is >= 12 and < 200 && Words(t).Count >= 3 || ThanksPattern().IsMatch(t)) && !old.Contains(t) && !LooksLikeError(t));
    }

    /// <summary>
    /// A button that answered the press itself: "Send" now reads "Sent" or is disabled ("Subscribe" → "Subscribed ✓").
    /// The buttons are compared in page order, and only when the page holds as many as before; a busy label ("Sending…")
    /// is not an answer.
    /// </summary>
    private static string? AnsweredButton(UiObservation before, UiObservation after)
    {
        var was = before.AllNodes().Where(n => n.Role == "button").ToList();
        var now = after.AllNodes().Where(n => n.Role == "button").ToList();
        if (was.Count != now.Count) return null;
        for (var i = 0; i < was.Count; i++)
        {
            var renamed = !string.Equals(was[i].Name, now[i].Name, StringComparison.Ordinal) && now[i].Name.Trim().Length > 0;
            var disabled = !was[i].IsDisabled && now[i].IsDisabled;
            if (!renamed && !disabled) continue;
            if (renamed && (LooksBusy(now[i].Name) || LooksLikeError(now[i].Name))) continue;
            return renamed
                ? $"the button \"{was[i].Name}\" now reads \"{now[i].Name}\"{(disabled ? " and is disabled" : "")}"
                : $"the button \"{was[i].Name}\" is now disabled";
        }
        return null;
    }

    /// <summary>A node's text without the values of the fields inside it (their names stay).</summary>
    private static string TextOutsideFields(UiNode node)
    {
        var parts = new List<string>();
        Collect(node);
        return string.Join(" ", parts.Where(p => !string.IsNullOrWhiteSpace(p)).Distinct(StringComparer.Ordinal));

        void Collect(UiNode n)
        {
            parts.Add(n.Name);
            if (FieldRoles.Contains(n.Role)) return;
            parts.Add(n.Value ?? "");
            foreach (var child in n.Children) Collect(child);
        }
    }

    /// <summary>A message that says the work is still under way ("Sending…", "Loading", "Please wait"): not yet an answer.</summary>
    private static bool LooksBusy(string text) => BusyPattern().IsMatch(text);

    [System.Text.RegularExpressions.GeneratedRegex(@"(?:…|\.\.\.)\s*$|^\s*(?:loading|sending|saving|submitting|searching|processing|please wait|one moment|just a moment)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex BusyPattern();

    // A number and the word it counts, in normalised page text ("24 bikes").
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?<n>\d+)\s+(?<w>[a-z]+)\b")]
    private static partial System.Text.RegularExpressions.Regex CountPattern();

    private static bool OnScreen(UiNode node) => node.Box is not { } b || (b.Width > 0 && b.Height > 0 && b.Y + b.Height > 0);

    /// <summary>
    /// A change the user can see: the address, the page's text, a field's value or a state (checked, pressed,
    /// expanded, selected). A moved focus or renumbered references in the snapshot are not a change.
    /// </summary>
    private static EffectEvidence Changed(UiObservation before, UiObservation after)
    {
        if (before.Location != after.Location) return new(true, $"the page went from {before.Location} to {after.Location}");
        if (ContentText(before) != ContentText(after) || RawText(before) != RawText(after)) return new(true, "the screen changed: other text shows");
        var fieldsBefore = Fields(before).Select(f => f.Role + f.Name + "=" + f.Value).ToList();
        if (!fieldsBefore.SequenceEqual(Fields(after).Select(f => f.Role + f.Name + "=" + f.Value), StringComparer.Ordinal)) return new(true, "the screen changed: a field's value");
        var statesBefore = States(before);
        var statesAfter = States(after);
        return statesBefore.SetEquals(statesAfter)
            ? new(false, "the screen did not change (same address, text, values and states)")
            : new(true, $"the screen changed: {statesAfter.Except(statesBefore).Concat(statesBefore.Except(statesAfter).Select(s => "no longer " + s)).First()}");
    }

    /// <summary>The names and values as written ("Done ✓" is not "Done"), fields' values left to the field check.</summary>
    private static string RawText(UiObservation observation) =>
        string.Join("|", observation.AllNodes().Select(n => n.Name + ":" + (FieldRoles.Contains(n.Role) ? "" : n.Value)));

    private static HashSet<string> States(UiObservation observation) =>
        observation.AllNodes().SelectMany(n => n.Flags.Where(f => f is not ("active" or "focused" or "cursor=pointer" or "clickable")).Select(f => $"{Describe(n)} {f}")
            .Concat(n.Attributes.Where(a => a.Key is "checked" or "pressed" or "expanded" or "selected").Select(a => $"{Describe(n)} {a.Key}={a.Value}")))
            .ToHashSet(StringComparer.Ordinal);

    private static string WithoutFragment(string location) => location.Split('#', 2)[0];

    private static bool IsPlaceholder(string? value) => value is not null && value.Contains("${", StringComparison.Ordinal);
}
