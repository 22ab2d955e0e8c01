using ActionAgent.Core.Actions;
using ActionAgent.Core.Goals;
using ActionAgent.Core.Observation;

namespace ActionAgent.Core.Engine;

// The evidence rule for a whole sub-goal: its expected effect must show, and on the right thing. A screen that changed
// after a click on the wrong post, a sort in the wrong direction, a download "proven" by reading text, or one item of
// "every photo by @ana" is not the sub-goal's effect.
public static partial class EffectEvaluator
{
    /// <summary>
    /// Whether the sub-goal's effect shows, judged between <paramref name="before"/> (the screen before the sub-goal's
    /// first step) and <paramref name="after"/>: the expected effect, and then, where the goal names them, the right
    /// item (the step acted inside the item the goal names: "@eli", "budget.xlsx in 2026"), every item in scope
    /// ("every photo by @ana": each one changed and nothing else did), the order a sort asks for ("newest first"), and
    /// for a download a sign of the file rather than text read off the page.
    /// </summary>
    /// <param name="goal">The sub-goal.</param>
    /// <param name="before">The screen before the sub-goal's first step.</param>
    /// <param name="after">The screen now.</param>
    /// <param name="step">The step just carried out and the screen it acted on, when the check follows a step.</param>
    public static EffectEvidence Evaluate(SubGoal goal, UiObservation before, UiObservation after, EffectStep? step = null)
    {
        ArgumentNullException.ThrowIfNull(goal);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (goal.Family == ActionFamily.Toggle && goal.Values.Any(v => v.IsException)) return AllOthers(goal, after);
        // "In the privacy settings, let only me see my profile" read as a press of nothing in particular: any change of
        // screen (a tab opened while looking) would pass for it. A goal that names nothing to act on shows nothing.
        if (goal.Family == ActionFamily.Activate && string.IsNullOrWhiteSpace(goal.Object) && goal.Values.Count == 0 &&
            goal.Effect.Subject is null && goal.Effect.Value is null)
        {
            return new(false, $"\"{goal.Text}\" names nothing to act on, so no change of screen can show it was done");
        }
        if (Confirmation(goal, before, after) is { } confirmed) return confirmed;
        var evidence = FileFetched(goal, before, after, step) ?? Evaluate(goal.Effect, before, after, Worded(step));
        if (!evidence.Observed) return evidence;
        var details = new List<string> { evidence.Detail };
        foreach (var rule in new Func<EffectEvidence?>[]
        {
            () => SubmitControl(goal, step),
            () => RightItem(goal, step),
            () => PricedExtreme(goal, step),
            () => EveryItemInScope(goal, before, after),
            () => SortOrder(goal, after),
            () => UnfinishedFlow(goal, after),
        })
        {
            if (rule() is not { } verdict) continue;
            if (!verdict.Observed) return new(false, $"{evidence.Detail}, but {verdict.Detail}");
            details.Add(verdict.Detail);
        }
        return new(true, string.Join("; ", details));
    }

    /// <summary>
    /// "Reserve a table for 4 at 20:45": a pick that names no choice (no "cheapest", no "second", no item) is done when
    /// the page, newly, says so in the goal's own words: a heading or message naming the thing and the verb done to it
    /// ("Table reserved", "Your order has been placed" is not enough for "book a flight": it names no flight). Null when the
    /// sub-goal is no such pick or the page says no such thing.
    /// </summary>
    public static EffectEvidence? Confirmation(SubGoal goal, UiObservation before, UiObservation after)
    {
        ArgumentNullException.ThrowIfNull(goal);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (goal.Family != ActionFamily.Pick || !goal.Qualifiers.IsEmpty || goal.Values.Count > 0 || goal.Verb is not { Length: > 0 } verb) return null;
        var thing = Words(goal.Object).LastOrDefault();
        if (thing is null || Filler.Contains(thing)) return null;
        var done = Done(Words(verb)[0]);
        var old = before.AllNodes().Select(n => Normalise(TextOutsideFields(n))).ToHashSet(StringComparer.Ordinal);
        var said = after.AllNodes()
            .Where(n => n.Role is "heading" or "status" or "alert" or "paragraph" && OnScreen(n))
            .Select(n => Normalise(TextOutsideFields(n)))
            .FirstOrDefault(t => t.Length < 200 && !old.Contains(t) && !LooksLikeError(t) && Words(t) is var w &&
                w.Select(Stem).Contains(Stem(thing)) && w.Any(x => done.Contains(x)));
        return said is null ? null : new(true, $"the page now says \"{said}\"");
    }

    // The forms of a verb that say it was done ("reserve" → "reserved", "buy" → "bought").
    private static HashSet<string> Done(string verb)
    {
        var forms = new HashSet<string>(StringComparer.Ordinal) { verb.EndsWith('e') ? verb + "d" : verb + "ed", "confirmed" };
        if (verb.Length > 2 && verb[^1] == 'y' && !"aeiou".Contains(verb[^2], StringComparison.Ordinal)) forms.Add(verb[..^1] + "ied");
        if (IrregularDone.TryGetValue(verb, out var irregular)) forms.UnionWith(irregular);
        return forms;
    }

    private static readonly Dictionary<string, string[]> IrregularDone = new(StringComparer.Ordinal)
    {
        ["buy"] = ["bought"], ["take"] = ["taken", "took"], ["get"] = ["got"], ["grab"] = ["grabbed"], ["fly"] = ["flown"],
        ["book"] = ["booked"], ["hire"] = ["hired"], ["rent"] = ["rented"], ["pick"] = ["picked"],
    };

    /// <summary>
    /// The step with its target's words: a clickable with no role is targeted by ref alone, and its text is on the screen
    /// the step acted on, which may be newer than the sub-goal's first screen (a list opened in between).
    /// </summary>
    private static PlanStep? Worded(EffectStep? step)
    {
        if (step?.Step is not { Target: { Ref: { } r } target } acted || !string.IsNullOrWhiteSpace(target.Name) || !string.IsNullOrWhiteSpace(target.Text)) return step?.Step;
        var node = step.Before.AllNodes().FirstOrDefault(n => n.Ref == r);
        return node is null ? acted : acted with { Target = target with { Text = node.InnerText() } };
    }

    /// <summary>
    /// "Only cheese and olives": every box of the group the goal names (of the page, when it names none or no group
    /// fits) other than those it keeps is in the state asked for. The boxes it keeps are other sub-goals' business.
    /// </summary>
    private static EffectEvidence AllOthers(SubGoal goal, UiObservation after)
    {
        var keep = goal.Values.Where(v => v.IsException).Select(v => v.Text).ToList();
        var wanted = goal.Qualifiers.DesiredState ?? goal.Effect.Kind != EffectKind.Unchecked;
        var boxes = InGroups(after.Nodes, null).Where(x => x.Node.Role is "checkbox" or "switch" or "menuitemcheckbox").ToList();
        var inGroup = goal.Object.Length == 0 ? [] : boxes.Where(x => x.Group is { } g && Contains(g, goal.Object)).ToList();
        var others = (inGroup.Count > 0 ? inGroup : boxes).Select(x => x.Node).Where(n => !keep.Any(k => SameValue(n.Name, k) || Contains(n.Name, k))).ToList();
        var state = wanted ? "checked" : "not checked";
        if (others.Count == 0) return new(true, $"no box other than {string.Join(", ", keep.Select(k => $"\"{k}\""))} is there");
        var wrong = others.Where(n => IsOn(n) != wanted).ToList();
        return wrong.Count == 0
            ? new(true, $"every box but {string.Join(", ", keep.Select(k => $"\"{k}\""))} is {state} ({others.Count})")
            : new(false, $"{Summarise(wrong)} {(wrong.Count == 1 ? "is" : "are")} still {(wanted ? "not checked" : "checked")}");
    }

    /// <summary>Whether the goal asks for a file (download, export, print, "as a PDF"): reading text off the page is not that.</summary>
    /// <param name="goal">The sub-goal.</param>
    /// <returns>Whether it is a read whose verb fetches a file or whose value names a file format.</returns>
    public static bool AsksForFile(SubGoal goal) =>
        goal?.Family == ActionFamily.Read &&
        (TransferVerbs.Any(v => (goal.Verb ?? FirstWord(goal.Text)).StartsWith(v, StringComparison.OrdinalIgnoreCase)) ||
         goal.Values.Any(v => string.Equals(v.Label, "format", StringComparison.OrdinalIgnoreCase)));

    private static readonly string[] TransferVerbs = ["download", "export", "print", "save a copy", "save as"];

    private static string FirstWord(string text) => text.TrimStart().Split(' ', 2)[0];

    /// <summary>
    /// A download is done when the browser's download list gained a file since the sub-goal began, or when the page newly
    /// says so ("Downloading invoice-2027-04.pdf…", "Export started"), and that file, the message, or the control and the
    /// item it was pressed in say a word of what was asked for (a "lease.png" is not "the latest statement"). A screen
    /// that only changed (a message opened to look for the file's button) fetched nothing, and text read off the page is
    /// no file at all. Null when the sub-goal asks for no file.
    /// </summary>
    private static EffectEvidence? FileFetched(SubGoal goal, UiObservation before, UiObservation after, EffectStep? step)
    {
        if (!AsksForFile(goal) || step is null) return null;
        var verb = goal.Verb ?? FirstWord(goal.Text);
        if (step.Step.Action == ActionKind.Extract) return new(false, $"\"{verb}\" asks for a file, and text read off the page is no sign that one was fetched");
        var file = after.Downloads.Count > before.Downloads.Count ? after.Downloads[^1] : null;
        var said = file is not null ? null : NewFileMessage(before, after);
        if (file is null && said is null) return new(false, $"\"{verb}\" asks for a file, and the browser downloaded none and the page says nothing of one");
        var fetched = file is null ? $"the page now says \"{said}\"" : $"the browser downloaded \"{file}\"";
        var wanted = Words(goal.Object).Where(w => !ScopeFiller.Contains(w) && !FileFormats.Contains(w)).Select(Stem).ToHashSet(StringComparer.Ordinal);
        if (wanted.Count == 0) return new(true, fetched);
        var path = step.Step.Target is { } target ? PathTo(step.Before, target) : null;
        var shown = Words($"{file} {said} {(path is null ? "" : ChainText(path))}").Select(Stem);
        return shown.Any(wanted.Contains)
            ? new(true, fetched)
            : new(false, $"{fetched}, but neither it nor the control pressed names \"{goal.Object}\"");
    }

    /// <summary>A short text, new since <paramref name="before"/> and no error, that says a file is on its way ("Downloading …").</summary>
    private static string? NewFileMessage(UiObservation before, UiObservation after)
    {
        var old = before.AllNodes().Select(n => Normalise(TextOutsideFields(n))).ToHashSet(StringComparer.Ordinal);
        return after.AllNodes()
            .Where(n => n.Children.Count == 0 && OnScreen(n))
            .Select(n => Normalise(TextOutsideFields(n)))
            .FirstOrDefault(t => t.Length is > 0 and < 200 && !old.Contains(t) && !LooksLikeError(t) && SaysTransfer(t));
    }

    private static readonly HashSet<string> FileFormats = new(StringComparer.Ordinal) { "pdf", "csv", "xls", "xlsx", "doc", "docx", "zip", "txt", "json", "xml", "png", "jpg", "jpeg", "file", "copy" };

    // "Downloading …", "Download started", "Exported", "Printing…" ("saved" says nothing of a file: "Payment saved").
    private static bool SaysTransfer(string text) =>
        Words(text).Any(w => TransferSigns.Any(sign => w.StartsWith(sign, StringComparison.Ordinal)));

    private static readonly string[] TransferSigns = ["download", "export", "printing", "printed"];

    /// <summary>
    /// A form is sent by a button, by Enter in a field, or by a link or clickable text whose words fit the goal's
    /// ("Sign in"); a "Contact support" link that changes the page sends nothing.
    /// </summary>
    private static EffectEvidence? SubmitControl(SubGoal goal, EffectStep? step)
    {
        if (goal.Family != ActionFamily.Submit || step?.Step is not { Action: ActionKind.Click } click || click.Target is not { } target) return null;
        var path = PathTo(step.Before, target);
        var acted = path?[^1];
        var role = acted?.Role ?? target.Role;
        if (role is "button" or "menuitem" || acted is null && target.Role is null && target.Ref is null) return null;
        var name = acted?.Name is { Length: > 0 } n ? n : target.Name ?? target.Text ?? "";
        var wanted = Words($"{goal.Verb} {goal.Object} {goal.Effect.Subject}").Where(w => !Filler.Contains(w) && w != "press").Select(Stem).ToHashSet(StringComparer.Ordinal);
        return Words(name).Select(Stem).Any(wanted.Contains)
            ? null
            : new(false, $"the step clicked {role ?? "an element"} \"{name}\", which is not a button and whose words do not fit \"{goal.Verb} {goal.Object}\": it sends no form");
    }

    /// <summary>The effects that show only that something happened, not to what: they need the step to have acted on the named item.</summary>
    private static bool IsUnspecific(ExpectedEffect effect) =>
        effect.Kind is EffectKind.ScreenChanged or EffectKind.Navigated or EffectKind.ValueRead or EffectKind.Revealed or EffectKind.ListChanged
            or EffectKind.Expanded or EffectKind.Closed ||
        (effect.Kind is EffectKind.Selected or EffectKind.ItemDisappeared && string.IsNullOrEmpty(effect.Value));

    private static bool ActsOnItems(SubGoal goal) =>
        goal.Family is ActionFamily.Activate or ActionFamily.Pick or ActionFamily.Read or ActionFamily.Hover or ActionFamily.Expand
            or ActionFamily.Remove or ActionFamily.Navigate or ActionFamily.Toggle;
}
