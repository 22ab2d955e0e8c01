using ActionAgent.Core.Actions;
using ActionAgent.Core.Goals;
using ActionAgent.Core.Observation;

namespace ActionAgent.Core.Engine;

/// <summary>
/// The evidence rule's bookkeeping for one run: the goal's sub-goals, which ones showed their effect (after which
/// step, with what evidence), and the screen each one is judged against.
/// </summary>
internal sealed class SubGoalLedger(IReadOnlyList<SubGoal> subGoals)
{
    private readonly Dictionary<int, UiObservation> _baselines = [];
    private readonly Dictionary<int, (EffectEvidence Evidence, int Step)> _achieved = [];
    private readonly Dictionary<int, string> _lastSeen = [];
    private readonly List<string> _typed = [];
    private readonly Dictionary<string, int> _filledBy = new(StringComparer.Ordinal);

    public IReadOnlyList<SubGoal> SubGoals { get; } = subGoals;

    public IReadOnlySet<int> Achieved => _achieved.Keys.ToHashSet();

    public bool IsAchieved(int index) => _achieved.ContainsKey(index);

    /// <summary>
    /// Checks the effect of the sub-goal a step served (<see cref="PlanStep.SubGoal"/>), or, for a step the planner did
    /// not tag, of the sub-goals still pending: a specific effect (a value, a box, an item) is credited to whichever
    /// sub-goal shows it; a mere change of screen only to the first pending one.
    /// </summary>
    public (int? SubGoal, EffectEvidence? Evidence) AfterStep(int stepIndex, PlanStep step, UiObservation before, UiObservation after)
    {
        if (SubGoals.Count == 0) return (null, null);
        if (step.Action is ActionKind.Fill or ActionKind.Type or ActionKind.Select && !string.IsNullOrEmpty(step.Value)) _typed.Add(step.Value);
        Overwrites(step);
        var acted = new EffectStep(step, before);
        if (step.SubGoal is { } tagged && SubGoals.FirstOrDefault(g => g.Index == tagged) is { } served)
        {
            if (!_baselines.ContainsKey(tagged)) _baselines[tagged] = before;
            var evidence = EffectEvaluator.Evaluate(served, _baselines[tagged], after, acted);
            Note(served, evidence, stepIndex);
            return (tagged, evidence);
        }
        (int? Index, EffectEvidence? Evidence) credited = (null, null);
        var first = true;
        foreach (var goal in SubGoals.Where(g => !IsAchieved(g.Index)))
        {
            // A choice with no value to look for ("pick the cheapest") is proven only by a change, as weak as a navigation.
            var weak = goal.Effect.Kind is EffectKind.ScreenChanged or EffectKind.Navigated or EffectKind.ListChanged or EffectKind.Revealed ||
                (goal.Effect.Kind is EffectKind.Selected && string.IsNullOrEmpty(goal.Effect.Value));
            if (weak && !first) continue;
            first = false;
            var evidence = EffectEvaluator.Evaluate(goal, before, after, acted);
            _lastSeen[goal.Index] = evidence.Detail;
            if (!evidence.Observed) continue;
            _achieved[goal.Index] = (evidence, stepIndex);
            if (credited.Index is null) credited = (goal.Index, evidence);
        }
        return credited;
    }

    /// <summary>
    /// A field filled for one sub-goal and then filled again for another (the "3" of "3 stars" typed into the review box,
    /// then the review over it): the first sub-goal's value is gone, whatever its check saw at the time.
    /// </summary>
    private void Overwrites(PlanStep step)
    {
        if (step.Action is not (ActionKind.Fill or ActionKind.Type) || step.SubGoal is not { } goal || step.Target is not { } target) return;
        var key = !string.IsNullOrWhiteSpace(target.Name) ? $"{target.Role}:{target.Name}" : target.Ref is { } r ? $"ref:{r}" : null;
        if (key is null) return;
        if (_filledBy.TryGetValue(key, out var earlier) && earlier != goal && _achieved.Remove(earlier))
        {
            _lastSeen[earlier] = $"its value was typed over: the same field ({target.Role} \"{target.Name}\") was then filled for sub-goal #{goal}";
        }
        _filledBy[key] = goal;
    }

    /// <summary>The sub-goals still pending from the one a step is tagged with (else from the first), in order.</summary>
    public IEnumerable<SubGoal> PendingAfter(PlanStep step) =>
        SubGoals.Where(g => !IsAchieved(g.Index) && (step.SubGoal is not { } tagged || g.Index >= tagged));

    /// <summary>
    /// When the planner says it is done: state effects (a value, a box, visible text) and "every item in scope" are
    /// judged once more on the final screen; then every achieved sub-goal whose words pick an option the page offers
    /// ("the monthly newsletter") must show that option chosen.
    /// </summary>
    public void AtEnd(UiObservation start, UiObservation final)
    {
        foreach (var goal in SubGoals.Where(g => !IsAchieved(g.Index)))
        {
            var state = goal.Effect.Kind is EffectKind.ValueSet or EffectKind.Checked or EffectKind.Unchecked or EffectKind.Selected or EffectKind.TextVisible or EffectKind.Expanded;
            var everyItem = goal.Qualifiers.Quantity == Quantity.All && EffectEvaluator.NamedTokens(goal).Count > 0;
            if (!state && !everyItem) continue;
            var evidence = EffectEvaluator.Evaluate(goal, _baselines.GetValueOrDefault(goal.Index, start), final);
            _lastSeen[goal.Index] = evidence.Detail;
            if (evidence.Observed) _achieved[goal.Index] = (evidence, 0);
        }
        foreach (var goal in SubGoals.Where(g => IsAchieved(g.Index)))
        {
            if ((EffectEvaluator.UnchosenOption(goal, final) ?? EffectEvaluator.UnplacedName(goal, _typed, final)) is not { } unmet) continue;
            _achieved.Remove(goal.Index);
            _lastSeen[goal.Index] = unmet;
        }
    }

    /// <summary>The non-optional sub-goals whose effect was never observed.</summary>
    public IReadOnlyList<SubGoal> Missing() => [.. SubGoals.Where(g => !g.Optional && !IsAchieved(g.Index) && AddedBy(g) is null)];

    /// <summary>
    /// "Add "Lentil soup" to my cookbook" on a page that lists the dish and marks it in place: the typing sub-goal is only
    /// the means of the add that follows it, so the add's own evidence (the item appeared or was marked) settles it.
    /// </summary>
    public SubGoal? AddedBy(SubGoal typing) =>
        typing.Family == ActionFamily.EnterText && typing.Effect.Kind == EffectKind.ValueSet && typing.Effect.Value is { Length: > 0 } value
            ? SubGoals.FirstOrDefault(g => g.Index > typing.Index && g.Effect.Kind == EffectKind.ItemAppeared &&
                string.Equals(g.Effect.Value, value, StringComparison.OrdinalIgnoreCase) && IsAchieved(g.Index))
            : null;

    public string LastSeen(int index) => _lastSeen.GetValueOrDefault(index, "no step served it");

    public IEnumerable<(SubGoal Goal, bool Achieved, string Evidence, int? AtStep)> Report() =>
        SubGoals.Select(g => _achieved.TryGetValue(g.Index, out var a)
            ? (g, true, a.Evidence.Detail, a.Step > 0 ? a.Step : (int?)null)
            : AddedBy(g) is { } add
                ? (g, true, $"nothing was typed: the add it was for (sub-goal #{add.Index}) showed: {_achieved[add.Index].Evidence.Detail}", (int?)null)
                : (g, false, LastSeen(g.Index), (int?)null));

    /// <summary>Keeps what the screen showed for a sub-goal; an observed effect achieves it (tree or screenshot evidence alike).</summary>
    public void Note(SubGoal goal, EffectEvidence evidence, int stepIndex)
    {
        _lastSeen[goal.Index] = evidence.Detail;
        if (evidence.Observed) _achieved[goal.Index] = (evidence, stepIndex);
        // "Every photo by @ana": a later step of the same sub-goal that touched an item that does not fit undoes it.
        else if (goal.Qualifiers.Quantity is not Quantity.One) _achieved.Remove(goal.Index);
    }
}
