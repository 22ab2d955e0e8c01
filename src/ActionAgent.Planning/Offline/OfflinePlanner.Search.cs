using ActionAgent.Core.Actions;
using ActionAgent.Core.Engine;
using ActionAgent.Core.Goals;
using ActionAgent.Core.Ports;

namespace ActionAgent.Planning.Offline;

// Action search with verified effects: for each sub-goal, rank candidates on the page, act on the best, and check the
// sub-goal's expected effect on the next observation; no effect → undo where possible and try the next candidate.
public sealed partial class OfflinePlanner
{
    private async Task<PlanDecision> NextSearchStepAsync(PlanningContext context, PageModel page, CancellationToken cancellationToken)
    {
        var s = _run.Search!;
        s.Start ??= page.Observation;
        while (s.Current < s.SubGoals.Count)
        {
            var goal = s.SubGoals[s.Current];
            if (s.Pending is { } pending)
            {
                s.Pending = null;
                var verdict = await CheckAttemptAsync(goal, pending, context, page, cancellationToken).ConfigureAwait(false);
                if (verdict is not null) return verdict;
                continue;
            }
            // "Reserve a table for 4 at 20:45": the press that sent the details made the reservation, and the page says so.
            if (s.Baseline is null && (AlreadyHolds(goal, page) || EffectEvaluator.Confirmation(goal, s.Start, page.Observation) is not null))
            {
                s.Next();
                continue;
            }
            if (s.Settled.Contains(goal.Index) || AddedWithoutTyping(goal, context) is { } added && s.Settled.Add(added.Index))
            {
                s.Next();
                continue;
            }
            if (ImpliedOption(goal, page) is { } option) return option;
            var candidate = await BestCandidateAsync(goal, page, cancellationToken).ConfigureAwait(false);
            if (candidate is null)
            {
                if (IsMultiTarget(goal) && s.DoneTargets.Count > 0)
                {
                    s.Next(); // every target was acted on and verified
                    continue;
                }
                var explore = OpenPath(goal, page)
                    ?? await RevealMoreAsync(goal, page, cancellationToken).ConfigureAwait(false)
                    ?? await RevealAsync(goal, page, cancellationToken).ConfigureAwait(false)
                    ?? await TurnPageAsync(goal, page, cancellationToken).ConfigureAwait(false)
                    ?? await OpenOtherTabAsync(goal, page, cancellationToken).ConfigureAwait(false)
                    ?? AdvanceFlow(goal, page);
                if (explore is not null)
                {
                    // The next attempt's effect is judged from the screen after this, not before it (a turned page is no effect).
                    s.Explored = true;
                    s.Baseline = null;
                    return explore;
                }
                // A pause only helps right after an action (the page may still be drawing); at the start, or after a
                // pause, it only costs time. An optional sub-goal ("and confirm" when nothing asks) is not waited for.
                if (!goal.Optional && JustActed(context) && ++s.Waits <= 2 && Pause($"looking for what \"{goal.Text}\" needs") is { } pause) return pause;
                if (goal.Optional)
                {
                    s.Next();
                    continue;
                }
                if (Described(goal) is { } described && s.Tried.Add("visual:" + goal.Index))
                {
                    // The tree has nothing that fits: the engine's grounder and then the visual locator look for it.
                    s.Baseline ??= page.Observation;
                    s.Pending = new SearchAttempt("visual:" + goal.Index, described, "visual");
                    s.StepBefore = page.Observation;
                    return PlanDecision.Continue([described], $"nothing in the page model fits sub-goal {goal}; leaving it to the visual locator");
                }
                return PlanDecision.GiveUp(NotAchieved(goal, s.LastEvidence ?? "nothing on the page fits it"));
            }
            _run.Waits = 0;
            if (candidate.Key == "reveal") (s.Explored, s.Baseline) = (true, null);
            if (candidate.Key == "reveal") return PlanDecision.Continue([candidate.Step with { SubGoal = goal.Index }], $"sub-goal {goal}: {candidate.Why}");
            s.Baseline ??= page.Observation;
            s.Pending = candidate;
            s.StepBefore = page.Observation;
            return PlanDecision.Continue([candidate.Step with { SubGoal = goal.Index }, .. (candidate.Then ?? []).Select(t => t with { SubGoal = goal.Index })],
                $"sub-goal {goal}: {candidate.Why}");
        }
        return PlanDecision.Done($"the effect of every sub-goal ({s.SubGoals.Count}) was observed");
    }

    /// <summary>Checks the effect of what was just done; null to go on with the loop, or the next decision.</summary>
    private async Task<PlanDecision?> CheckAttemptAsync(SubGoal goal, SearchAttempt pending, PlanningContext context, PageModel page, CancellationToken cancellationToken)
    {
        var s = _run.Search!;
        if (pending.NeedsOption && goal.Values.FirstOrDefault()?.Text is { } typed)
        {
            // Typing into a combobox chooses nothing yet: its suggestion that names the value must be clicked.
            if (await OptionNamedAsync(goal, pending, typed, page, cancellationToken).ConfigureAwait(false) is { } option)
            {
                s.Pending = option;
                return PlanDecision.Continue([option.Step with { SubGoal = goal.Index }], $"sub-goal {goal}: {option.Why}");
            }
            s.Tried.Add(pending.Key);
            s.LastEvidence = $"no suggestion named \"{typed}\" showed after typing it";
            if (++s.Attempts >= _options.MaxCandidatesPerSubGoal) return PlanDecision.GiveUp(NotAchieved(goal, s.LastEvidence, s.Attempts));
            return pending.Undo is { } clear ? PlanDecision.Continue([clear with { SubGoal = goal.Index }], $"sub-goal {goal}: {s.LastEvidence}; clear it and try the next candidate") : null;
        }
        if (pending.Saves is { } saved)
        {
            // The editor's save: the value now shows outside the fields (the row reads "28", the reply is posted).
            var shown = EffectEvaluator.Evaluate(new ExpectedEffect(EffectKind.ItemAppeared, null, saved), s.StepBefore ?? page.Observation, page.Observation);
            if (!shown.Observed) return PlanDecision.GiveUp(NotAchieved(goal, $"\"{saved}\" was typed into the editor the search opened, but after pressing save {shown.Detail}"));
            s.Next();
            return null;
        }
        // Single targets are judged by the whole evidence rule (the right item, the sort's direction), as the engine will,
        // on the step as the engine carried it out (grounded to the very element it acted on), when it is that step.
        var carried = context.History.Count > 0 && context.History[^1].Step.Action == pending.Step.Action ? context.History[^1].Step : pending.Step;
        var evidence = pending.TargetKey is null
            ? EffectEvaluator.Evaluate(goal, s.Baseline ?? page.Observation, page.Observation, new EffectStep(carried, s.StepBefore ?? s.Baseline ?? page.Observation))
            : EffectEvaluator.Evaluate(goal.Effect, s.Baseline ?? page.Observation, page.Observation, pending.Step);
        if (pending.TargetKey is not null)
        {
            var took = TargetTook(goal, pending, page, evidence);
            if (took)
            {
                s.DoneTargets.Add(pending.TargetKey);
                s.Attempts = 0;
                return null;
            }
        }
        else if (evidence.Observed && FlowGoesOn(goal, pending, page) is { } goesOn)
        {
            // "Finish the setup" pressed "Next": the flow's next page is not the end of it; look again there.
            if (s.FlowSteps >= MaxFlowSteps) return PlanDecision.GiveUp(NotAchieved(goal, $"{goesOn}, after {MaxFlowSteps} pages of the flow"));
            s.FlowSteps++;
            s.Tried.Remove(pending.Key);
            (s.Explored, s.Baseline) = (true, null);
            s.LastEvidence = goesOn;
            return null;
        }
        else if (evidence.Observed || !s.Explored && context.AchievedSubGoals.Contains(goal.Index))
        {
            if (pending.Step.Target?.Ref is { } acted) s.ActedOn[goal.Index] = acted;
            if (evidence.Observed && SaveOpenedEditor(goal, pending, page) is { } save)
            {
                s.Pending = save;
                s.StepBefore = page.Observation;
                return PlanDecision.Continue([save.Step with { SubGoal = goal.Index }], $"sub-goal {goal}: {save.Why}");
            }
            s.Next();
            return null;
        }
        s.LastEvidence = evidence.Detail;
        if (pending.FollowUps < 2 && (await ConfirmDialogAsync(goal, pending, page, cancellationToken).ConfigureAwait(false)
            ?? await FollowUpAsync(goal, pending, page, cancellationToken).ConfigureAwait(false)) is { } follow)
        {
            s.Pending = follow with { FollowUps = pending.FollowUps + 1 };
            s.StepBefore = page.Observation;
            return PlanDecision.Continue([follow.Step with { SubGoal = goal.Index }], $"sub-goal {goal}: {follow.Why}");
        }
        s.Tried.Add(pending.Key);
        if (++s.Attempts >= _options.MaxCandidatesPerSubGoal)
        {
            if (goal.Optional)
            {
                s.Next();
                return null;
            }
            return PlanDecision.GiveUp(NotAchieved(goal, evidence.Detail, s.Attempts));
        }
        if (pending.Undo is { } undo)
        {
            return PlanDecision.Continue([undo with { SubGoal = goal.Index }], $"sub-goal {goal}: no effect ({evidence.Detail}); undo and try the next candidate");
        }
        return null;
    }

    /// <summary>After a failed step in the search: that candidate is out; the next call tries the next one.</summary>
    private PlanDecision? SearchStepFailed(StepFailure failure, PageModel page)
    {
        var s = _run.Search!;
        if (WidgetRecovery(failure, page) is { } widget) return widget;
        if (s.Pending is { } pending)
        {
            s.Tried.Add(pending.Key);
            s.Pending = null;
            s.Attempts++;
        }
        if (failure.Reason.Contains("intercepts pointer events", StringComparison.OrdinalIgnoreCase))
        {
            return PlanDecision.Continue([new PlanStep { Action = ActionKind.Press, Value = "Escape", Description = "close what is in the way", Origin = Name }],
                "something covers the element");
        }
        if (s.Current < s.SubGoals.Count && s.Attempts >= _options.MaxCandidatesPerSubGoal)
        {
            return PlanDecision.GiveUp(NotAchieved(s.SubGoals[s.Current], s.LastEvidence ?? failure.Reason, s.Attempts));
        }
        _ = page;
        return null;
    }

    /// <summary>
    /// "Add "Lentil soup" to my cookbook" where the page lists the dish and its own control added it: the later add
    /// sub-goal for that value already showed its effect, so there is nothing to type.
    /// </summary>
    private SubGoal? AddedWithoutTyping(SubGoal goal, PlanningContext context) =>
        goal.Family == ActionFamily.EnterText && goal.Effect.Kind == EffectKind.ValueSet && goal.Effect.Value is { Length: > 0 } value
            ? _run.Search!.SubGoals.FirstOrDefault(g => g.Index > goal.Index && g.Effect.Kind == EffectKind.ItemAppeared &&
                string.Equals(g.Effect.Value, value, StringComparison.OrdinalIgnoreCase) && context.AchievedSubGoals.Contains(g.Index))
            : null;

    private static bool JustActed(PlanningContext context) => context.History.Count > 0 && context.History[^1].Step.Action != ActionKind.WaitFor;

    private static string NotAchieved(SubGoal goal, string seen, int tried = 0) =>
        $"Sub-goal {goal} was not achieved{(tried > 0 ? $" after {tried} candidate(s)" : "")}: expected {goal.Effect}; the screen showed: {seen}.";

    private static bool IsMultiTarget(SubGoal goal) => goal.Qualifiers.Quantity != Quantity.One || goal.Values.Count(IsTypedValue) > 1 && goal.Family == ActionFamily.EnterText;

    private static bool IsTypedValue(GoalValue value) => value.Kind is not GoalValueKind.Key;

    /// <summary>A state the sub-goal asks for that the page already shows (the box is already ticked, the field already holds it).</summary>
    private static bool AlreadyHolds(SubGoal goal, PageModel page)
    {
        if (goal.Values.Any(v => v.IsException)) return EffectEvaluator.Evaluate(goal, page.Observation, page.Observation).Observed;
        if (IsMultiTarget(goal) || !goal.Qualifiers.IsEmpty && goal.Qualifiers.DesiredState is null) return false;
        if (goal.Effect.Kind is not (EffectKind.ValueSet or EffectKind.Checked or EffectKind.Unchecked)) return false;
        if (goal.Effect.Value is null && goal.Effect.Kind == EffectKind.ValueSet) return false;
        return EffectEvaluator.Evaluate(goal.Effect, page.Observation, page.Observation).Observed;
    }

    /// <summary>Whether one target of a multi-target sub-goal took: its item or control changed, or the sub-goal's own effect shows for it.</summary>
    private static bool TargetTook(SubGoal goal, SearchAttempt pending, PageModel page, EffectEvidence evidence)
    {
        if (pending.TargetKey!.StartsWith("value:", StringComparison.Ordinal))
        {
            var value = pending.Step.Value ?? "";
            return EffectEvaluator.Evaluate(new ExpectedEffect(EffectKind.ValueSet, null, value), page.Observation, page.Observation).Observed;
        }
        if (pending.Step.Target?.Ref is { } r && page.All.FirstOrDefault(n => n.Node.Ref == r) is { } control)
        {
            return TargetSignature(control) != pending.TargetText;
        }
        // The control is gone: with its item (a delete), or the page drew it anew.
        return goal.Effect.Kind == EffectKind.ItemDisappeared || evidence.Observed;
    }

    /// <summary>What a target looks like: its item's text and every state flag in it (checked, pressed, expanded).</summary>
    private static string TargetSignature(PageNode control)
    {
        var item = control.Container ?? control;
        return item.InnerText() + "|" + control.Name + "|" + string.Join(",", item.DescendantsAndSelf().SelectMany(n => n.Node.Flags.Select(f => n.Role + ":" + f)))
            + "|" + string.Join(",", item.DescendantsAndSelf().Where(n => n.Node.Attributes.ContainsKey("pressed") || n.Node.Attributes.ContainsKey("checked"))
                .Select(n => n.Node.Attributes.GetValueOrDefault("pressed") + n.Node.Attributes.GetValueOrDefault("checked")));
    }

}
