using ActionAgent.Core.Actions;
using ActionAgent.Core.Ports;

namespace ActionAgent.Core.Planning;

/// <summary>
/// The planner for RPA-style scenarios: returns the scenario's explicit steps once, then reports the goal reached.
/// It cannot replan; a failed step fails the run with the step's own error.
/// </summary>
public sealed class ExplicitStepsPlanner(IReadOnlyList<PlanStep> steps) : IPlanner
{
    private bool _handedOut;

    /// <inheritdoc />
    public string Name => "explicit";

    /// <inheritdoc />
    public bool ReadsScreenshots => false;

    /// <inheritdoc />
    public Task<PlanDecision> NextAsync(PlanningContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Failure is not null)
        {
            return Task.FromResult(PlanDecision.GiveUp("explicit steps are carried out as written and cannot be replanned"));
        }
        if (_handedOut) return Task.FromResult(PlanDecision.Done("all explicit steps were carried out"));
        _handedOut = true;
        return Task.FromResult(steps.Count == 0
            ? PlanDecision.GiveUp("the scenario has no steps")
            : PlanDecision.Continue(steps, $"{steps.Count} explicit steps from the scenario"));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PlanStep>> DraftAsync(PlanningContext context, CancellationToken cancellationToken) =>
        Task.FromResult(steps);
}
