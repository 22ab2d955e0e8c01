using ActionAgent.Core.Actions;
using ActionAgent.Core.Goals;
using ActionAgent.Core.Ports;

namespace ActionAgent.Planning.Offline;

// Containers that hide what a sub-goal needs until they are opened: a tab the goal names or that may hold the control,
// the next page of a list or its "load more" button when the named item is not shown yet, and a confirmation dialog
// that an action opened on its way to its effect.
public sealed partial class OfflinePlanner
{
    private const int MaxPagesTurned = 6;
    private const int MaxFlowSteps = 4;

    /// <summary>A tab the sub-goal's scope names ("in the Billing tab", "in the privacy settings") that is not open yet.</summary>
    private SearchAttempt? ScopedTab(SubGoal goal, PageModel page)
    {
        if (string.IsNullOrWhiteSpace(goal.Scope)) return null;
        var words = TextTokens.Content(goal.Scope);
        var s = _run.Search!;
        var tab = page.All.FirstOrDefault(n => n.Role == "tab" && !n.Has("selected") && !n.IsDisabled && !s.Revealed.Contains("tab:" + n.Name) &&
            TextTokens.Content(n.Name) is { Count: > 0 } name && name.All(words.Contains));
        if (tab is null) return null;
        s.Revealed.Add("tab:" + tab.Name);
        return new SearchAttempt("reveal", SearchStep(ActionKind.Click, tab, null, $"open the tab {tab.Name}", tab.Name), $"the scope \"{goal.Scope}\" names {tab}, which is not open");
    }

    /// <summary>When nothing fits: a tab not open yet, the one closest in meaning to what is looked for first (each once).</summary>
    private async Task<PlanDecision?> OpenOtherTabAsync(SubGoal goal, PageModel page, CancellationToken cancellationToken)
    {
        var s = _run.Search!;
        var tabs = page.All.Where(n => n.Role == "tab" && !n.Has("selected") && !n.IsDisabled && !s.Revealed.Contains("tab:" + n.Name)).ToList();
        if (tabs.Count == 0) return null;
        var ranked = await _scorer.RankAsync($"{ObjectWords(goal)} {goal.Scope}", ActionKind.Click, n => 1, tabs, cancellationToken).ConfigureAwait(false);
        var tab = ranked.OrderByDescending(r => r.Score).FirstOrDefault()?.Node ?? tabs[0];
        s.Revealed.Add("tab:" + tab.Name);
        return PlanDecision.Continue([SearchStep(ActionKind.Click, tab, null, $"open the tab {tab.Name} to look inside", tab.Name) with { SubGoal = goal.Index }],
            $"sub-goal {goal}: nothing fits on this tab; look in {tab}");
    }

    /// <summary>
    /// When the item the sub-goal names is not on the page: press the list's "load more" / "show more" or "next page"
    /// control, a few times at most, and look again.
    /// </summary>
    private async Task<PlanDecision?> TurnPageAsync(SubGoal goal, PageModel page, CancellationToken cancellationToken)
    {
        var s = _run.Search!;
        // Only while what the goal names is not on the page: once it shows (and was tried), never page on to another one.
        if (!NamedItemMissing(goal, page) && !(goal.Scope is { Length: > 0 } scope && NamesAbsent(scope, page))) return null;
        if (s.PagesTurned >= MaxPagesTurned) return null;
        var controls = page.All.Where(n => (n.Role is "button" or "link" || n.IsRolelessClickable) && !n.IsDisabled && n.IsOnScreen).ToList();
        var ranked = await _scorer.RankAsync("load more, show more, next page", ActionKind.Click, n => 1, controls, cancellationToken).ConfigureAwait(false);
        var more = ranked.FirstOrDefault(r => r.TokenOverlap > 0 && r.Score >= _options.MinimumScore && MoreWords().IsMatch(r.Node.Label()));
        if (more is null) return null;
        s.PagesTurned++;
        return PlanDecision.Continue([SearchStep(ActionKind.Click, more.Node, null, $"show more of the list ({more.Node.Label()})", more.Node.Label()) with { SubGoal = goal.Index }],
            $"sub-goal {goal}: what it names is not shown yet; {more.Explain()}");
    }

    /// <summary>
    /// A flow of pages ("Step 1 of 3", a sign-in that asks for the email first): what a later sub-goal needs is on the
    /// next page, so once an earlier sub-goal was done here, press the page's one forward control ("Next", "Continue")
    /// and look again. A few times at most; never for the first sub-goal (nothing was done on this page yet).
    /// </summary>
    private PlanDecision? AdvanceFlow(SubGoal goal, PageModel page)
    {
        var s = _run.Search!;
        if (s.Current == 0 || s.FlowSteps >= MaxFlowSteps) return null;
        var forward = ForwardControls(page);
        if (forward.Count != 1 || !s.Revealed.Add("forward:" + KeyOf(forward[0]))) return null;
        s.FlowSteps++;
        return PlanDecision.Continue([SearchStep(ActionKind.Click, forward[0], null, $"go on to the next page ({forward[0].Label()})", forward[0].Label()) with { SubGoal = goal.Index }],
            $"sub-goal {goal}: nothing on this page fits it and the earlier ones were done here; {forward[0]} goes on to the next page of the flow");
    }

    /// <summary>
    /// A path scope ("the file budget.xlsx in Documents > 2026"): the first closed item along the path, opened (each once),
    /// so the search walks down the path part by part rather than opening whichever closed folder ranks best.
    /// </summary>
    private PlanDecision? OpenPath(SubGoal goal, PageModel page)
    {
        if (goal.Scope is not { Length: > 0 } scope || PathParts(scope) is not { Length: > 1 } parts) return null;
        var s = _run.Search!;
        PageNode? at = null;
        foreach (var part in parts.Where(p => DistinctWords(p).Count > 0))
        {
            at = PathPart(at, part, page);
            if (at is null) return null;
            var closed = at.IsCollapsed ? at : at.Children.FirstOrDefault(c => c.IsCollapsed);
            if (closed is null || !s.Revealed.Add("path:" + KeyOf(closed))) continue;
            return PlanDecision.Continue([SearchStep(ActionKind.Click, closed, null, $"open {closed.Label()} on the way to \"{scope}\"", closed.Label()) with { SubGoal = goal.Index }],
                $"sub-goal {goal}: {closed} is part \"{part}\" of the path and is closed");
        }
        return null;
    }

    /// <summary>The enabled controls on screen that go on to a flow's next page ("Next", "Continue", "→").</summary>
    private static List<PageNode> ForwardControls(PageModel page) =>
        [.. page.All.Where(n => (n.Role is "button" or "link" || n.IsRolelessClickable) && n.IsOnScreen && !n.IsDisabled && ForwardWords().IsMatch(n.Label()))];

    /// <summary>
    /// A submit sub-goal ("finish the setup") whose press went on to a flow's next page: it is not done while that page
    /// still goes on (a forward control) or offers a control that says the goal's own verb ("Finish"). Null when the
    /// press was not a forward one, or the goal's verb is itself a forward word ("continue to payment").
    /// </summary>
    private static string? FlowGoesOn(SubGoal goal, SearchAttempt pending, PageModel page)
    {
        if (goal.Family != ActionFamily.Submit || pending.Step.Action != ActionKind.Click || !ForwardWords().IsMatch(pending.Step.Target?.Name ?? "")) return null;
        if (ForwardWords().IsMatch(goal.Verb ?? "") || ForwardWords().IsMatch(goal.Object)) return null;
        var saying = page.All.Where(n => (n.Role is "button" or "link" || n.IsRolelessClickable) && n.IsOnScreen && !n.IsDisabled).FirstOrDefault(SaysVerb(goal));
        if (saying is not null) return $"the next page offers {saying}";
        return ForwardControls(page) is { Count: > 0 } more ? $"the next page goes on ({more[0]})" : null;
    }

    /// <summary>A dialog that the last step opened and that asks to confirm it: press its confirming button.</summary>
    private async Task<SearchAttempt?> ConfirmDialogAsync(SubGoal goal, SearchAttempt pending, PageModel page, CancellationToken cancellationToken)
    {
        if (pending.Step.Action != ActionKind.Click || _run.Search!.Baseline is not { } before) return null;
        var dialogsBefore = PageModel.From(before).All.Count(n => n.Role is "dialog" or "alertdialog");
        var dialogs = page.All.Where(n => n.Role is "dialog" or "alertdialog").ToList();
        if (dialogs.Count <= dialogsBefore) return null;
        // A dialog with fields is a form to fill, not a question to confirm.
        if (dialogs[^1].DescendantsAndSelf().Any(n => FillRoles.Contains(n.Role))) return null;
        var buttons = dialogs[^1].DescendantsAndSelf().Where(n => n.Role == "button" && !n.IsDisabled && !DeclineWords().IsMatch(n.Name)).ToList();
        if (buttons.Count == 0) return null;
        var ranked = await _scorer.RankAsync($"{goal.Verb} {ObjectWords(goal)} yes confirm ok", ActionKind.Click, buttons, cancellationToken).ConfigureAwait(false);
        var yes = ranked.FirstOrDefault(r => r.TokenOverlap > 0 || ConfirmWords().IsMatch(r.Node.Name)) ?? (buttons.Count == 1 ? ranked.FirstOrDefault() : null);
        if (yes is null) return null;
        return pending with { Step = SearchStep(ActionKind.Click, yes.Node, null, goal.Text, yes.Node.Label()), Why = $"the dialog asks to confirm; {yes.Explain()}", Undo = null };
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:more|next|older|›|»|→)", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex MoreWords();

    [System.Text.RegularExpressions.GeneratedRegex(@"^\W*(?:next|continue|proceed|forward|go\s+on)\b(?!\s+(?:shopping|browsing|reading|as\s+guest))|^\s*(?:→|›|»|>|>>)\s*$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex ForwardWords();

    [System.Text.RegularExpressions.GeneratedRegex(@"^\W*(?:cancel|no|close|keep|back|not now|dismiss|×|✕|x)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex DeclineWords();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:yes|ok|okay|confirm|continue|proceed|delete|remove|discard|archive)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex ConfirmWords();
}
