using ActionAgent.Core.Actions;
using ActionAgent.Core.Engine;
using ActionAgent.Core.Goals;
using ActionAgent.Core.Ports;

namespace ActionAgent.Planning.Offline;

// Search moves that follow from the evidence rule: what the engine will ask to see, the search does first — the option
// a goal's word picks ("the monthly newsletter"), a sort clicked again for the other direction, and the form's own
// button rather than a link that only looks like the goal ("Create an account" for "log in").
public sealed partial class OfflinePlanner
{
    /// <summary>Before a submit: the option one of its words picks out of a group of choices, when it is not chosen yet.</summary>
    private PlanDecision? ImpliedOption(SubGoal goal, PageModel page)
    {
        var s = _run.Search!;
        if (goal.Family != ActionFamily.Submit || s.Pending is not null) return null;
        if (EffectEvaluator.UnchosenOptionNode(goal, page.Observation) is not { } option) return null;
        if (!s.Tried.Add("option:" + option.Role + ":" + option.Name)) return null;
        PlanStep step;
        PageNode? node;
        if (option.Role == "option")
        {
            // A select's options carry no reference: the select that holds the option is chosen from.
            node = page.All.FirstOrDefault(n => n.Role is "combobox" or "listbox" && n.Children.Any(c => c.Role == "option" && c.Name == option.Name));
            if (node is null || node.IsDisabled) return null;
            step = SearchStep(ActionKind.Select, node, option.Name, goal.Text, option.Name);
        }
        else
        {
            node = page.All.FirstOrDefault(n => option.Ref is not null ? n.Node.Ref == option.Ref : n.Role == option.Role && n.Name == option.Name);
            if (node is null || node.IsDisabled) return null;
            step = SearchStep(option.Role == "radio" ? ActionKind.Check : ActionKind.Click, node, null, goal.Text, option.Name);
        }
        return PlanDecision.Continue([step with { SubGoal = goal.Index }], $"sub-goal {goal}: the goal's words pick {node} before the form is sent");
    }

    /// <summary>A sort whose order is not the one asked for yet: the same header clicked once more turns the direction.</summary>
    private static SearchAttempt? SortAgain(SubGoal goal, SearchAttempt pending) =>
        EffectEvaluator.IsSort(goal) && pending.Step.Action == ActionKind.Click && pending.FollowUps == 0
            ? pending with { Why = "click it again: a sort turns its direction on the second click", Undo = null }
            : null;

    /// <summary>
    /// A submit presses the form's button: the only button there is, else the button whose words fit, before any
    /// link (a link next to a login form leads elsewhere: "Create an account", "Forgot your code?").
    /// </summary>
    private async Task<SearchAttempt?> FormButtonAsync(SubGoal goal, List<PageNode> inForm, CancellationToken cancellationToken)
    {
        var s = _run.Search!;
        var buttons = inForm.Where(n => n.Role == "button" && !n.IsDisabled && !s.Tried.Contains(CandidateKey(ActionKind.Click, n))).ToList();
        if (buttons.Count == 0) return null;
        if (buttons.Count == 1 && inForm.Count(n => n.Role == "button") == 1)
        {
            var only = buttons[0];
            return new SearchAttempt(CandidateKey(ActionKind.Click, only), SearchStep(ActionKind.Click, only, null, goal.Text, ObjectWords(goal)),
                $"{only} is the only button there is");
        }
        return await OnBestAsync(goal, ActionKind.Click, ObjectWords(goal), buttons, cancellationToken, n => 1, byMeaning: true).ConfigureAwait(false);
    }
}
